from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from verzuimportaal.utils.admin import AlleenLezenAdmin

from .models import Auditregel


@admin.register(Auditregel)
class AuditregelAdmin(AlleenLezenAdmin):
    """Read-only: nobody adds, changes or removes audit rows, not even staff."""

    list_display = ("tijdstip", "werkgever", "weergavenaam", "route", "actie", "object_type")
    list_filter = ("actie", "route", "object_type")
    date_hierarchy = "tijdstip"
    list_select_related = ("werkgever",)
    search_fields = ("object_id", "weergavenaam", "kvk_nummer", "intermediair_kvk_nummer")

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [f.name for f in Auditregel._meta.fields]
