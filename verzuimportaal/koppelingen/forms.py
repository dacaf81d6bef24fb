from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from verzuimportaal.toegang.actor import Niveau

from .scopenamen import KOPPELBARE_DIENSTEN

NIVEAUKEUZES = [
    ("", "Geen"),
    (Niveau.BEKIJKEN, "Bekijken"),
    (Niveau.WIJZIGEN, "Bekijken en wijzigen"),
]


class RegistreerForm(forms.Form):
    naam = forms.CharField(
        label=_("Naam van de koppeling"),
        max_length=100,
        help_text=_("Bijvoorbeeld het salarispakket of HR-systeem dat de koppeling gebruikt."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for dienst in KOPPELBARE_DIENSTEN:
            self.fields[dienst.value] = forms.ChoiceField(
                label=dienst.label, choices=NIVEAUKEUZES, required=False, initial=""
            )

    def niveaus(self) -> dict[str, str]:
        return {d.value: self.cleaned_data.get(d.value) or "" for d in KOPPELBARE_DIENSTEN}
