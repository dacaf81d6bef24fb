"""Overview type 5 "Verzuimstatistieken" and type 6 "Managementrapport verzuim" (seed 004).

Numbers come from ``berekening`` (DOMAIN §6, computed in the database) for the employees the actor
may see (``toegang.access``), optionally one loonheffingennummer. Downloads with ``?formaat=``;
a bad period or format is a 400 with a message in the active language, on the page it is a form
error. Labels, headings and numbers follow the active language in the page, the downloads and the
PDFs alike.
"""

from dataclasses import dataclass
from datetime import date
from typing import cast

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext

from verzuimportaal.overzichten.export import csv_response, xlsx_response
from verzuimportaal.overzichten.periode import Periode
from verzuimportaal.toegang import access, scopecache
from verzuimportaal.toegang.acterend import portaal_view
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.werkgevers.models import Loonheffingennummer
from verzuimportaal.werknemers.models import Werknemer

from . import rapport
from .berekening import Verzuimstatistiek, bereken_perioden, maandperioden
from .forms import StatistiekForm
from .grafiek import staafgrafiek
from .pdf import pdf_response

TRENDMAANDEN = 12


def _tekst_400(melding: str) -> HttpResponseBadRequest:
    return HttpResponseBadRequest(melding, content_type="text/plain; charset=utf-8")


def _titel(nummer: Loonheffingennummer | None) -> str:
    """The population a section is about, in the active language."""
    if nummer is None:
        return gettext("alle loonheffingennummers")
    return gettext("loonheffingennummer %(nummer)s") % {"nummer": nummer.nummer}


def _form(request: HttpRequest) -> StatistiekForm:
    actor = request.actor  # type: ignore[attr-defined]
    return StatistiekForm(request.GET, nummers=access.loonheffingennummers(actor))


def _werknemers(request: HttpRequest, nummer: Loonheffingennummer | None) -> QuerySet[Werknemer]:
    werknemers = access.werknemers(request.actor)  # type: ignore[attr-defined]
    return werknemers.filter(loonheffingennummer=nummer) if nummer else werknemers


@dataclass(frozen=True)
class Onderdeel:
    """The statistics of one population (all numbers, or one loonheffingennummer)."""

    titel: str
    sleutel: str
    huidig: Verzuimstatistiek
    vorige: Verzuimstatistiek
    trend: list[tuple[date, Verzuimstatistiek]]

    @property
    def kengetallen(self) -> list[rapport.Kengetal]:
        return rapport.kengetallen(self.huidig, self.vorige)

    @property
    def klassen(self) -> list[rapport.Kengetal]:
        return rapport.klassen(self.huidig, self.vorige)

    @property
    def trendrijen(self) -> list[tuple[str, Verzuimstatistiek]]:
        return [(rapport.maandlabel(m, tot=s.einde), s) for m, s in self.trend]

    @property
    def svg(self) -> str:
        punten = [(rapport.kort_maandlabel(m), s.verzuimpercentage) for m, s in self.trend]
        return staafgrafiek(
            sleutel=self.sleutel,
            titel=gettext("Verzuimpercentage per maand, %(titel)s") % {"titel": self.titel},
            punten=punten,
        )


def _onderdeel(
    request: HttpRequest,
    titel: str,
    sleutel: str,
    nummer: Loonheffingennummer | None,
    periode: Periode,
) -> Onderdeel:
    vorige = periode.jaar_eerder()
    maanden = maandperioden(maanden=TRENDMAANDEN, tot=periode.einde)
    perioden = [(periode.begin, periode.einde), (vorige.begin, vorige.einde), *maanden]
    # One bereken_perioden: three queries for the period, the previous one and the trend; the
    # figures (no personal data) are kept until a write changes a day of these periods (ADR 0011,
    # ADR 0047): a ziekmelding of today leaves last year's figures in place.
    huidig, vorig, *trend = scopecache.gecached_tot(
        request.actor,  # type: ignore[attr-defined]
        "statistiek",
        nummer.pk if nummer else "alle",
        *(f"{b.isoformat()}/{e.isoformat()}" for b, e in perioden),
        tot=max(e for _, e in perioden),
        bereken=lambda: bereken_perioden(
            werknemers=_werknemers(request, nummer), perioden=perioden
        ),
    )
    return Onderdeel(
        titel=titel,
        sleutel=sleutel,
        huidig=huidig,
        vorige=vorig,
        trend=[(begin, s) for (begin, _), s in zip(maanden, trend, strict=True)],
    )


def _zoekparameters(form: StatistiekForm) -> str:
    from urllib.parse import urlencode

    waarden = {"begin": form.cleaned_data["begin"], "einde": form.cleaned_data["einde"]}
    if form.nummer:
        waarden["loonheffingennummer"] = form.nummer.pk
    return urlencode(waarden)


@portaal_view(recht=Dienst.OVERZICHTEN)
def overzicht(request: HttpRequest) -> HttpResponse:
    formaat = request.GET.get("formaat") or None
    if formaat not in (None, "csv", "xlsx", "pdf"):
        return _tekst_400(
            gettext("Onbekend formaat '%(formaat)s'. Kies csv, xlsx of pdf.")
            % {"formaat": formaat[:20]}
        )
    form = _form(request)
    if not form.is_valid():
        if formaat:
            return _tekst_400(form.foutmelding())
        return render(request, "statistiek/overzicht.html", {"form": form})
    periode = form.periode
    titel = _titel(form.nummer)
    onderdeel = _onderdeel(request, titel, "alles", form.nummer, periode)
    context = {
        "form": form,
        "periode": periode,
        "vorige_periode": periode.jaar_eerder(),
        "onderdeel": onderdeel,
        "grafiekdata": rapport.grafiekdata(onderdeel.trend),
        "zoekparameters": _zoekparameters(form),
        "werkgever": request.actor.werkgever,  # type: ignore[attr-defined]
    }
    bestandsnaam = f"verzuimstatistiek-{periode.bestandslabel}"
    if formaat == "pdf":
        return pdf_response(
            request,
            template="statistiek/overzicht_pdf.html",
            context=context,
            bestandsnaam=bestandsnaam,
        )
    if formaat in ("csv", "xlsx"):
        vorige = periode.jaar_eerder()
        kop = [
            gettext("Kengetal"),
            gettext("Eenheid"),
            gettext("Periode %(periode)s") % {"periode": periode.label},
            gettext("Een jaar eerder %(periode)s") % {"periode": vorige.label},
        ]
        rijen = rapport.downloadrijen(onderdeel.huidig, onderdeel.vorige, onderdeel.trend)
        # portaal_view is annotated with HttpResponse; a streamed download is a response too.
        if formaat == "csv":
            return cast(HttpResponse, csv_response(bestandsnaam=bestandsnaam, kop=kop, rijen=rijen))
        return cast(
            HttpResponse,
            xlsx_response(
                bestandsnaam=bestandsnaam,
                kop=kop,
                rijen=rijen,
                titel=gettext("Verzuimstatistieken"),
            ),
        )
    return render(request, "statistiek/overzicht.html", context)


@portaal_view(recht=Dienst.OVERZICHTEN)
def managementrapport(request: HttpRequest) -> HttpResponse:
    formaat = request.GET.get("formaat") or None
    if formaat not in (None, "pdf"):
        return _tekst_400(
            gettext("Onbekend formaat '%(formaat)s'. Het managementrapport is een pdf.")
            % {"formaat": formaat[:20]}
        )
    form = _form(request)
    if not form.is_valid():
        if formaat:
            return _tekst_400(form.foutmelding())
        return render(request, "statistiek/managementrapport.html", {"form": form})
    periode = form.periode
    actor = request.actor  # type: ignore[attr-defined]
    if form.nummer:
        nummers = [form.nummer]
        onderdelen = []
    else:
        nummers = list(access.loonheffingennummers(actor).order_by("nummer"))
        onderdelen = [_onderdeel(request, _titel(None), "alles", None, periode)]
        if len(nummers) == 1:
            nummers = []  # one number: its section would repeat the total page for page
    onderdelen += [
        _onderdeel(request, _titel(nummer), f"lhnr-{nummer.pk}", nummer, periode)
        for nummer in nummers
    ]
    context = {
        "form": form,
        "periode": periode,
        "vorige_periode": periode.jaar_eerder(),
        "onderdelen": onderdelen,
        "zoekparameters": _zoekparameters(form),
        "werkgever": actor.werkgever,
    }
    if formaat == "pdf":
        return pdf_response(
            request,
            template="statistiek/managementrapport_pdf.html",
            context=context,
            bestandsnaam=f"managementrapport-verzuim-{periode.bestandslabel}",
        )
    return render(request, "statistiek/managementrapport.html", context)
