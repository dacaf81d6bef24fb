"""Wage data of one werknemer: the dated history and a form to add a row (DOMAIN §7.3)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from verzuimportaal.toegang import access
from verzuimportaal.toegang.acterend import portaal_view
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils.views import fout_naar_form

from . import service
from .forms import LoonForm


@portaal_view(recht=Dienst.WERKNEMERSGEGEVENS, wijzigen=True)
@require_http_methods(["GET", "POST"])
def werknemer(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    persoon = access.werknemer(actor, uuid=uuid)
    form = LoonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service.leg_loon_vast(door=actor, werknemer=persoon, **form.cleaned_data)
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(request, "Het loon is opgeslagen.")
            return redirect("lonen:werknemer", uuid=persoon.uuid)
    if request.method == "GET":
        access.gelezen(actor, persoon, omschrijving="loongegevens")
    return render(
        request,
        "lonen/werknemer.html",
        {
            "werknemer": persoon,
            "lonen": access.loongegevens(actor, werknemer=persoon),
            "form": form,
        },
    )
