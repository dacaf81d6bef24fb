from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .service import VELDEN


class BestandForm(forms.Form):
    bestand = forms.FileField(
        label=_("Bestand (CSV of Excel)"),
        help_text=_("De eerste regel bevat de kolomnamen. Ten hoogste 10 MB."),
    )


class KoppelForm(forms.Form):
    """Per field of a werknemer: which column of the file holds it."""

    def __init__(self, *args: Any, koppen: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        keuzes = [("", _("— niet in het bestand —"))] + [(str(i), k) for i, k in enumerate(koppen)]
        for veld in VELDEN:
            self.fields[veld.naam] = forms.ChoiceField(
                label=veld.label
                if veld.verplicht
                else _("%(veld)s (optioneel)") % {"veld": veld.label},
                choices=keuzes,
                required=veld.verplicht,
            )

    def koppeling(self) -> dict[str, int]:
        return {v: int(i) for v, i in self.cleaned_data.items() if i not in ("", None)}
