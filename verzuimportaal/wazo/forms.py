from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from verzuimportaal.utils.forms import DatumInput, PortaalForm

from .models import Soort, UitkeringAan

GEEN_MEDISCHE_GEGEVENS = _("Geen medische gegevens invullen.")


class ZwangerschapsverlofForm(PortaalForm):
    """DOMAIN §7.1: the facts of the zwangerschapsverklaring that the employee keeps herself."""

    uitgerekende_datum = forms.DateField(
        label=_("Uitgerekende datum"),
        widget=DatumInput(),
        help_text=_(
            "Zoals op de zwangerschapsverklaring van de verloskundige of arts. De "
            "verklaring zelf bewaart de werknemer; u stuurt die niet mee."
        ),
    )
    meerling = forms.BooleanField(label=_("Het is een meerlingzwangerschap"), required=False)
    ingangsdatum = forms.DateField(
        label=_("Ingangsdatum zwangerschapsverlof"),
        widget=DatumInput(),
        help_text=_(
            "De werknemer kiest een dag van 6 tot 4 weken voor de dag na de uitgerekende "
            "datum (bij een meerling 10 tot 8 weken). U vraagt het verlof aan van 4 tot 2 weken "
            "voor de ingangsdatum."
        ),
    )
    uitkering_aan = forms.ChoiceField(
        label=_("Uitkering betalen aan"),
        choices=UitkeringAan.choices,
        initial=UitkeringAan.WERKGEVER,
        widget=forms.RadioSelect,
    )


class GeboorteForm(PortaalForm):
    geboortedatum = forms.DateField(label=_("Geboortedatum"), widget=DatumInput())
    ziekenhuis_van = forms.DateField(
        label=_("Kind opgenomen in het ziekenhuis vanaf"),
        widget=DatumInput(),
        required=False,
        help_text=format_lazy(
            "{} {}",
            _(
                "Alleen invullen als het kind na de geboorte langer dan 7 dagen in het "
                "ziekenhuis ligt; het bevallingsverlof wordt dan verlengd."
            ),
            GEEN_MEDISCHE_GEGEVENS,
        ),
    )
    ziekenhuis_tot = forms.DateField(
        label=_("Kind opgenomen in het ziekenhuis tot en met"),
        widget=DatumInput(),
        required=False,
    )


class AanvullendGeboorteverlofForm(PortaalForm):
    geboortedatum = forms.DateField(label=_("Geboortedatum kind"), widget=DatumInput())
    einde_geboorteverlof = forms.DateField(
        label=_("Laatste dag van het geboorteverlof (de eerste week, door u betaald)"),
        widget=DatumInput(),
    )
    ingangsdatum = forms.DateField(
        label=_("Ingangsdatum aanvullend geboorteverlof"), widget=DatumInput()
    )
    weken = forms.IntegerField(
        label=_("Aantal weken"),
        min_value=1,
        max_value=5,
        help_text=_("1 tot en met 5 weken, op te nemen binnen 6 maanden na de geboorte."),
    )
    uitkering_aan = forms.ChoiceField(
        label=_("Uitkering betalen aan"),
        choices=UitkeringAan.choices,
        initial=UitkeringAan.WERKGEVER,
        widget=forms.RadioSelect,
    )


class AdoptieverlofForm(PortaalForm):
    soort = forms.ChoiceField(
        label=_("Soort verlof"),
        choices=[(Soort.ADOPTIE, Soort.ADOPTIE.label), (Soort.PLEEGZORG, Soort.PLEEGZORG.label)],
        widget=forms.RadioSelect,
    )
    datum_komst = forms.DateField(label=_("Datum waarop het kind komt"), widget=DatumInput())
    ingangsdatum = forms.DateField(label=_("Ingangsdatum verlof"), widget=DatumInput())
    weken = forms.IntegerField(
        label=_("Aantal weken"),
        min_value=1,
        max_value=6,
        help_text=_(
            "Hoogstens 6 weken, van 4 weken voor tot 22 weken na de komst van het kind. "
            "Het bewijs van adoptie of pleegzorg stuurt u mee naar UWV."
        ),
    )
    uitkering_aan = forms.ChoiceField(
        label=_("Uitkering betalen aan"),
        choices=UitkeringAan.choices,
        initial=UitkeringAan.WERKGEVER,
        widget=forms.RadioSelect,
    )


class DagloonForm(PortaalForm):
    """A GET form: the employer's estimate of the WAZO uitkering (DOMAIN §7.2); nothing stored."""

    dagloon = forms.DecimalField(
        label=_("Dagloon (SV-jaarloon gedeeld door 261)"),
        min_value=0,
        max_digits=8,
        decimal_places=2,
        help_text=_(
            "In euro's, bijvoorbeeld 154,32. UWV stelt het dagloon vast; dit is een schatting."
        ),
        localize=True,
    )
