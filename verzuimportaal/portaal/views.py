from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from verzuimportaal.toegang import access
from verzuimportaal.toegang.acterend import portaal_view


@portaal_view()
def dashboard(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    open_gevallen = access.verzuimgevallen(actor).filter(einddatum__isnull=True)
    context = {
        "aantal_open": open_gevallen.count(),
        "aantal_werknemers": access.werknemers(actor).filter(datum_uit_dienst__isnull=True).count(),
        "open_gevallen": open_gevallen.order_by("eerste_ziektedag", "pk")[:10],
        "recente_mutaties": access.mutaties(actor).order_by("-geregistreerd_op", "-pk")[:10],
    }
    return render(request, "portaal/dashboard.html", context)
