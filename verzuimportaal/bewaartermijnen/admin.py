from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import Opschoonronde


@admin.register(Opschoonronde)
class OpschoonrondeAdmin(admin.ModelAdmin):
    """Read-only for the operator: what each nightly purge (or trial run) counted."""

    list_display = ["gestart_op", "peildatum", "proef", "door", "werkgevers", "aantallen"]
    list_filter = ["proef"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
