"""Relatiebeheer for the operator: known advisors, their local accounts, casemanagers.

Grants themselves (``Adviseurtoegang``) are made and ended by the werkgever in the portal; the
admin shows them read-only so the operator can answer questions without changing them.
"""

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest

from verzuimportaal.toegang import verlenen
from verzuimportaal.toegang.acterend import beheerder_van
from verzuimportaal.utils.admin import AlleenLezenAdmin

from . import service
from .models import (
    CASEMANAGERDIENSTEN,
    Adviseur,
    AdviseurMedewerker,
    Adviseurtoegang,
    Casemanagertoewijzing,
)


@admin.register(Adviseur)
class AdviseurAdmin(admin.ModelAdmin):
    list_display = ["naam", "kvk_nummer", "soort", "vergunning_gecontroleerd_op", "actief"]
    list_filter = ["soort", "actief"]
    search_fields = ["naam", "kvk_nummer"]


@admin.register(AdviseurMedewerker)
class AdviseurMedewerkerAdmin(admin.ModelAdmin):
    list_display = ["gebruiker", "adviseur", "actief"]
    list_filter = ["actief"]
    search_fields = ["gebruiker__username", "adviseur__naam", "adviseur__kvk_nummer"]
    autocomplete_fields = ["adviseur"]
    raw_id_fields = ["gebruiker"]


class CasemanagertoewijzingForm(forms.ModelForm):
    """An active assignment gives the casemanager services: only an operator holding them as a
    verlener may give it (grant only what you hold, ADR 0016)."""

    door: Any = None

    class Meta:
        model = Casemanagertoewijzing
        fields = ["gebruiker", "werkgever", "actief"]

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        if gegevens.get("actief"):
            try:
                verlenen.vereis_eigen_rechten(
                    door=service.casemanagerverlener(self.door),
                    diensten=sorted(CASEMANAGERDIENSTEN),
                    wijzigen=False,
                    veld="actief",
                )
            except forms.ValidationError as fout:
                self.add_error(None, fout.messages)
        return gegevens


@admin.register(Casemanagertoewijzing)
class CasemanagertoewijzingAdmin(admin.ModelAdmin):
    form = CasemanagertoewijzingForm
    list_display = ["gebruiker", "werkgever", "actief", "toegewezen_op", "toegewezen_door"]
    list_filter = ["actief"]
    search_fields = ["gebruiker__username", "werkgever__naam", "werkgever__kvk_nummer"]
    raw_id_fields = ["gebruiker"]
    readonly_fields = ["toegewezen_op", "toegewezen_door"]

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> Any:
        form = super().get_form(request, obj, change=change, **kwargs)
        form.door = request.user  # type: ignore[attr-defined]
        return form

    def save_model(
        self, request: HttpRequest, obj: Casemanagertoewijzing, form: Any, change: bool
    ) -> None:
        if not change and obj.actief:
            # A new assignment is the use case of the service: one audit row in the werkgever's
            # log, in its transaction (ADR 0013).
            toewijzing = service.wijs_casemanager_toe(
                door=beheerder_van(request), casemanager=obj.gebruiker, werkgever=obj.werkgever
            )
            obj.pk = toewijzing.pk
            return
        if not change:
            obj.toegewezen_door = request.user  # type: ignore[assignment]
        super().save_model(request, obj, form, change)


@admin.register(Adviseurtoegang)
class AdviseurtoegangAdmin(AlleenLezenAdmin):
    list_display = ["werkgever", "adviseur", "niveau", "status", "aangevraagd_op", "bevestigd_op"]
    list_filter = ["status", "niveau"]
    search_fields = ["werkgever__naam", "werkgever__kvk_nummer", "adviseur__naam"]
    exclude = ["bevestigingstoken_hash"]
