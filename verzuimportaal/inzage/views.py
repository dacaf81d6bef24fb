"""Inzage for one werknemer as JSON or PDF, downloaded by the werkgever (ADR 0021).

The werkgever answers an inzage request (AVG art. 15) and hands the file to the employee. Both
formats need, besides werknemersgegevens, the rights verzuim and rechtenbeheer: the file holds the
verzuim and the audit trail about the person, which need those rights on their own pages too.
Every download is an audit row (EXPORTEREN).
"""

import json

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.overzichten.export import veilige_bestandsnaam
from verzuimportaal.statistiek.pdf import pdf_response
from verzuimportaal.toegang.access import vereis_recht
from verzuimportaal.toegang.acterend import portaal_view
from verzuimportaal.toegang.diensten import Dienst

from . import selectors

# Besides WERKNEMERSGEGEVENS, which the decorator demands (``mag.inzage`` in the templates).
OOK_NODIG = (Dienst.VERZUIM_MELDEN, Dienst.RECHTENBEHEER)


def _inzage(request: HttpRequest, uuid: str, formaat: str) -> selectors.Inzage:
    actor = request.actor  # type: ignore[attr-defined]
    for recht in OOK_NODIG:
        vereis_recht(actor, recht)
    inzage = selectors.inzage(actor=actor, uuid=uuid)
    audit.registreer(
        door=actor,
        actie=Actie.EXPORTEREN,
        onderwerp=inzage.werknemer,
        omschrijving=f"inzage ({formaat})",
    )
    return inzage


def _bestandsnaam(inzage: selectors.Inzage) -> str:
    return f"inzage-{inzage.werknemer.achternaam}-{timezone.localdate():%Y%m%d}"


@portaal_view(recht=Dienst.WERKNEMERSGEGEVENS)
def json_bestand(request: HttpRequest, uuid: str) -> HttpResponse:
    inzage = _inzage(request, uuid, "json")
    inhoud = json.dumps(inzage.gegevens, ensure_ascii=False, indent=2)
    response = HttpResponse(inhoud, content_type="application/json; charset=utf-8")
    naam = veilige_bestandsnaam(_bestandsnaam(inzage), "json")
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    return response


@portaal_view(recht=Dienst.WERKNEMERSGEGEVENS)
def pdf_bestand(request: HttpRequest, uuid: str) -> HttpResponse:
    inzage = _inzage(request, uuid, "pdf")
    return pdf_response(
        request,
        template="inzage/inzage_pdf.html",
        context={"inzage": inzage.gegevens, "werknemer": inzage.werknemer},
        bestandsnaam=_bestandsnaam(inzage),
    )
