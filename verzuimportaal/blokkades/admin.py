"""Operator: the queue of misuse reports, and blocking / unblocking (through the services)."""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy, ngettext

from verzuimportaal.toegang.acterend import beheerder_van

from . import service
from .models import Blokkade, MeldingStatus, Misbruikmelding


class BlokkadeForm(forms.ModelForm):
    class Meta:
        model = Blokkade
        fields = [
            "soort",
            "gebruiker",
            "pseudoniem",
            "kvk_nummer",
            "reden",
            "van",
            "tot",
            "melding",
        ]

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        if self.instance.pk is None and not self.errors:
            try:
                service.valideer_blokkade(
                    soort=gegevens.get("soort", ""),
                    reden=gegevens.get("reden", ""),
                    gebruiker=gegevens.get("gebruiker"),
                    pseudoniem=gegevens.get("pseudoniem", ""),
                    kvk_nummer=gegevens.get("kvk_nummer", ""),
                    van=gegevens["van"],
                    tot=gegevens.get("tot"),
                )
            except ValidationError as fout:
                raise ValidationError(fout.messages) from fout
        return gegevens


@admin.register(Blokkade)
class BlokkadeAdmin(admin.ModelAdmin):
    form = BlokkadeForm
    list_display = ["__str__", "van", "tot", "opgeheven_op", "aangemaakt_door"]
    list_filter = ["soort", ("opgeheven_op", admin.EmptyFieldListFilter)]
    search_fields = ["pseudoniem", "kvk_nummer", "gebruiker__username", "reden"]
    raw_id_fields = ["gebruiker", "melding"]
    actions = ["opheffen"]
    fields = ["soort", "gebruiker", "pseudoniem", "kvk_nummer", "reden", "van", "tot", "melding"]
    readonly_na_aanmaken = [
        *fields,
        "aangemaakt_op",
        "aangemaakt_door",
        "opgeheven_op",
        "opgeheven_door",
        "reden_opheffing",
    ]

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.readonly_na_aanmaken if obj else self.fields

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        return self.readonly_na_aanmaken if obj else []

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # history stays complete; lift a block instead

    def save_model(self, request: HttpRequest, obj: Blokkade, form: Any, change: bool) -> None:
        if change:
            return  # a block is never edited; lift it and make a new one
        nieuw = service.blokkeer(
            door=beheerder_van(request),
            soort=obj.soort,
            reden=obj.reden,
            gebruiker=obj.gebruiker,
            pseudoniem=obj.pseudoniem,
            kvk_nummer=obj.kvk_nummer,
            van=obj.van,
            tot=obj.tot,
            melding=obj.melding,
        )
        obj.pk = nieuw.pk

    @admin.action(description=gettext_lazy("Geselecteerde blokkades opheffen"))
    def opheffen(self, request: HttpRequest, queryset: QuerySet[Blokkade]) -> None:
        aantal = 0
        for blokkade in queryset:
            try:
                service.hef_op(door=beheerder_van(request), blokkade=blokkade)
            except ValidationError:
                continue
            aantal += 1
        self.message_user(
            request,
            ngettext("%(aantal)s blokkade opgeheven.", "%(aantal)s blokkades opgeheven.", aantal)
            % {"aantal": aantal},
            messages.SUCCESS,
        )


@admin.register(Misbruikmelding)
class MisbruikmeldingAdmin(admin.ModelAdmin):
    list_display = ["gemeld_op", "soort", "werkgever_kvk_nummer", "melder_naam", "status"]
    list_filter = ["status", "soort"]
    search_fields = ["omschrijving", "werkgever_kvk_nummer", "melder_naam"]
    actions = ["in_behandeling", "afgehandeld"]
    readonly_fields = [
        "soort",
        "omschrijving",
        "waargenomen_op",
        "contact_email",
        "gemeld_op",
        "gemeld_door",
        "melder_naam",
        "melder_pseudoniem",
        "werkgever_kvk_nummer",
        "status",
        "behandeld_door",
        "behandeld_op",
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def _zet_status(
        self, request: HttpRequest, queryset: QuerySet[Misbruikmelding], status: str
    ) -> None:
        for melding in queryset:
            service.behandel_melding(door=beheerder_van(request), melding=melding, status=status)
        aantal = queryset.count()
        self.message_user(
            request,
            ngettext("%(aantal)s melding bijgewerkt.", "%(aantal)s meldingen bijgewerkt.", aantal)
            % {"aantal": aantal},
            messages.SUCCESS,
        )

    @admin.action(description=gettext_lazy("Markeren als in behandeling"))
    def in_behandeling(self, request: HttpRequest, queryset: QuerySet[Misbruikmelding]) -> None:
        self._zet_status(request, queryset, MeldingStatus.IN_BEHANDELING)

    @admin.action(description=gettext_lazy("Markeren als afgehandeld"))
    def afgehandeld(self, request: HttpRequest, queryset: QuerySet[Misbruikmelding]) -> None:
        self._zet_status(request, queryset, MeldingStatus.AFGEHANDELD)
