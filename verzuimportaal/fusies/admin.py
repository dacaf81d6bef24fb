"""Operator page: pick the inactive source and the acquirer's number, check, confirm (seed 001)."""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from verzuimportaal.toegang.acterend import beheerder_van
from verzuimportaal.werkgevers.models import Loonheffingennummer

from . import service
from .models import Overdracht


class OverdrachtForm(forms.ModelForm):
    van = forms.ModelChoiceField(
        Loonheffingennummer.objects.filter(actief=False).select_related("werkgever"),
        label=_("Van loonheffingennummer (niet actief)"),
    )
    naar = forms.ModelChoiceField(
        Loonheffingennummer.objects.filter(
            actief=True, geactiveerd_op__isnull=False
        ).select_related("werkgever"),
        label=_("Naar loonheffingennummer (actief, van de overnemende werkgever)"),
    )
    bevestigd = forms.BooleanField(
        required=False,
        label=_("Ik heb gecontroleerd dat dit een overname of fusie is en zet de meldingen over"),
    )

    class Meta:
        model = Overdracht
        fields = ["van", "naar"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        werknemers = service.over_te_zetten(van=data["van"], naar=data["naar"])
        self.te_verplaatsen = werknemers
        if not data.get("bevestigd"):
            raise ValidationError(
                _(
                    "%(aantal)s werknemer(s) met een openstaande melding gaan met hun hele "
                    "dossier van %(van)s (%(naam)s) naar %(naar)s (%(naam2)s). Vink de "
                    "bevestiging aan om door te gaan."
                )
                % {
                    "aantal": len(werknemers),
                    "van": data["van"],
                    "naam": data["van"].werkgever.naam,
                    "naar": data["naar"],
                    "naam2": data["naar"].werkgever.naam,
                }
            )
        return data


@admin.register(Overdracht)
class OverdrachtAdmin(admin.ModelAdmin):
    form = OverdrachtForm
    list_display = ["tijdstip", "van", "naar", "aantal", "door_naam"]
    search_fields = ["van__nummer", "naar__nummer"]
    list_select_related = ["van", "naar"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        if obj is None:
            return []
        return ["van", "naar", "door_naam", "tijdstip", "aantal", "werknemer_uuids"]

    def get_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is None:
            return ["van", "naar", "bevestigd"]
        return self.get_readonly_fields(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def add_view(
        self, request: HttpRequest, form_url: str = "", extra_context: Any = None
    ) -> HttpResponse:
        if request.method == "POST":
            form = self.get_form(request)(request.POST)
            if form.is_valid():
                try:
                    overdracht = service.draag_meldingen_over(
                        van=form.cleaned_data["van"],
                        naar=form.cleaned_data["naar"],
                        door=beheerder_van(request),
                    )
                except ValidationError as fout:
                    self.message_user(request, " ".join(fout.messages), messages.ERROR)
                else:
                    self.message_user(
                        request,
                        f"{overdracht.aantal} werknemer(s) met hun dossier overgezet naar "
                        f"{overdracht.naar}.",
                        messages.SUCCESS,
                    )
                    return HttpResponseRedirect(
                        reverse("admin:fusies_overdracht_change", args=[overdracht.pk])
                    )
        return super().add_view(request, form_url, extra_context)
