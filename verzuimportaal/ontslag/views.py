"""Pages for the ontslagaanvraag and the compensatie transitievergoeding (DOMAIN §3 service 3,
§7.6): thin adapters around ``ontslag.service``; reads through ``toegang.access``."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from verzuimportaal.toegang import access
from verzuimportaal.toegang.acterend import portaal_view
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils.views import fout_naar_form

from . import service
from .forms import CompensatieForm, DocumentenForm, OntslagaanvraagForm

ONTSLAG = Dienst.ONTSLAGAANVRAAG


@portaal_view(recht=ONTSLAG)
def start(request: HttpRequest) -> HttpResponse:
    """Choose the employee; the list of the werkgever's own employees is an audited read."""
    actor = request.actor  # type: ignore[attr-defined]
    werknemers = access.werknemers(actor).order_by("achternaam", "voornaam", "pk")
    access.lijst_gelezen(actor, soort="werknemer", omschrijving="ontslag: werknemer kiezen")
    gekozen = request.GET.get("werknemer")
    if gekozen and request.GET.get("soort") in ("ontslagaanvraag", "compensatie"):
        werknemer = access.werknemer(actor, uuid=gekozen)
        return redirect(f"ontslag:{request.GET['soort']}", uuid=werknemer.uuid)
    return render(
        request,
        "ontslag/start.html",
        {"werknemers": werknemers, "mag_indienen": actor.heeft_recht(ONTSLAG, wijzigen=True)},
    )


def _indienen(
    request: HttpRequest,
    uuid: str,
    *,
    form_klasse: type[DocumentenForm],
    indienen: Callable[..., Any],
    template: str,
) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    werknemer = access.werknemer(actor, uuid=uuid)
    form = form_klasse(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            aanvraag = indienen(door=actor, werknemer=werknemer, **form.gegevens())
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(
                request,
                _(
                    "Uw aanvraag is ontvangen onder zaaknummer %(zaaknummer)s. Het besluit komt "
                    "als brief in uw berichtenbox."
                )
                % {"zaaknummer": aanvraag.zaak.zaaknummer},
            )
            return redirect("aanvragen:detail", uuid=aanvraag.zaak.uuid)
    return render(request, template, {"form": form, "werknemer": werknemer})


@portaal_view(recht=ONTSLAG, wijzigen=True)
@require_http_methods(["GET", "POST"])
def ontslagaanvraag(request: HttpRequest, uuid: str) -> HttpResponse:
    return _indienen(
        request,
        uuid,
        form_klasse=OntslagaanvraagForm,
        indienen=service.dien_ontslagaanvraag_in,
        template="ontslag/ontslagaanvraag.html",
    )


@portaal_view(recht=ONTSLAG, wijzigen=True)
@require_http_methods(["GET", "POST"])
def compensatie(request: HttpRequest, uuid: str) -> HttpResponse:
    return _indienen(
        request,
        uuid,
        form_klasse=CompensatieForm,
        indienen=service.dien_compensatie_in,
        template="ontslag/compensatie.html",
    )
