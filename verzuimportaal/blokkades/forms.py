from django import forms
from django.utils.translation import gettext_lazy

from verzuimportaal.utils.forms import DatumInput, PortaalForm

from .models import MeldingSoort


class MisbruikmeldingForm(PortaalForm):
    soort = forms.ChoiceField(
        label=gettext_lazy("Wat vermoedt u?"),
        choices=MeldingSoort.choices,
        widget=forms.RadioSelect,
    )
    omschrijving = forms.CharField(
        label=gettext_lazy("Wat is er gebeurd?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy(
            "Beschrijf wat u zag en wanneer. Vermeld geen gegevens van werknemers: geen namen, "
            "burgerservicenummers of medische gegevens."
        ),
    )
    waargenomen_op = forms.DateField(
        label=gettext_lazy("Wanneer zag u het?"), required=False, widget=DatumInput()
    )
    contact_email = forms.EmailField(
        label=gettext_lazy("E-mailadres voor vragen over uw melding"), required=False
    )
