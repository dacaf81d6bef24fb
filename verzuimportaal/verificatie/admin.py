"""Operator screens: which numbers need a letter, and the action that makes it (seed 003 art. 1)."""

import io
import zipfile
from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext, gettext_lazy

from verzuimportaal.toegang.acterend import beheerder_van

from . import service
from .models import NummerVoorBrief, Verificatiecode


def _lopende_code() -> Exists:
    return Exists(
        Verificatiecode.objects.filter(
            loonheffingennummer=OuterRef("pk"),
            ingetrokken_op__isnull=True,
            gebruikt_op__isnull=True,
            geblokkeerd=False,
            verloopt_op__gt=timezone.now(),
        )
    )


class BriefStatusFilter(admin.SimpleListFilter):
    title = gettext_lazy("brief")
    parameter_name = "brief"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [
            ("te_versturen", gettext("Brief te versturen (geen geldige code)")),
            ("onderweg", gettext("Geldige code verstuurd of klaar")),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if self.value() == "te_versturen":
            return queryset.filter(heeft_lopende_code=False)
        if self.value() == "onderweg":
            return queryset.filter(heeft_lopende_code=True)
        return queryset


@admin.register(NummerVoorBrief)
class NummerVoorBriefAdmin(admin.ModelAdmin):
    list_display = ["nummer", "werkgever", "omschrijving", "brief_status"]
    list_filter = [BriefStatusFilter]
    search_fields = ["nummer", "werkgever__naam", "werkgever__kvk_nummer"]
    actions = ["maak_brief"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return (
            super()
            .get_queryset(request)
            .filter(actief=True, geactiveerd_op__isnull=True)
            .select_related("werkgever")
            .annotate(heeft_lopende_code=_lopende_code())
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # numbers are added at the werkgever; here only letters are made

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.display(description=gettext_lazy("brief"))
    def brief_status(self, obj: Any) -> str:
        if obj.heeft_lopende_code:
            return gettext("Geldige code uitgegeven")
        return gettext("Brief te versturen")

    @admin.action(description=gettext_lazy("Verificatiebrief maken (PDF)"))
    def maak_brief(self, request: HttpRequest, queryset: QuerySet[Any]) -> HttpResponse | None:
        brieven: list[tuple[str, bytes]] = []
        for nummer in queryset:
            try:
                _code, pdf = service.maak_verificatiebrief(
                    loonheffingennummer=nummer,
                    door=beheerder_van(request),
                )
            except ValidationError as fout:
                self.message_user(request, " ".join(fout.messages), messages.ERROR)
                continue
            brieven.append((f"verificatiebrief-{nummer.nummer}.pdf", pdf))
        if not brieven:
            return None
        if len(brieven) == 1:
            naam, inhoud = brieven[0]
            response = HttpResponse(inhoud, content_type="application/pdf")
        else:
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archief:
                for bestandsnaam, pdf in brieven:
                    archief.writestr(bestandsnaam, pdf)
            naam, inhoud = "verificatiebrieven.zip", buffer.getvalue()
            response = HttpResponse(inhoud, content_type="application/zip")
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=naam
        )
        response["Cache-Control"] = "no-store"
        return response


@admin.register(Verificatiecode)
class VerificatiecodeAdmin(admin.ModelAdmin):
    list_display = [
        "loonheffingennummer",
        "aangemaakt_op",
        "verloopt_op",
        "status",
        "foute_pogingen",
        "verstuurd_op",
    ]
    list_filter = ["geblokkeerd", ("verstuurd_op", admin.EmptyFieldListFilter)]
    search_fields = ["loonheffingennummer__nummer", "loonheffingennummer__werkgever__naam"]
    readonly_fields = [
        f.name for f in Verificatiecode._meta.fields if f.name not in ("id", "code_hash", "brief")
    ]
    exclude = ["code_hash"]
    actions = ["markeer_verstuurd"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Verificatiecode]:
        return super().get_queryset(request).select_related("loonheffingennummer")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # only via the action "Verificatiebrief maken"

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    @admin.action(description=gettext_lazy("Brief is verstuurd"))
    def markeer_verstuurd(self, request: HttpRequest, queryset: QuerySet[Verificatiecode]) -> None:
        for code in queryset.filter(Q(verstuurd_op__isnull=True)):
            service.markeer_verstuurd(door=beheerder_van(request), verificatiecode=code)
