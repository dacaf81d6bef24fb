from django import forms

from verzuimportaal.utils.forms import PortaalForm


class IndienenForm(PortaalForm):
    mening_werknemer = forms.CharField(
        label="Mening van de werknemer over de re-integratie",
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=8000,
        required=False,
        help_text="Zoals de werknemer die zelf heeft gegeven. Geen medische gegevens invullen.",
    )
