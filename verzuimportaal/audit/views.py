"""The werkgever's own audit log: who saw or changed what, via which route (seed 003 art. 2.9-2.10).

Read-only pages: there are no views that change or remove audit rows (a POST is treated as a GET).
"""

from collections.abc import Iterator

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from verzuimportaal.overzichten.export import csv_response
from verzuimportaal.toegang.acterend import portaal_view
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils.views import pagina

from . import access
from . import service as audit
from .forms import AuditFilterForm
from .models import Actie, Auditregel

REGELS_PER_PAGINA = 50
KOP = [
    "Tijdstip",
    "Naam",
    "Pseudoniem eHerkenning",
    "Route",
    "KvK-nummer",
    "KvK-nummer intermediair",
    "Actie",
    "Soort gegeven",
    "Kenmerk",
    "Omschrijving",
    "IP-adres",
]


def _querystring(request: HttpRequest) -> str:
    params = request.GET.copy()
    params.pop("pagina", None)
    return params.urlencode()


@portaal_view(recht=Dienst.RECHTENBEHEER)
def log(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    form = AuditFilterForm(request.GET or None)
    regels = form.filter(access.auditregels(actor))
    deze_pagina = pagina(request, regels, REGELS_PER_PAGINA)
    deze_pagina.object_list = list(deze_pagina.object_list)  # read before logging this view
    audit.registreer_overzicht(
        request=request, actie=Actie.INZIEN, object_type="auditregel", omschrijving="auditlog"
    )
    return render(
        request,
        "audit/log.html",
        {"form": form, "pagina": deze_pagina, "extra": _querystring(request)},
    )


def _rijen(regels: Iterator[Auditregel]) -> Iterator[list[object]]:
    for r in regels:
        yield [
            r.tijdstip,
            r.weergavenaam,
            r.pseudoniem,
            r.get_route_display(),
            r.kvk_nummer,
            r.intermediair_kvk_nummer,
            r.get_actie_display(),
            r.object_type,
            r.object_id,
            r.omschrijving,
            r.ip_adres or "",
        ]


@portaal_view(recht=Dienst.RECHTENBEHEER)  # type: ignore[arg-type]  # streams the download
def export(request: HttpRequest) -> StreamingHttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    form = AuditFilterForm(request.GET or None)
    regels = form.filter(access.auditregels(actor)).order_by("tijdstip", "pk")
    audit.registreer_overzicht(
        request=request, actie=Actie.EXPORTEREN, object_type="auditregel", omschrijving="auditlog"
    )
    vandaag = timezone.localdate()
    return csv_response(
        bestandsnaam=f"auditlog-{actor.werkgever.kvk_nummer}-{vandaag:%Y%m%d}",
        kop=KOP,
        rijen=_rijen(regels.iterator(chunk_size=2000)),
    )
