from django import forms
from django.utils.translation import gettext_lazy as _

from verzuimportaal.utils.forms import PortaalForm

from .models import Importsoort


class ErdimportForm(PortaalForm):
    soort = forms.ChoiceField(
        label=_("Wat staat in het bestand?"),
        choices=Importsoort.choices,
        widget=forms.RadioSelect,
    )
    bestand = forms.FileField(
        label=_("Bestand (CSV of Excel)"),
        help_text=_("Eerste regel: de kolomnamen, zoals hieronder beschreven."),
    )
