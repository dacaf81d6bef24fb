from datetime import datetime, time, timedelta
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from verzuimportaal.utils.forms import DatumInput, PortaalForm

from .models import Actie, Auditregel

OBJECTSOORTEN = [
    ("werknemer", "Werknemer"),
    ("verzuimgeval", "Verzuimgeval"),
    ("document", "Document"),
    ("auditregel", "Auditlog"),
]


class AuditFilterForm(PortaalForm):
    van = forms.DateField(label="Van", required=False, widget=DatumInput())
    tot = forms.DateField(label="Tot en met", required=False, widget=DatumInput())
    actie = forms.ChoiceField(
        label="Actie", required=False, choices=[("", "Alle acties"), *Actie.choices]
    )
    object_type = forms.ChoiceField(
        label="Soort gegeven", required=False, choices=[("", "Alle soorten"), *OBJECTSOORTEN]
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        van, tot = data.get("van"), data.get("tot")
        if van and tot and tot < van:
            self.add_error("tot", "De einddatum ligt vóór de begindatum. Kies een latere datum.")
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
