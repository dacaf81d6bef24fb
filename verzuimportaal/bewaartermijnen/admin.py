from django.contrib import admin

from verzuimportaal.utils.admin import AlleenLezenAdmin

from .models import Opschoonronde


@admin.register(Opschoonronde)
class OpschoonrondeAdmin(AlleenLezenAdmin):
    """Read-only for the operator: what each nightly purge (or trial run) counted."""

    list_display = ["gestart_op", "peildatum", "proef", "door", "werkgevers", "aantallen"]
    list_filter = ["proef"]
