from datetime import date

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from verzuimportaal.utils.forms import DatumInput, PortaalForm

from .models import (
    GEEN_MEDISCHE_GEGEVENS,
    HANDMATIGE_TYPES,
    ActiviteitType,
    DocumentSoort,
    Verantwoordelijke,
    VerlengingSoort,
)

OMSCHRIJVING_HULP = "Kort, bijvoorbeeld 'Telefonisch contact over werkhervatting'. " + str(
    GEEN_MEDISCHE_GEGEVENS
)


def _omschrijving() -> forms.CharField:
    return forms.CharField(
        label=gettext("Omschrijving"), max_length=200, required=False, help_text=OMSCHRIJVING_HULP
    )


class ActiviteitForm(PortaalForm):
    type = forms.ChoiceField(
        label=_("Soort activiteit"),
        choices=[(t.value, t.label) for t in HANDMATIGE_TYPES],
        widget=forms.RadioSelect,
    )
    omschrijving = _omschrijving()
    deadline = forms.DateField(label=_("Uiterste datum"), widget=DatumInput())
    verantwoordelijke = forms.ChoiceField(
        label=_("Wie voert de activiteit uit?"), choices=Verantwoordelijke.choices
    )


class ActiviteitWijzigenForm(PortaalForm):
    omschrijving = _omschrijving()
    deadline = forms.DateField(label=_("Uiterste datum"), widget=DatumInput())
    verantwoordelijke = forms.ChoiceField(
        label=_("Wie voert de activiteit uit?"), choices=Verantwoordelijke.choices
    )


class AfwerkenForm(PortaalForm):
    uitgevoerd_op = forms.DateField(
        label=_("Uitgevoerd op"),
        widget=DatumInput(),
        help_text=_("Vandaag of een dag in het verleden."),
    )


class StapAfwerkenForm(PortaalForm):
    soort = forms.ChoiceField(label=_("Wettelijke stap"), choices=())
    uitgevoerd_op = forms.DateField(
        label=_("Uitgevoerd op"),
        widget=DatumInput(),
        help_text=_(
            "De datum waarop de stap is gezet. Bij de probleemanalyse, het plan van aanpak "
            "en de evaluaties bepaalt deze datum de volgende termijnen."
        ),
    )
    omschrijving = _omschrijving()

    def __init__(self, *args: object, keuzes: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["soort"].choices = keuzes  # type: ignore[attr-defined]


class DocumentForm(PortaalForm):
    soort = forms.ChoiceField(label=_("Soort document"), choices=DocumentSoort.choices)
    bestand = forms.FileField(
        label=_("Bestand"),
        help_text=_("PDF, Word (.docx), JPEG of PNG. Geen documenten met medische gegevens."),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".pdf,.docx,.jpg,.jpeg,.png", "class": "utrecht-textbox"}
        ),
    )


class VerlengingForm(PortaalForm):
    soort = forms.ChoiceField(
        label=_("Wat is er vastgesteld?"), choices=VerlengingSoort.choices, widget=forms.RadioSelect
    )
    weken = forms.IntegerField(
        label=_("Aantal weken"),
        min_value=0,
        max_value=520,
        help_text=_(
            "Loonsanctie: 1 tot en met 52 weken. Vrijwillige verlenging: minstens 13 weken. "
            "Vul 0 in om een eerder vastgelegde verlenging te verwijderen."
        ),
    )


class OverzichtForm(PortaalForm):
    afgewerkt = forms.ChoiceField(
        label=_("Afgewerkt"),
        choices=[("nee", _("Nee")), ("ja", _("Ja"))],
        required=False,
        initial="nee",
    )
    achternaam = forms.CharField(label=_("Achternaam"), max_length=100, required=False)
    verzuimnummer = forms.CharField(label=_("Verzuimnummer"), max_length=20, required=False)
    type = forms.ChoiceField(
        label=_("Activiteit"),
        choices=[("", _("Alle activiteiten")), *ActiviteitType.choices],
        required=False,
    )
    van = forms.DateField(label=_("Datum vanaf"), required=False, widget=DatumInput())
    tot = forms.DateField(label=_("Datum tot en met"), required=False, widget=DatumInput())

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        van, tot = data.get("van"), data.get("tot")
        if isinstance(van, date) and isinstance(tot, date) and van > tot:
            self.add_error("tot", "De einddatum ligt vóór de begindatum. Draai ze om.")
        return data
