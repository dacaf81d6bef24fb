from django.contrib import admin

from .models import Profiel, SmsApparaat, VertrouwdApparaat


@admin.register(Profiel)
class ProfielAdmin(admin.ModelAdmin):
    list_display = ("gebruiker", "telefoonnummer", "wachtwoord_wijzigen")
    search_fields = ("gebruiker__username", "gebruiker__email")
    raw_id_fields = ("gebruiker",)


@admin.register(SmsApparaat)
class SmsApparaatAdmin(admin.ModelAdmin):
    list_display = ("user", "telefoonnummer", "confirmed")
    exclude = ("token",)
    raw_id_fields = ("user",)


@admin.register(VertrouwdApparaat)
class VertrouwdApparaatAdmin(admin.ModelAdmin):
    list_display = ("gebruiker", "omschrijving", "aangemaakt_op", "verloopt_op", "ingetrokken_op")
    readonly_fields = ("sleutel_hash",)
    raw_id_fields = ("gebruiker",)
