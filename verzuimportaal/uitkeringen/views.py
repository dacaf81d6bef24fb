"""Financiën (DOMAIN §3 service 2, §7.3): the monthly overview and the uitkeringsspecificaties
per werkgever and per werknemer, as page, XLSX and PDF with the same figures. Reads go through
``toegang.access``; every page and download writes one audit row."""

from datetime import date

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.facturen.access import arbofacturen, premiefacturen
from verzuimportaal.overzichten.export import xlsx_response
from verzuimportaal.polissen import access as polissen_access
from verzuimportaal.statistiek.pdf import pdf_response
from verzuimportaal.toegang import access
from verzuimportaal.toegang.acterend import portaal_view
from verzuimportaal.toegang.diensten import Dienst

from . import selectors as uitkeringen_selectors
from . import specificatie

FORMATEN = ("xlsx", "pdf")
RECHT = Dienst.UITKERINGSGEGEVENS


def _formaat(request: HttpRequest) -> str | HttpResponse | None:
    formaat = request.GET.get("formaat") or None
    if formaat is not None and formaat not in FORMATEN:
        return HttpResponseBadRequest(
            _("Onbekend formaat '%(formaat)s'. Kies xlsx of pdf.") % {"formaat": formaat[:20]},
            content_type="text/plain; charset=utf-8",
        )
    return formaat


@portaal_view(recht=RECHT)
def overzicht(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    regels = uitkeringen_selectors.uitkeringsregels(actor)
    vandaag = timezone.localdate()
    audit.registreer_overzicht(
        door=actor,
        actie=Actie.INZIEN,
        object_type="uitkeringen",
        omschrijving="Financiën: uitkeringen per maand",
    )
    return render(
        request,
        "uitkeringen/overzicht.html",
        {
            "maanden": specificatie.per_betaalmaand(regels),
            # The polis in force today; one set for a later date is announced beside it.
            "polis": polissen_access.polissen(actor).filter(ingangsdatum__lte=vandaag).first(),
            "komende_polis": polissen_access.polissen(actor)
            .filter(ingangsdatum__gt=vandaag)
            .last(),
            "arbofacturen": arbofacturen(actor)[:24],
            "premiefacturen": premiefacturen(actor)[:12],
        },
    )


def _maand(request: HttpRequest) -> date | None:
    tekst = request.GET.get("maand", "")
    try:
        jaar, maand = (int(deel) for deel in tekst.split("-"))
        return date(jaar, maand, 1)
    except ValueError:
        return None


@portaal_view(recht=RECHT)  # type: ignore[arg-type]  # streams downloads
def maand(request: HttpRequest) -> HttpResponseBase:
    """The uitkeringsspecificatie per werkgever of one run (``?maand=jjjj-mm``)."""
    formaat = _formaat(request)
    if isinstance(formaat, HttpResponse):
        return formaat
    actor = request.actor  # type: ignore[attr-defined]
    alle = uitkeringen_selectors.uitkeringsregels(actor)
    gekozen = _maand(request)
    if gekozen is None:
        laatste = alle.order_by("-run__maand").values_list("run__maand", flat=True).first()
        gekozen = laatste or timezone.localdate().replace(day=1)
    regels = list(alle.filter(run__maand=gekozen).order_by("werknemer__achternaam", "maand", "pk"))
    rijen = specificatie.werkgeverrijen(regels)
    totaal = specificatie.totaal(regels)
    titel = _("Uitkeringsspecificatie %(maand)s") % {"maand": f"{gekozen:%m-%Y}"}
    bestandsnaam = f"uitkeringsspecificatie-{gekozen:%Y-%m}"
    audit.registreer_overzicht(
        door=actor,
        actie=Actie.INZIEN if formaat is None else Actie.DOWNLOADEN,
        object_type="uitkeringen",
        omschrijving=f"{titel}{'' if formaat is None else f' ({formaat})'}",
    )
    context = {
        "titel": titel,
        "maand": gekozen,
        "kop": specificatie.kop_werkgever(),
        "rijen": rijen,
        "totaal": totaal,
        "werkgever": actor.werkgever,
    }
    if formaat == "xlsx":
        return xlsx_response(
            bestandsnaam=bestandsnaam,
            kop=specificatie.kop_werkgever(),
            rijen=[
                *rijen,
                specificatie.totaalrij(
                    specificatie.kop_werkgever(), specificatie.KOLOM_WERKGEVER_BEDRAG, totaal
                ),
            ],
            titel=titel,
        )
    if formaat == "pdf":
        return pdf_response(
            request,
            template="uitkeringen/specificatie_pdf.html",
            context=context,
            bestandsnaam=bestandsnaam,
        )
    return render(request, "uitkeringen/maand.html", context)


@portaal_view(recht=RECHT)  # type: ignore[arg-type]  # streams downloads
def werknemer(request: HttpRequest, uuid: str) -> HttpResponseBase:
    """The uitkeringsspecificatie per werknemer: every paid line with its periods."""
    formaat = _formaat(request)
    if isinstance(formaat, HttpResponse):
        return formaat
    actor = request.actor  # type: ignore[attr-defined]
    persoon = access.werknemer(actor, uuid=uuid)
    regels = list(
        uitkeringen_selectors.uitkeringsregels(actor)
        .filter(werknemer=persoon)
        .order_by("maand", "pk")
    )
    rijen = specificatie.periodenrijen(regels)
    totaal = specificatie.totaal(regels)
    titel = _("Uitkeringsspecificatie %(volledige_naam)s") % {
        "volledige_naam": persoon.volledige_naam
    }
    audit.registreer(
        door=actor,
        actie=Actie.INZIEN if formaat is None else Actie.DOWNLOADEN,
        onderwerp=persoon,
        omschrijving="Uitkeringsspecificatie" + ("" if formaat is None else f" ({formaat})"),
    )
    context = {
        "titel": titel,
        "werknemer": persoon,
        "regels": regels,
        "werkgeverrijen": specificatie.werkgeverrijen(regels),
        "kop_regels": specificatie.kop_werkgever(),
        "kop": specificatie.kop_perioden(),
        "rijen": rijen,
        "totaal": specificatie.totaal(regels),
        "werkgever": actor.werkgever,
    }
    bestandsnaam = f"uitkeringsspecificatie-{persoon.uuid}"
    if formaat == "xlsx":
        return xlsx_response(
            bestandsnaam=bestandsnaam,
            kop=specificatie.kop_perioden(),
            rijen=[
                *rijen,
                specificatie.totaalrij(
                    specificatie.kop_perioden(), specificatie.KOLOM_PERIODEN_BEDRAG, totaal
                ),
            ],
            titel=titel,
        )
    if formaat == "pdf":
        return pdf_response(
            request,
            template="uitkeringen/specificatie_pdf.html",
            context=context,
            bestandsnaam=bestandsnaam,
        )
    return render(request, "uitkeringen/werknemer.html", context)
