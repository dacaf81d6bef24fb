from datetime import datetime, time, timedelta
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from verzuimportaal.utils.forms import DatumInput, PortaalForm

from .models import Actie, Auditregel

OBJECTSOORTEN = [
    ("werknemer", gettext_lazy("Werknemer")),
    ("verzuimgeval", gettext_lazy("Verzuimgeval")),
    ("document", gettext_lazy("Document")),
    ("auditregel", gettext_lazy("Auditlog")),
]


class AuditFilterForm(PortaalForm):
    van = forms.DateField(label=gettext_lazy("Van"), required=False, widget=DatumInput())
    tot = forms.DateField(label=gettext_lazy("Tot en met"), required=False, widget=DatumInput())
    actie = forms.ChoiceField(
        label=gettext_lazy("Actie"),
        required=False,
        choices=[("", gettext_lazy("Alle acties")), *Actie.choices],
    )
    object_type = forms.ChoiceField(
        label=gettext_lazy("Soort gegeven"),
        required=False,
        choices=[("", gettext_lazy("Alle soorten")), *OBJECTSOORTEN],
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        van, tot = data.get("van"), data.get("tot")
        if van and tot and tot < van:
            self.add_error(
                "tot", gettext("De einddatum ligt vóór de begindatum. Kies een latere datum.")
            )
        return data

    def filter(self, regels: QuerySet[Auditregel]) -> QuerySet[Auditregel]:
        """Apply the valid filters; an invalid form filters nothing (its errors are shown)."""
        if not self.is_valid():
            return regels
        data = self.cleaned_data
        tz = timezone.get_current_timezone()
        if data.get("van"):
            regels = regels.filter(tijdstip__gte=datetime.combine(data["van"], time(), tz))
        if data.get("tot"):
            einde = datetime.combine(data["tot"] + timedelta(days=1), time(), tz)
            regels = regels.filter(tijdstip__lt=einde)
        if data.get("actie"):
            regels = regels.filter(actie=data["actie"])
        if data.get("object_type"):
            regels = regels.filter(object_type=data["object_type"])
        return regels
