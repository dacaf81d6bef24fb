from django import forms
from django.utils.translation import gettext_lazy as _

from verzuimportaal.utils.forms import DatumInput, PortaalForm

from .models import VANGNET_GRONDSLAGEN


class SpecificatieimportForm(PortaalForm):
    bestand = forms.FileField(
        label=_("Bestand (CSV, Excel of JSON)"),
        help_text=_(
            "Kolommen: bsn, loonheffingennummer, grondslag, van, tot_en_met, dagloon, percentage, "
            "dagbedrag, bruto. In JSON een lijst van regels met deze sleutels."
        ),
    )


class MaximumdagloonForm(PortaalForm):
    ingangsdatum = forms.DateField(
        label=_("Ingangsdatum"), widget=DatumInput(), help_text=_("1 januari of 1 juli.")
    )
    bedrag = forms.DecimalField(
        label=_("Maximumdagloon (€)"), max_digits=8, decimal_places=2, min_value=0
    )


class VangnetForm(PortaalForm):
    kvk_nummer = forms.CharField(label=_("KvK-nummer van de werkgever"), max_length=8)
    verzuimnummer = forms.CharField(label=_("Verzuimnummer"), max_length=20)
    grondslag = forms.ChoiceField(
        label=_("Grondslag"), choices=[(g.value, g.label) for g in VANGNET_GRONDSLAGEN]
    )
    percentage = forms.DecimalField(
        label=_("Percentage (alleen no-riskpolis)"),
        max_digits=5,
        decimal_places=2,
        required=False,
        help_text=_("Het percentage uit de cao, 70 tot en met 100."),
    )
