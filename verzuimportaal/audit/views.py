"""The werkgever's own audit log: who saw or changed what, via which route (seed 003 art. 2.9-2.10).

Read-only pages: there are no views that change or remove audit rows (a POST is treated as a GET).
"""

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy

from verzuimportaal.overzichten.sqlexport import Kolom, csv_uit_database
from verzuimportaal.toegang.acterend import actor_van, portaal_view
from verzuimportaal.toegang.actor import Route
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils.views import begrensde_pagina

from . import access
from . import service as audit
from .forms import AuditFilterForm
from .models import Actie

REGELS_PER_PAGINA = 50
# Beyond this many rows the page says "more than" and asks to filter (the export has them all).
MAXIMUM_GETELD = 10_000
KOP = [
    gettext_lazy("Tijdstip"),
    gettext_lazy("Naam"),
    gettext_lazy("Pseudoniem eHerkenning"),
    gettext_lazy("Route"),
    gettext_lazy("KvK-nummer"),
    gettext_lazy("KvK-nummer intermediair"),
    gettext_lazy("Actie"),
    gettext_lazy("Soort gegeven"),
    gettext_lazy("Kenmerk"),
    gettext_lazy("Omschrijving"),
    gettext_lazy("IP-adres"),
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
    deze_pagina = begrensde_pagina(request, regels, REGELS_PER_PAGINA, maximum=MAXIMUM_GETELD)
    deze_pagina.object_list = list(deze_pagina.object_list)  # read before logging this view
    audit.registreer_overzicht(
        door=actor_van(request),
        actie=Actie.INZIEN,
        object_type="auditregel",
        omschrijving="auditlog",
    )
    return render(
        request,
        "audit/log.html",
        {"form": form, "pagina": deze_pagina, "extra": _querystring(request)},
    )


EXPORTVELDEN = (
    "tijdstip",
    "weergavenaam",
    "pseudoniem",
    "route",
    "kvk_nummer",
    "intermediair_kvk_nummer",
    "actie",
    "object_type",
    "object_id",
    "omschrijving",
    "ip_adres",
)


def _kolommen() -> list[Kolom]:
    """``KOP`` over ``EXPORTVELDEN`` in the active language; route and action as their labels
    (translated once)."""
    labels = {
        "route": {waarde: str(label) for waarde, label in Route.choices},
        "actie": {waarde: str(label) for waarde, label in Actie.choices},
    }
    return [
        Kolom(str(kop), veld, labels.get(veld, {}))
        for kop, veld in zip(KOP, EXPORTVELDEN, strict=True)
    ]


@portaal_view(recht=Dienst.RECHTENBEHEER)  # type: ignore[arg-type]  # streams the download
def export(request: HttpRequest) -> StreamingHttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    form = AuditFilterForm(request.GET or None)
    regels = form.filter(access.auditregels(actor)).order_by("tijdstip", "pk")
    audit.registreer_overzicht(
        door=actor_van(request),
        actie=Actie.EXPORTEREN,
        object_type="auditregel",
        omschrijving="auditlog",
    )
    vandaag = timezone.localdate()
    # A million rows: PostgreSQL formats the cells and streams them (COPY), ADR 0037.
    return csv_uit_database(
        bestandsnaam=f"auditlog-{actor.werkgever.kvk_nummer}-{vandaag:%Y%m%d}",
        kolommen=_kolommen(),
        queryset=regels,
    )
