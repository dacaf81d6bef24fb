from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from verzuimportaal.utils.forms import PortaalForm
from verzuimportaal.werkgevers.models import Loonheffingennummer


class ActiverenForm(PortaalForm):
    loonheffingennummer: forms.ModelChoiceField = forms.ModelChoiceField(
        queryset=Loonheffingennummer.objects.none(),  # set per actor
        label=gettext_lazy("Loonheffingennummer"),
        empty_label=None,
    )
    code = forms.CharField(
        label=gettext_lazy("Verificatiecode"),
        max_length=30,
        help_text=gettext_lazy(
            "De code uit de brief, bijvoorbeeld ACDE-FGHJ-KMNP. Streepjes en spaties mogen."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def __init__(self, *args: Any, nummers: QuerySet[Loonheffingennummer], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["loonheffingennummer"]).queryset = nummers
