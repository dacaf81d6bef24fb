"""Bezwaar pages (DOMAIN §3 service 8, §7.6): against a decided case in the portal or another
decision; thin adapters around ``bezwaar.service``, reads through ``toegang.access``."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from verzuimportaal.aanvragen import access as aanvragen_access
from verzuimportaal.aanvragen.models import Status
from verzuimportaal.aanvragen.termijnen import bezwaartermijn
from verzuimportaal.toegang import access
from verzuimportaal.toegang.acterend import portaal_view
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils.forms import PortaalForm
from verzuimportaal.utils.views import fout_naar_form

from . import service
from .forms import AnderBesluitForm, BezwaarForm
from .models import Bezwaar

B = Dienst.BEZWAAR


@portaal_view(recht=B)
def start(request: HttpRequest) -> HttpResponse:
    """The decisions in the portal the actor can object to, and the way to another decision."""
    actor = request.actor  # type: ignore[attr-defined]
    besluiten = (
        aanvragen_access.zaken(actor).filter(status=Status.BESLUIT).order_by("-besluit_op", "-pk")
    )
    access.lijst_gelezen(actor, soort="zaak", omschrijving="besluiten (bezwaar)")
    vandaag = timezone.localdate()
    rijen = [
        {"zaak": zaak, "termijn": bezwaartermijn(besluitdatum=zaak.besluit_op)}
        for zaak in besluiten[:100]
        if zaak.besluit_op is not None
    ]
    return render(
        request,
        "bezwaar/start.html",
        {
            "rijen": rijen,
            "vandaag": vandaag,
            "mag_indienen": actor.heeft_recht(B, wijzigen=True),
        },
    )


def _ingediend(request: HttpRequest, bezwaar: Bezwaar) -> HttpResponse:
    messages.success(
        request,
        _("Uw bezwaar is ontvangen onder zaaknummer %(zaaknummer)s.")
        % {"zaaknummer": bezwaar.zaak.zaaknummer},
    )
    if bezwaar.te_laat:
        messages.warning(
            request,
            _(
                "Het bezwaar kwam na de termijn (tot en met %(termijn_tot)s). UWV beoordeelt uw "
                "reden voor de late indiening."
            )
            % {"termijn_tot": f"{bezwaar.termijn_tot:%d-%m-%Y}"},
        )
    return redirect("aanvragen:detail", uuid=bezwaar.zaak.uuid)


def _formulier(request: HttpRequest, form: PortaalForm, **context: Any) -> HttpResponse | None:
    """The objection stored and the redirect, or ``None`` to show the form (with errors)."""
    actor = request.actor  # type: ignore[attr-defined]
    if request.method == "POST" and form.is_valid():
        try:
            bezwaar = service.dien_bezwaar_in(door=actor, **form.cleaned_data, **context)
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            return _ingediend(request, bezwaar)
    return None


@portaal_view(recht=B, wijzigen=True)
@require_http_methods(["GET", "POST"])
def tegen_besluit(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    zaak = aanvragen_access.zaak(actor, uuid=uuid)
    form = BezwaarForm(request.POST or None)
    if (antwoord := _formulier(request, form, besluit_zaak=zaak)) is not None:
        return antwoord
    termijn = bezwaartermijn(besluitdatum=zaak.besluit_op) if zaak.besluit_op else None
    return render(
        request,
        "bezwaar/tegen_besluit.html",
        {
            "zaak": zaak,
            "form": form,
            "termijn": termijn,
            "te_laat": termijn is not None and timezone.localdate() > termijn,
        },
    )


@portaal_view(recht=B, wijzigen=True)
@require_http_methods(["GET", "POST"])
def ander_besluit(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    form = AnderBesluitForm(
        request.POST or None, loonheffingennummers=access.loonheffingennummers(actor)
    )
    if (antwoord := _formulier(request, form)) is not None:
        return antwoord
    return render(request, "bezwaar/ander_besluit.html", {"form": form})
