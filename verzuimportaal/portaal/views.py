from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from verzuimportaal.toegang import access
from verzuimportaal.toegang.acterend import portaal_view
from verzuimportaal.toegang.diensten import Dienst


@portaal_view()
def dashboard(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    context: dict[str, Any] = {}
    if actor.heeft_een_van((Dienst.WERKNEMERSGEGEVENS, Dienst.VERZUIM_MELDEN)):
        werknemers = access.werknemers(actor).filter(datum_uit_dienst__isnull=True)
        context["aantal_werknemers"] = werknemers.count()
    if actor.heeft_recht(Dienst.VERZUIM_MELDEN):
        open_gevallen = access.verzuimgevallen(actor).filter(einddatum__isnull=True)
        context["aantal_open"] = open_gevallen.count()
        context["open_gevallen"] = open_gevallen.order_by("eerste_ziektedag", "pk")[:10]
        context["recente_mutaties"] = access.mutaties(actor).order_by("-geregistreerd_op", "-pk")[
            :10
        ]
    return render(request, "portaal/dashboard.html", context)
