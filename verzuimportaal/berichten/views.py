from django.conf import settings
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
)
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from verzuimportaal.audit.models import Actie
from verzuimportaal.toegang.acterend import portaal_view
from verzuimportaal.utils.views import pagina

from . import access, service
from .models import Soort


@portaal_view()
def inbox(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    alle = access.berichten(actor)
    soort = request.GET.get("soort", "")
    lijst = alle.filter(soort=soort) if soort in Soort.values else alle

    return render(
        request,
        "berichten/inbox.html",
        {
            "pagina": pagina(
                request,
                lijst.only(
                    "uuid", "soort", "onderwerp", "documentnaam", "aangemaakt_op", "verzuimgeval"
                ),
                settings.BERICHTEN_PER_PAGINA,
            ),
            "soorten": Soort.choices,
            "soort": soort if soort in Soort.values else "",
            "extra": f"soort={soort}" if soort in Soort.values else "",
        },
    )


@portaal_view()
def detail(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    bericht = access.bericht(actor, uuid=uuid)  # 404 before 405: nothing leaks about others
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    service.markeer_gelezen(door=actor, bericht=bericht)
    return render(request, "berichten/detail.html", {"bericht": bericht})


@portaal_view()
def document(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    bericht = access.bericht(actor, uuid=uuid)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    if not bericht.document:
        raise Http404(_("Dit bericht heeft geen document."))
    with bericht.document.open("rb") as bestand:
        inhoud = bestand.read()  # letters are small (plaats_bericht caps them at 20 MB)
    service.markeer_gelezen(door=actor, bericht=bericht, actie=Actie.DOWNLOADEN)
    pdf = bericht.documentnaam.lower().endswith(".pdf")
    response = HttpResponse(
        inhoud, content_type="application/pdf" if pdf else "application/octet-stream"
    )
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=bericht.documentnaam or "document"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response
