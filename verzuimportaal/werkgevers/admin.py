from typing import Any

from django.contrib import admin
from django.forms import ModelForm
from django.http import HttpRequest

from .models import Intermediair, Loonheffingennummer, Werkgever
from .service import markeer_gegevens_gewijzigd


class LoonheffingennummerInline(admin.TabularInline):
    model = Loonheffingennummer
    extra = 0
    # Activation only through the verificatiecode (seed 003); a new number starts not activated.
    readonly_fields = ["geactiveerd_op"]


@admin.register(Werkgever)
class WerkgeverAdmin(admin.ModelAdmin):
    list_display = ["naam", "kvk_nummer", "plaats"]
    search_fields = ["naam", "kvk_nummer"]
    inlines = [LoonheffingennummerInline]

    def save_related(
        self, request: HttpRequest, form: ModelForm, formsets: Any, change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)
        # A number switched (in)active changes what users see (seed 001).
        markeer_gegevens_gewijzigd(werkgever_ids=[form.instance.pk])


@admin.register(Intermediair)
class IntermediairAdmin(admin.ModelAdmin):
    list_display = ["naam", "kvk_nummer"]
    search_fields = ["naam", "kvk_nummer"]
