"""Operator: versions of the terms; decisions are read-only history."""

from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone

from verzuimportaal.toegang.acterend import beheerder_van
from verzuimportaal.utils.admin import AlleenLezenAdmin

from . import service
from .models import Acceptatie, Voorwaardenversie


class VersieForm(forms.ModelForm):
    class Meta:
        model = Voorwaardenversie
        fields = ["nummer", "titel", "tekst", "gepubliceerd_op", "ingangsdatum"]

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        if not self.errors:
            try:
                service.valideer_versie(
                    nummer=gegevens["nummer"],
                    gepubliceerd_op=gegevens["gepubliceerd_op"],
                    ingangsdatum=gegevens["ingangsdatum"],
                    pk=self.instance.pk,
                )
            except ValidationError as fout:
                raise ValidationError(fout.messages) from fout
        return gegevens


@admin.register(Voorwaardenversie)
class VoorwaardenversieAdmin(admin.ModelAdmin):
    form = VersieForm
    list_display = ["nummer", "titel", "gepubliceerd_op", "ingangsdatum"]
    fields = ["nummer", "titel", "tekst", "gepubliceerd_op", "ingangsdatum"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # What users may have read and accepted must not change afterwards: publish a new version.
        if obj is not None and obj.gepubliceerd_op <= timezone.localdate():
            return self.fields
        return []

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None or obj.gepubliceerd_op > timezone.localdate()

    def save_model(
        self, request: HttpRequest, obj: Voorwaardenversie, form: Any, change: bool
    ) -> None:
        if change:  # only possible before publication (see get_readonly_fields)
            super().save_model(request, obj, form, change)
            return
        obj.pk = service.publiceer_versie(door=beheerder_van(request), **form.cleaned_data).pk


@admin.register(Acceptatie)
class AcceptatieAdmin(AlleenLezenAdmin):
    list_display = ["tijdstip", "versie", "beslissing", "gebruiker", "kvk_nummer"]
    list_filter = ["beslissing", "versie"]
    search_fields = ["gebruiker__username", "pseudoniem", "kvk_nummer", "notificatie_email"]
