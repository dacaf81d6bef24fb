"""The werkgever's side of its cases: status and history of its own cases only (ADR 0027).

Reads are audited by the ``toegang`` fetchers (a list row, a row per case opened)."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from verzuimportaal.toegang import access
from verzuimportaal.toegang.acterend import portaal_view
from verzuimportaal.utils.views import pagina

from .models import DIENST_PER_SOORT

# Any service that submits cases opens the list; the list shows the cases of the held services.
DIENSTEN = tuple(sorted(set(DIENST_PER_SOORT.values())))


@portaal_view(recht=DIENSTEN)
def lijst(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    zaken = access.zaken(actor).order_by("-ontvangen_op", "-pk")
    access.lijst_gelezen(actor, soort="zaak", omschrijving="aanvragen")
    return render(
        request,
        "aanvragen/lijst.html",
        {"pagina": pagina(request, zaken, settings.WERKNEMERS_PER_PAGINA)},
    )


@portaal_view(recht=DIENSTEN)
def detail(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    zaak = access.zaak(actor, uuid=uuid)
    return render(
        request,
        "aanvragen/detail.html",
        {"zaak": zaak, "gebeurtenissen": zaak.gebeurtenissen.order_by("tijdstip", "pk")},
    )
