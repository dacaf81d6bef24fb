from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from verzuimportaal.werkgevers.models import Loonheffingennummer

from .periode import PeriodeForm

STANDAARD_EIGENRISICO_WEKEN = 2


class OverzichtForm(PeriodeForm):
    """Period plus an optional loonheffingennummer (only numbers the actor may see)."""

    loonheffingennummer = forms.ModelChoiceField(
        label=gettext_lazy("Loonheffingennummer"),
        queryset=Loonheffingennummer.objects.none(),
        required=False,
        empty_label=gettext_lazy("Alle loonheffingennummers"),
        to_field_name="nummer",  # the number itself in the URL, not a database id
        error_messages={
            "invalid_choice": gettext_lazy("Kies een loonheffingennummer uit de lijst.")
        },
    )

    def __init__(
        self, data: Any = None, *args: Any, nummers: QuerySet[Loonheffingennummer], **kwargs: Any
    ) -> None:
        super().__init__(data, *args, **kwargs)
        veld = self.fields["loonheffingennummer"]
        assert isinstance(veld, forms.ModelChoiceField)
        veld.queryset = nummers

    @property
    def nummer(self) -> Loonheffingennummer | None:
        nummer: Loonheffingennummer | None = self.cleaned_data.get("loonheffingennummer")
        return nummer


class VerzekeraarForm(OverzichtForm):
    eigenrisico_weken = forms.IntegerField(
        label=gettext_lazy("Eigenrisicotermijn in weken"),
        min_value=0,
        max_value=104,
        help_text=format_lazy(
            gettext_lazy(
                "De eerste weken van elke ziekmelding die u zelf draagt, volgens uw polis. "
                "Standaard {weken} weken."
            ),
            weken=STANDAARD_EIGENRISICO_WEKEN,
        ),
        error_messages={
            "required": gettext_lazy("Vul de eigenrisicotermijn in weken in (0 tot en met 104)."),
            "invalid": gettext_lazy("Vul de eigenrisicotermijn in als een heel aantal weken."),
            "min_value": gettext_lazy("De eigenrisicotermijn kan niet negatief zijn."),
            "max_value": gettext_lazy("Een eigenrisicotermijn is hoogstens 104 weken."),
        },
    )

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        if data is not None and not data.get("eigenrisico_weken"):
            data = data.copy()
            data["eigenrisico_weken"] = str(STANDAARD_EIGENRISICO_WEKEN)
        super().__init__(data, *args, **kwargs)
