from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from .models import Gebeurtenis


class AbonnementForm(forms.Form):
    url = forms.URLField(
        label=_("Adres (https)"),
        max_length=500,
        assume_scheme="https",
        help_text=_(
            "Hier sturen wij een POST-verzoek met de gebeurtenis, ondertekend met het secret."
        ),
    )
    gebeurtenissen = forms.MultipleChoiceField(
        label=_("Gebeurtenissen"),
        choices=Gebeurtenis.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    api_client: "forms.ModelChoiceField[Any]" = forms.ModelChoiceField(
        label=_("Voor koppeling (optioneel)"),
        queryset=None,
        required=False,
        empty_label=_("Geen: voor de werkgever"),
        help_text=_("Stopt vanzelf als de koppeling wordt ingetrokken."),
    )

    def __init__(self, *args: Any, clients: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["api_client"]
        assert isinstance(veld, forms.ModelChoiceField)
        veld.queryset = clients
