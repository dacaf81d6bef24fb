"""Operator: publish, announce and lift incident notices (through the services)."""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy, ngettext

from verzuimportaal.toegang.acterend import beheerder_van

from . import service
from .models import Storingsmelding

VELDEN: list[str] = [
    "titel",
    "tekst",
    "onderbreking",
    "aangekondigd_vanaf",
    "begin",
    "verwacht_einde",
    "verwachte_duur",
    "einde",
]


class StoringsmeldingForm(forms.ModelForm):
    class Meta:
        model = Storingsmelding
        fields = tuple(VELDEN)

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        if not self.errors:
            try:
                service.valideer_storing(
                    titel=gegevens.get("titel", ""),
                    begin=gegevens["begin"],
                    verwacht_einde=gegevens.get("verwacht_einde"),
                    einde=gegevens.get("einde"),
                    aangekondigd_vanaf=gegevens.get("aangekondigd_vanaf"),
                )
            except ValidationError as fout:
                raise ValidationError(fout.messages) from fout
        return gegevens


@admin.register(Storingsmelding)
class StoringsmeldingAdmin(admin.ModelAdmin):
    form = StoringsmeldingForm
    fields = tuple(VELDEN)
    list_display = ["titel", "onderbreking", "begin", "verwacht_einde", "einde"]
    list_filter = ["onderbreking"]
    actions = ["opheffen"]

    def save_model(
        self, request: HttpRequest, obj: Storingsmelding, form: Any, change: bool
    ) -> None:
        if change:
            # Correcting the text or times of a notice (e.g. a new expected end).
            velden = {veld: form.cleaned_data[veld] for veld in form.changed_data}
            if velden:
                service.wijzig_storing(door=beheerder_van(request), melding=obj, **velden)
            return
        nieuw = service.meld_storing(
            door=beheerder_van(request),
            **{veld: form.cleaned_data[veld] for veld in VELDEN},
        )
        obj.pk = nieuw.pk

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Only a notice that has not begun yet can be withdrawn; the rest is history.
        return obj is None or obj.begin > timezone.now()

    @admin.action(description=gettext_lazy("Storing beëindigen (melding opheffen)"))
    def opheffen(self, request: HttpRequest, queryset: QuerySet[Storingsmelding]) -> None:
        aantal = 0
        for melding in queryset:
            try:
                service.hef_op(door=beheerder_van(request), melding=melding)
            except ValidationError as fout:
                self.message_user(request, f"{melding}: {fout.messages[0]}", messages.WARNING)
                continue
            aantal += 1
        self.message_user(
            request,
            ngettext(
                "%(aantal)s storingsmelding beëindigd.",
                "%(aantal)s storingsmeldingen beëindigd.",
                aantal,
            )
            % {"aantal": aantal},
            messages.SUCCESS,
        )
