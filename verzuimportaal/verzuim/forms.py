from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from verzuimportaal.utils.forms import DatumInput, PortaalForm

from .models import HerstelSoort, Vangnet, ZelfdeOorzaak

GEEN_MEDISCHE_GEGEVENS = "Geen medische gegevens invullen."


class ZiekmeldingForm(PortaalForm):
    """DOMAIN §4.2: only what the employer side may register; no field invites medical data."""

    eerste_ziektedag = forms.DateField(
        label=_("Eerste ziektedag"),
        widget=DatumInput(),
        help_text=_("Vandaag of een dag in het verleden."),
    )
    arbeidsconflict = forms.BooleanField(
        label=_("Er is sprake van een arbeidsconflict"), required=False
    )
    bedrijfsongeval = forms.BooleanField(
        label=_("Het verzuim heeft te maken met een arbeidsongeval"), required=False
    )
    aansprakelijke_derde = forms.BooleanField(
        label=_(
            "Het verzuim komt door een ongeval waarbij een andere partij mogelijk aansprakelijk "
            "is (bijvoorbeeld een verkeersongeval)"
        ),
        required=False,
    )
    vangnet = forms.ChoiceField(
        label=_("Valt de werknemer onder een vangnetregeling van de Ziektewet?"),
        choices=Vangnet.choices,
        initial=Vangnet.ONBEKEND,
        widget=forms.RadioSelect,
        help_text="Alleen of dit zo is, niet welke regeling. " + GEEN_MEDISCHE_GEGEVENS,
    )
    verwachte_duur_dagen = forms.IntegerField(
        label=_("Verwachte duur in kalenderdagen"), required=False, min_value=1, max_value=730
    )
    zelfde_oorzaak = forms.ChoiceField(
        label=_(
            "Alleen bij ziekte direct na zwangerschaps- en bevallingsverlof: heeft de ziekte "
            "volgens de bedrijfsarts dezelfde oorzaak als de ziekte voor het verlof?"
        ),
        choices=ZelfdeOorzaak.choices,
        initial=ZelfdeOorzaak.ONBEKEND,
        required=False,
        widget=forms.RadioSelect,
        help_text="Bepaalt of de ziekteperioden voor en na het verlof samen tellen voor de 104 "
        "weken. Alleen ja of nee, nooit de oorzaak zelf. " + GEEN_MEDISCHE_GEGEVENS,
    )

    def clean_zelfde_oorzaak(self) -> str:
        return self.cleaned_data.get("zelfde_oorzaak") or ZelfdeOorzaak.ONBEKEND

    bereikbaar_telefoon = forms.CharField(
        label=_("Telefoonnummer tijdens ziekte"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "tel"}),
    )
    verblijfadres = forms.CharField(
        label=_("Adres tijdens ziekte, als dat afwijkt"),
        max_length=300,
        required=False,
        help_text="Bijvoorbeeld een verpleegadres. " + GEEN_MEDISCHE_GEGEVENS,
    )


class HerstelmeldingForm(PortaalForm):
    soort = forms.ChoiceField(
        label=_("Wat wilt u melden?"), choices=HerstelSoort.choices, widget=forms.RadioSelect
    )
    datum = forms.DateField(
        label=_("Datum"),
        widget=DatumInput(),
        help_text=_(
            "Volledig of gedeeltelijk hersteld: de eerste dag dat de werknemer (deels) "
            "weer werkt. Ziek uit dienst: de laatste dag in dienst."
        ),
    )
    percentage_arbeidsongeschikt = forms.IntegerField(
        label=_("Percentage nog arbeidsongeschikt"),
        required=False,
        help_text=_(
            "Alleen bij gedeeltelijk herstel: 1 tot en met 99, volgens het advies van de "
            "bedrijfsarts."
        ),
    )
    loonwaarde_percentage = forms.IntegerField(
        label=_("Loonwaarde van ander (aangepast) werk in %"),
        required=False,
        min_value=0,
        max_value=100,
        help_text=_(
            "Alleen invullen als de werknemer ander werk doet waar u een loonwaarde aan koppelt."
        ),
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        gedeeltelijk = data.get("soort") == HerstelSoort.GEDEELTELIJK
        if gedeeltelijk and data.get("percentage_arbeidsongeschikt") is None:
            self.add_error(
                "percentage_arbeidsongeschikt",
                "Vul bij gedeeltelijk herstel het percentage in dat de werknemer nog "
                "arbeidsongeschikt is (1 tot en met 99).",
            )
        return data


class CorrectieSoort:
    """What the correction form can change (DOMAIN §4.6, ADR 0009)."""

    EERSTE_ZIEKTEDAG = "eerste_ziektedag"
    HERSTELDATUM = "hersteldatum"
    HERSTEL_INTREKKEN = "herstel_intrekken"
    KEUZES = (
        (EERSTE_ZIEKTEDAG, "De eerste ziektedag"),
        (HERSTELDATUM, "De hersteldatum"),
        (HERSTEL_INTREKKEN, "De herstelmelding intrekken (de werknemer is nog ziek)"),
    )


class CorrectieForm(PortaalForm):
    wat = forms.ChoiceField(
        label=_("Wat wilt u corrigeren?"), choices=CorrectieSoort.KEUZES, widget=forms.RadioSelect
    )
    datum = forms.DateField(
        label=_("Juiste datum"),
        widget=DatumInput(),
        required=False,
        help_text=_(
            "De juiste eerste ziektedag of hersteldatum (de eerste dag dat de werknemer "
            "weer volledig werkt). Niet nodig bij het intrekken van de herstelmelding."
        ),
    )
    reden = forms.CharField(
        label=_("Reden van de correctie"),
        max_length=200,
        error_messages={
            "required": _(
                "Vul in waarom u dit corrigeert, bijvoorbeeld 'verkeerde datum ingevuld'."
            )
        },
        help_text="Bijvoorbeeld 'verkeerde datum ingevuld'. " + GEEN_MEDISCHE_GEGEVENS,
    )

    def __init__(self, *args: Any, hersteld: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not hersteld:  # only a reported full recovery can be moved or withdrawn
            veld = self.fields["wat"]
            assert isinstance(veld, forms.ChoiceField)
            veld.choices = CorrectieSoort.KEUZES[:1]
            veld.initial = CorrectieSoort.EERSTE_ZIEKTEDAG

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        met_datum = data.get("wat") in (
            CorrectieSoort.EERSTE_ZIEKTEDAG,
            CorrectieSoort.HERSTELDATUM,
        )
        if met_datum and data.get("datum") is None and "datum" not in self.errors:
            self.add_error("datum", "Vul de juiste datum in.")
        return data


class PercentageWijzigenForm(PortaalForm):
    ingangsdatum = forms.DateField(
        label=_("Ingangsdatum"),
        widget=DatumInput(),
        help_text=_("De eerste dag met het nieuwe percentage."),
    )
    percentage_arbeidsongeschikt = forms.IntegerField(
        label=_("Nieuw percentage arbeidsongeschikt"),
        help_text=_(
            "1 tot en met 100, volgens het advies van de bedrijfsarts. Hoger of lager dan "
            "nu. Volledig hersteld? Meld dan herstel."
        ),
    )
    reden = forms.CharField(
        label=_("Toelichting"),
        max_length=200,
        required=False,
        help_text="Bijvoorbeeld 'advies bedrijfsarts van 18-11'. " + GEEN_MEDISCHE_GEGEVENS,
    )


class ZelfdeOorzaakForm(PortaalForm):
    zelfde_oorzaak = forms.ChoiceField(
        label=_(
            "Heeft de ziekte na het zwangerschaps- en bevallingsverlof volgens de bedrijfsarts "
            "dezelfde oorzaak als de ziekte ervoor?"
        ),
        choices=ZelfdeOorzaak.choices,
        widget=forms.RadioSelect,
        help_text="Alleen ja of nee, nooit de oorzaak zelf. " + GEEN_MEDISCHE_GEGEVENS,
    )
