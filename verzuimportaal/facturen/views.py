"""The arbofactuur as PDF (DOMAIN §7.4), under Financiën (service Inzien uitkeringsgegevens)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.statistiek.pdf import pdf_response
from verzuimportaal.toegang.acterend import portaal_view
from verzuimportaal.toegang.diensten import Dienst

from .access import arbofacturen, premiefacturen


@portaal_view(recht=Dienst.UITKERINGSGEGEVENS)
def pdf(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    factuur = arbofacturen(actor).filter(uuid=uuid).first()
    if factuur is None:
        raise Http404(_("Factuur niet gevonden."))
    audit.registreer(door=actor, actie=Actie.DOWNLOADEN, onderwerp=factuur)
    return pdf_response(
        request,
        template="facturen/arbofactuur_pdf.html",
        context={"factuur": factuur, "werkgever": actor.werkgever},
        bestandsnaam=factuur.factuurnummer,
    )


@portaal_view(recht=Dienst.UITKERINGSGEGEVENS)
def premie_pdf(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    factuur = premiefacturen(actor).filter(uuid=uuid).first()
    if factuur is None:
        raise Http404(_("Factuur niet gevonden."))
    audit.registreer(door=actor, actie=Actie.DOWNLOADEN, onderwerp=factuur)
    return pdf_response(
        request,
        template="facturen/premiefactuur_pdf.html",
        context={"factuur": factuur, "werkgever": actor.werkgever},
        bestandsnaam=factuur.factuurnummer,
    )
