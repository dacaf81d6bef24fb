"""Eigenrisicodragers (DOMAIN §3 services 4, 5 and 7; ADR 0040): the werkgever's pages and PDF
letters, and the operator's import with proefdraai and vastleggen. Every page and download writes
an audit row; the documents are fetched per service through ``eigenrisicodragers.access``."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.statistiek.pdf import pdf_response
from verzuimportaal.toegang.acterend import beheerder_van, portaal_view
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils.beheer import (
    beheerder_view,
    importpagina,
    leg_import_vast,
    uploadpagina,
)
from verzuimportaal.utils.views import pagina

from . import access as erd_access
from . import service
from .forms import ErdimportForm
from .models import Erdimport

PERMISSIE = "eigenrisicodragers.importeren"
NAMESPACE = "eigenrisicodragers_beheer"
PER_PAGINA = 50


@portaal_view(recht=erd_access.ERD_DIENSTEN)
def status(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    statussen = erd_access.erdstatussen(actor).order_by(
        "loonheffingennummer__nummer", "risico", "-ingangsdatum"
    )
    audit.registreer_overzicht(
        door=actor,
        actie=Actie.INZIEN,
        object_type="erdstatus",
        omschrijving="Status eigenrisicodrager per loonheffingennummer",
    )
    return render(
        request,
        "eigenrisicodragers/status.html",
        {
            "statussen": statussen,
            "erd_mag": {d: actor.heeft_recht(d) for d in erd_access.ERD_DIENSTEN},
        },
    )


def _documenten(request: HttpRequest, *, dienst: str, titel: str, template: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    documenten = erd_access.erddocumenten(actor, dienst=dienst)
    audit.registreer_overzicht(
        door=actor, actie=Actie.INZIEN, object_type="erddocument", omschrijving=titel
    )
    return render(
        request, template, {"titel": titel, "pagina": pagina(request, documenten, PER_PAGINA)}
    )


@portaal_view(recht=Dienst.CONTROLE_ERD)
def controle(request: HttpRequest) -> HttpResponse:
    return _documenten(
        request,
        dienst=Dienst.CONTROLE_ERD,
        titel=_("Controle eigenrisicodragers"),
        template="eigenrisicodragers/documenten.html",
    )


@portaal_view(recht=Dienst.FINANCIEEL_ERD)
def financieel(request: HttpRequest) -> HttpResponse:
    return _documenten(
        request,
        dienst=Dienst.FINANCIEEL_ERD,
        titel=_("Financiële gegevens eigenrisicodrager WGA en WW"),
        template="eigenrisicodragers/documenten.html",
    )


@portaal_view(recht=Dienst.REINTEGRATIE_ERD_WW)
def reintegratie_ww(request: HttpRequest) -> HttpResponse:
    return _documenten(
        request,
        dienst=Dienst.REINTEGRATIE_ERD_WW,
        titel=_("Re-integratiegegevens eigenrisicodrager WW"),
        template="eigenrisicodragers/reintegratie_ww.html",
    )


@portaal_view(recht=erd_access.ERD_DIENSTEN)
def document(request: HttpRequest, uuid: str) -> HttpResponse:
    """The letter as PDF; only with the service of its kind (404 otherwise)."""
    actor = request.actor  # type: ignore[attr-defined]
    gevonden = erd_access.erddocument(actor, uuid=uuid)
    audit.registreer(
        door=actor,
        actie=Actie.DOWNLOADEN,
        onderwerp=gevonden,
        omschrijving=f"{gevonden.get_soort_display()} {gevonden.kenmerk} (pdf)",
    )
    return pdf_response(
        request,
        template="eigenrisicodragers/document_pdf.html",
        context={"document": gevonden, "werkgever": actor.werkgever},
        bestandsnaam=f"{gevonden.soort}-{gevonden.kenmerk}",
    )


# --- the operator's import -------------------------------------------------------------------


@beheerder_view(PERMISSIE)
@require_http_methods(["GET", "POST"])
def beheer(request: HttpRequest) -> HttpResponse:
    form = ErdimportForm(request.POST or None, request.FILES or None)
    return uploadpagina(
        request,
        form=form,
        lees_in=lambda: service.lees_in(
            door=beheerder_van(request),
            soort=form.cleaned_data["soort"],
            bestandsnaam=form.cleaned_data["bestand"].name,
            inhoud=form.cleaned_data["bestand"].read(),
        ),
        namespace=NAMESPACE,
        template="eigenrisicodragers/beheer.html",
        context={
            "kolommen": service.KOLOMMEN,
            "verplicht": service.VERPLICHT,
            "imports": Erdimport.objects.all()[:20],
        },
    )


@beheerder_view(PERMISSIE)
def erdimport(request: HttpRequest, uuid: str) -> HttpResponse:
    gevonden = get_object_or_404(Erdimport, uuid=uuid)
    return importpagina(
        request, gevonden, namespace=NAMESPACE, titel=_("Import eigenrisicodragers")
    )


@beheerder_view(PERMISSIE)
@require_POST
def vastleggen(request: HttpRequest, uuid: str) -> HttpResponse:
    gevonden = get_object_or_404(Erdimport, uuid=uuid)
    return leg_import_vast(
        request,
        gevonden,
        leg_vast=lambda: service.leg_vast(door=beheerder_van(request), erdimport=gevonden),
        namespace=NAMESPACE,
    )
