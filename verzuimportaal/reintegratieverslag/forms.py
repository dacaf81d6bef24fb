from django import forms
from django.utils.translation import gettext_lazy as _

from verzuimportaal.utils.forms import PortaalForm


class IndienenForm(PortaalForm):
    mening_werknemer = forms.CharField(
        label=_("Mening van de werknemer over de re-integratie"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=8000,
        required=False,
        help_text=_("Zoals de werknemer die zelf heeft gegeven. Geen medische gegevens invullen."),
    )
