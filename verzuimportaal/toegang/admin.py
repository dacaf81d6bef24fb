from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path

from verzuimportaal.utils.views import fout_naar_form

from .acterend import beheerder_van
from .models import Lidmaatschap


@admin.register(Lidmaatschap)
class LidmaatschapAdmin(admin.ModelAdmin):
    """Operator view of local memberships; a hoofdcontactpersoon is made with its own form."""

    list_display = ("gebruiker", "werkgever", "hoofdcontactpersoon", "rechten", "actief")
    list_filter = ("actief", "hoofdcontactpersoon")
    search_fields = ("gebruiker__username", "gebruiker__email", "werkgever__naam", "polisnummer")
    readonly_fields = ("uuid", "aangemaakt_op")
    raw_id_fields = ("gebruiker", "werkgever")
    change_list_template = "admin/toegang/lidmaatschap/change_list.html"

    def get_urls(self) -> list[URLPattern]:
        return [
            path(
                "hoofdcontactpersoon/",
                self.admin_site.admin_view(self.hoofdcontactpersoon),
                name="toegang_lidmaatschap_hoofdcontactpersoon",
            ),
            *super().get_urls(),
        ]

    def hoofdcontactpersoon(self, request: HttpRequest) -> HttpResponse:
        """Seed 004: the operator creates the werkgever's hoofdcontactpersoon account."""
        from verzuimportaal.accounts.forms import HoofdcontactpersoonForm
        from verzuimportaal.accounts.service import maak_hoofdcontactpersoon

        if not self.has_add_permission(request):
            return redirect("admin:index")
        form = HoofdcontactpersoonForm(request.POST if request.method == "POST" else None)
        if request.method == "POST" and form.is_valid():
            try:
                lid = maak_hoofdcontactpersoon(door=beheerder_van(request), **form.cleaned_data)
            except ValidationError as fout:
                fout_naar_form(form, fout)
            else:
                messages.success(
                    request,
                    f"Hoofdcontactpersoon {lid.gebruiker.get_username()} aangemaakt; "
                    "het tijdelijke wachtwoord is per e-mail verstuurd.",
                )
                return redirect("admin:toegang_lidmaatschap_changelist")
        context: dict[str, Any] = {
            **self.admin_site.each_context(request),
            "title": "Hoofdcontactpersoon aanmaken",
            "form": form,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/toegang/hoofdcontactpersoon.html", context)
