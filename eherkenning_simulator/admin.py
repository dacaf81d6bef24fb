from django.contrib import admin

from .models import (
    Aanmelding,
    Beheerder,
    Dienst,
    Dienstverlener,
    Ketenmachtiging,
    KetenmachtigingGebruiker,
    Leverancier,
    Machtiging,
    Middel,
    Organisatie,
    Persoon,
    SmsBericht,
)


@admin.register(Leverancier)
class LeverancierAdmin(admin.ModelAdmin):
    list_display = ["naam", "biedt_ketenmachtiging"]


@admin.register(Organisatie)
class OrganisatieAdmin(admin.ModelAdmin):
    list_display = ["naam", "kvk_nummer", "leverancier"]
    list_filter = ["leverancier"]
    search_fields = ["naam", "kvk_nummer"]


class MiddelInline(admin.StackedInline):
    model = Middel
    # The password is a hash; the demo command sets it, the admin never shows it.
    exclude = ["wachtwoord"]
    extra = 0


@admin.register(Persoon)
class PersoonAdmin(admin.ModelAdmin):
    list_display = ["naam", "organisatie"]
    search_fields = ["naam", "middel__gebruikersnaam"]
    readonly_fields = ["gebruiker", "identificatie"]
    inlines = [MiddelInline]


@admin.register(Beheerder)
class BeheerderAdmin(admin.ModelAdmin):
    list_display = ["persoon", "organisatie"]


class DienstInline(admin.TabularInline):
    model = Dienst
    extra = 0


@admin.register(Dienstverlener)
class DienstverlenerAdmin(admin.ModelAdmin):
    list_display = ["naam", "oin", "client_id"]
    inlines = [DienstInline]


class IntrekbaarAdmin(admin.ModelAdmin):
    list_filter = ["ingetrokken_op"]
    filter_horizontal = ["diensten"]


@admin.register(Machtiging)
class MachtigingAdmin(IntrekbaarAdmin):
    list_display = ["organisatie", "persoon", "aangemaakt_op", "ingetrokken_op"]


@admin.register(Ketenmachtiging)
class KetenmachtigingAdmin(IntrekbaarAdmin):
    list_display = ["organisatie", "intermediair", "aangemaakt_op", "ingetrokken_op"]


@admin.register(KetenmachtigingGebruiker)
class KetenmachtigingGebruikerAdmin(IntrekbaarAdmin):
    list_display = ["ketenmachtiging", "persoon", "aangemaakt_op", "ingetrokken_op"]


@admin.register(SmsBericht)
class SmsBerichtAdmin(admin.ModelAdmin):
    list_display = ["persoon", "telefoonnummer", "aangemaakt_op", "pogingen", "geblokkeerd"]


@admin.register(Aanmelding)
class AanmeldingAdmin(admin.ModelAdmin):
    list_display = ["persoon", "organisatie", "intermediair", "niveau", "aangemaakt_op"]
    exclude = ["code", "access_token_checksum"]
