from django.contrib import admin

from .models import Intermediair, Loonheffingennummer, Werkgever


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


@admin.register(Intermediair)
class IntermediairAdmin(admin.ModelAdmin):
    list_display = ["naam", "kvk_nummer"]
    search_fields = ["naam", "kvk_nummer"]
