from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from verzuimportaal.overzichten.periode import PeriodeForm
from verzuimportaal.werkgevers.models import Loonheffingennummer


class StatistiekForm(PeriodeForm):
    """Period (shared ``PeriodeForm`` rules) plus an optional loonheffingennummer of the actor.

    The number is chosen by its database id, not the number itself: a loonheffingennummer of a
    sole trader contains a BSN, which never goes into a URL (DOMAIN §9).
    """

    loonheffingennummer = forms.ModelChoiceField(
        label=gettext_lazy("Loonheffingennummer"),
        queryset=Loonheffingennummer.objects.none(),
        required=False,
        empty_label=gettext_lazy("Alle loonheffingennummers"),
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
        veld.queryset = nummers.order_by("nummer")

    @property
    def nummer(self) -> Loonheffingennummer | None:
        nummer: Loonheffingennummer | None = self.cleaned_data.get("loonheffingennummer")
        return nummer
