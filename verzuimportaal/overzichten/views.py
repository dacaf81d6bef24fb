"""Overviews 1–4 of seed 004 ("Overzichten": algemeen verzuimoverzicht, verzuimoverzicht
verzekeraar, verzuimoverzicht per werknemer, mutatieoverzicht), the index of all six, and the
werknemerslijst download. Each overview is a page with a period form, paging and totals, and the
same rows as CSV or XLSX with ``?formaat=csv|xlsx``. A bad period gives form errors on the page and
400 with a Dutch message for a download. All reads go through ``toegang.access``; every page that
shows rows and every download writes one audit row (who read which data, seed 003)."""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode
from uuid import UUID

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_lazy, gettext_noop

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.statistiek.berekening import bereken
from verzuimportaal.toegang import access, scopecache
from verzuimportaal.toegang.acterend import actor_van, portaal_view
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.verzuim.models import (
    MUTATIES_MET_PERCENTAGE,
    EindeReden,
    MutatieSoort,
    Verzuimgeval,
    Verzuimmutatie,
)
from verzuimportaal.werknemers.models import Werknemer

from . import selectors
from .export import csv_response, xlsx_response
from .forms import OverzichtForm, VerzekeraarForm
from .periode import MAXIMUM_JAREN, Periode, PeriodeForm, plus_jaren

FORMATEN = ("csv", "xlsx")
PER_PAGINA = 50
CHUNK = 2000  # rows fetched per round trip when streaming a download


# --- shared ----------------------------------------------------------------------------------


def _formaat(request: HttpRequest) -> str | None:
    return request.GET.get("formaat") or None


def _weigering(formaat: str | None, form: PeriodeForm | None = None) -> HttpResponse | None:
    """400 with a message in the active language when a download is asked with a bad format or
    bad filters."""
    if formaat is None:
        return None
    if formaat not in FORMATEN:
        return HttpResponseBadRequest(
            gettext("Onbekend formaat '%(formaat)s'. Kies csv of xlsx.")
            % {"formaat": formaat[:20]},
            content_type="text/plain; charset=utf-8",
        )
    if form is not None and not form.is_valid():
        return HttpResponseBadRequest(form.foutmelding(), content_type="text/plain; charset=utf-8")
    return None


def _download(
    formaat: str,
    *,
    bestandsnaam: str,
    kop: Sequence[object],
    rijen: Iterable[Sequence[object]],
    titel: object,
) -> HttpResponseBase:
    """Headings and sheet title in the active language, like the page."""
    koppen = [str(k) for k in kop]
    if formaat == "csv":
        return csv_response(bestandsnaam=bestandsnaam, kop=koppen, rijen=rijen)
    return xlsx_response(bestandsnaam=bestandsnaam, kop=koppen, rijen=rijen, titel=str(titel))


def _zoekparameters(request: HttpRequest) -> str:
    """The current filters, for paging and download links."""
    return urlencode(
        [(k, v) for k, v in request.GET.items() if k not in ("pagina", "formaat") and v]
    )


def _einde_tekst(geval: Verzuimgeval) -> str:
    if geval.einddatum is None:
        return gettext("loopt nog")
    if geval.einde_reden == EindeReden.UIT_DIENST:
        return gettext("ziek uit dienst")
    return gettext("hersteld")


def _mutatie_tekst(mutatie: Verzuimmutatie) -> str:
    tekst = f"{mutatie.ingangsdatum:%d-%m-%Y} {mutatie.get_soort_display().lower()}"
    if mutatie.soort in MUTATIES_MET_PERCENTAGE:
        tekst += f" {mutatie.percentage_arbeidsongeschikt} %"
    if mutatie.loonwaarde_percentage is not None:
        tekst += " " + gettext("(loonwaarde %(loonwaarde)s %%)") % {
            "loonwaarde": mutatie.loonwaarde_percentage
        }
    return tekst


def _mutaties_tekst(geval: Verzuimgeval) -> str:
    return "; ".join(_mutatie_tekst(m) for m in getattr(geval, "mutatielijst", []))


def _dagen(waarde: timedelta | None) -> int:
    return waarde.days if waarde is not None else 0


def _pagina_context(
    request: HttpRequest, queryset: QuerySet[Any], *, aantal: int | None = None
) -> dict[str, Any]:
    """``aantal``: the number of rows when already counted (totals), saving the paginator's
    COUNT over a large period."""
    paginator = Paginator(queryset, PER_PAGINA)
    if aantal is not None:
        paginator.count = aantal  # a cached_property, set before its first use
    return {
        "pagina": paginator.get_page(request.GET.get("pagina")),
        "extra": _zoekparameters(request),
    }


@dataclass(frozen=True)
class Soort:
    """One overview: its title (also in the audit row, which is kept in Dutch), file name,
    template and columns (translated when the download is made)."""

    titel: str  # the Dutch msgid; ``gettext(titel)`` for the active language
    bestand: str
    template: str
    kop: Sequence[object]
    object_type: str


def _overzicht(
    request: HttpRequest,
    form: PeriodeForm,
    soort: Soort,
    *,
    selectie: Callable[[Periode], QuerySet[Any]],
    rij: Callable[[Any], list[object]],
    context: Callable[[QuerySet[Any], Periode], dict[str, Any]],
    werknemer: Werknemer | None = None,
) -> HttpResponseBase:
    """The page (form, paging, ``context``) or, with ``?formaat=``, the download of an overview.

    Writes one audit row when rows are shown or downloaded, on the werknemer for overview 3.
    """
    formaat = _formaat(request)
    if weigering := _weigering(formaat, form):
        return weigering
    pagina_context: dict[str, Any] = {"form": form}
    if werknemer is not None:
        pagina_context["werknemer"] = werknemer
    if not form.is_valid():
        return render(request, soort.template, pagina_context)
    periode = form.periode
    rijen = selectie(periode)
    actie = Actie.EXPORTEREN if formaat else Actie.INZIEN
    with translation.override(settings.LANGUAGE_CODE):  # the audit trail is kept in Dutch
        omschrijving = f"{soort.titel} {periode.label}" + (f" ({formaat})" if formaat else "")
    if werknemer is not None:
        audit.registreer(
            door=actor_van(request), actie=actie, onderwerp=werknemer, omschrijving=omschrijving
        )
    else:
        audit.registreer_overzicht(
            door=actor_van(request),
            actie=actie,
            object_type=soort.object_type,
            omschrijving=omschrijving,
        )
    if formaat:
        return _download(
            formaat,
            bestandsnaam=f"{soort.bestand}-{periode.bestandslabel}",
            kop=soort.kop,
            rijen=(rij(r) for r in rijen.iterator(chunk_size=CHUNK)),
            titel=gettext(soort.titel),
        )
    extra = context(rijen, periode)
    totalen = extra.get("totalen")
    aantal = totalen.aantal if isinstance(totalen, selectors.Totalen) else extra.get("totaal")
    pagina_context |= _pagina_context(request, rijen, aantal=aantal) | {"periode": periode}
    return render(request, soort.template, pagina_context | extra)


def _totalen(
    actor: Any,
    soort: str,
    form: OverzichtForm,
    gevallen: QuerySet[Verzuimgeval],
    periode: Periode,
    *delen: object,
) -> selectors.Totalen:
    """The overview's totals (figures only): one scan of the period's spells, kept in the scope
    cache until a write changes a day of the period (ADR 0011, ADR 0047). They also give the
    paginator its count."""
    return scopecache.gecached_tot(
        actor,
        f"overzicht-{soort}",
        form.nummer.pk if form.nummer else "alle",
        periode.begin,
        *delen,
        tot=periode.einde,
        bereken=lambda: selectors.totalen(gevallen, periode),
    )


def _gevallen_in_periode(
    actor: Any, form: OverzichtForm, periode: Periode
) -> QuerySet[Verzuimgeval]:
    return selectors.per_loonheffingennummer(
        selectors.met_dagen_in_periode(access.verzuimgevallen(actor), periode),
        form.nummer,
        "werknemer__loonheffingennummer",
    ).order_by("werknemer__achternaam", "werknemer__voornaam", "eerste_ziektedag", "pk")


# --- index -----------------------------------------------------------------------------------


def _url_als_die_bestaat(naam: str) -> str | None:
    try:
        return reverse(naam)
    except NoReverseMatch:  # the statistics app may not offer this page (yet)
        return None


@portaal_view(recht=Dienst.OVERZICHTEN)
def index(request: HttpRequest) -> HttpResponse:
    overzichten = [
        (
            gettext("Algemeen verzuimoverzicht"),
            reverse("overzichten:algemeen"),
            gettext("Alle verzuimgevallen met ziektedagen in een periode, met totalen."),
        ),
        (
            gettext("Verzuimoverzicht verzekeraar"),
            reverse("overzichten:verzekeraar"),
            gettext("Per verzuimgeval de mutaties en de dagen binnen en na de eigenrisicotermijn."),
        ),
        (
            gettext("Verzuimoverzicht per werknemer"),
            None,
            gettext(
                "De verzuimhistorie van één werknemer: kies de werknemer in de andere overzichten."
            ),
        ),
        (
            gettext("Mutatieoverzicht"),
            reverse("overzichten:mutaties"),
            gettext(
                "Alle ziek-, hersteld- en deelherstelmeldingen die in een periode zijn "
                "geregistreerd."
            ),
        ),
        (
            gettext("Verzuimstatistieken"),
            _url_als_die_bestaat("statistiek:overzicht"),
            gettext("Verzuimpercentage, meldingsfrequentie, gemiddelde verzuimduur en nulverzuim."),
        ),
        (
            gettext("Managementrapport verzuim"),
            _url_als_die_bestaat("statistiek:managementrapport"),
            gettext("De kerncijfers van een periode als PDF-rapport."),
        ),
    ]
    return render(request, "overzichten/index.html", {"overzichten": overzichten})


# --- 1. algemeen verzuimoverzicht ------------------------------------------------------------

KOP_ALGEMEEN = [
    gettext_lazy("Werknemer"),
    gettext_lazy("Loonheffingennummer"),
    gettext_lazy("Verzuimnummer"),
    gettext_lazy("Eerste ziektedag"),
    gettext_lazy("Hersteldatum / einde"),
    gettext_lazy("Status"),
    gettext_lazy("Ziektedagen in periode"),
    gettext_lazy("Percentage arbeidsongeschikt"),
]
ALGEMEEN = Soort(
    titel=gettext_noop("Algemeen verzuimoverzicht"),
    bestand="algemeen-verzuimoverzicht",
    template="overzichten/algemeen.html",
    kop=KOP_ALGEMEEN,
    object_type="verzuimgeval",
)


def _rij_algemeen(g: Verzuimgeval) -> list[object]:
    return [
        g.werknemer.sorteernaam,
        g.werknemer.loonheffingennummer.nummer,
        g.verzuimnummer,
        g.eerste_ziektedag,
        g.einddatum,
        _einde_tekst(g),
        _dagen(g.dagen_in_periode),  # type: ignore[attr-defined]
        g.percentage_op_einde,  # type: ignore[attr-defined]
    ]


@portaal_view(recht=Dienst.OVERZICHTEN)  # type: ignore[arg-type]  # streams downloads
def algemeen(request: HttpRequest) -> HttpResponseBase:
    actor = request.actor  # type: ignore[attr-defined]
    form = OverzichtForm(request.GET, nummers=access.loonheffingennummers(actor))
    return _overzicht(
        request,
        form,
        ALGEMEEN,
        selectie=lambda periode: _gevallen_in_periode(actor, form, periode),
        rij=_rij_algemeen,
        context=lambda gevallen, periode: {
            "totalen": _totalen(actor, "algemeen", form, gevallen, periode)
        },
    )


# --- 2. verzuimoverzicht verzekeraar ---------------------------------------------------------

KOP_VERZEKERAAR = [
    gettext_lazy("Werknemer"),
    gettext_lazy("Loonheffingennummer"),
    gettext_lazy("Verzuimnummer"),
    gettext_lazy("Eerste ziektedag"),
    gettext_lazy("Laatste dag eigen risico"),
    gettext_lazy("Hersteldatum / einde"),
    gettext_lazy("Status"),
    gettext_lazy("Mutaties"),
    gettext_lazy("Ziektedagen in periode"),
    gettext_lazy("Dagen binnen eigenrisicotermijn"),
    gettext_lazy("Dagen na eigenrisicotermijn"),
]
VERZEKERAAR = Soort(
    titel=gettext_noop("Verzuimoverzicht verzekeraar"),
    bestand="verzuimoverzicht-verzekeraar",
    template="overzichten/verzekeraar.html",
    kop=KOP_VERZEKERAAR,
    object_type="verzuimgeval",
)


def _rij_verzekeraar(g: Verzuimgeval) -> list[object]:
    return [
        g.werknemer.sorteernaam,
        g.werknemer.loonheffingennummer.nummer,
        g.verzuimnummer,
        g.eerste_ziektedag,
        g.einde_eigen_risico,  # type: ignore[attr-defined]
        g.einddatum,
        _einde_tekst(g),
        _mutaties_tekst(g),
        _dagen(g.dagen_in_periode),  # type: ignore[attr-defined]
        _dagen(g.dagen_eigen_risico),  # type: ignore[attr-defined]
        _dagen(g.dagen_na_eigen_risico),  # type: ignore[attr-defined]
    ]


@portaal_view(recht=Dienst.OVERZICHTEN)  # type: ignore[arg-type]
def verzekeraar(request: HttpRequest) -> HttpResponseBase:
    actor = request.actor  # type: ignore[attr-defined]
    form = VerzekeraarForm(request.GET, nummers=access.loonheffingennummers(actor))

    def gevallen(periode: Periode) -> QuerySet[Verzuimgeval]:
        return selectors.met_mutaties(
            selectors.met_eigenrisicotermijn(
                _gevallen_in_periode(actor, form, periode),
                periode,
                weken=form.cleaned_data["eigenrisico_weken"],
            )
        )

    return _overzicht(
        request,
        form,
        VERZEKERAAR,
        selectie=gevallen,
        rij=_rij_verzekeraar,
        context=lambda gevallen, periode: {
            "weken": form.cleaned_data["eigenrisico_weken"],
            "totalen": _totalen(
                actor,
                "verzekeraar",
                form,
                gevallen,
                periode,
                form.cleaned_data["eigenrisico_weken"],
            ),
        },
    )


# --- 3. verzuimoverzicht per werknemer -------------------------------------------------------

KOP_WERKNEMER = [
    gettext_lazy("Verzuimnummer"),
    gettext_lazy("Eerste ziektedag"),
    gettext_lazy("Hersteldatum / einde"),
    gettext_lazy("Status"),
    gettext_lazy("Duur in kalenderdagen"),
    gettext_lazy("Ziektedagen in periode"),
    gettext_lazy("Mutaties"),
]
WERKNEMER = Soort(
    titel=gettext_noop("Verzuimoverzicht werknemer"),
    bestand="verzuimoverzicht-werknemer",
    template="overzichten/werknemer.html",
    kop=KOP_WERKNEMER,
    object_type="verzuimgeval",
)


def _standaard_werknemerperiode(werknemer: Werknemer, vandaag: date) -> Periode:
    """The whole employment up to today, at most the last 10 years (the form's maximum)."""
    vroegst = plus_jaren(vandaag, -MAXIMUM_JAREN) + timedelta(days=1)  # also on 29 February
    begin = min(max(werknemer.datum_in_dienst, vroegst), vandaag)
    return Periode(begin=begin, einde=vandaag)


def _rij_werknemer(g: Verzuimgeval, vandaag: date) -> list[object]:
    return [
        g.verzuimnummer,
        g.eerste_ziektedag,
        g.einddatum,
        _einde_tekst(g),
        g.duur_dagen(vandaag),
        _dagen(g.dagen_in_periode),  # type: ignore[attr-defined]
        _mutaties_tekst(g),
    ]


@portaal_view(recht=Dienst.OVERZICHTEN)  # type: ignore[arg-type]
def werknemer(request: HttpRequest, uuid: UUID) -> HttpResponseBase:
    actor = request.actor  # type: ignore[attr-defined]
    persoon = access.werknemer(actor, uuid=uuid)
    vandaag = timezone.localdate()
    form = PeriodeForm(
        request.GET, vandaag=vandaag, standaard=_standaard_werknemerperiode(persoon, vandaag)
    )

    def gevallen(periode: Periode) -> QuerySet[Verzuimgeval]:
        return selectors.met_mutaties(
            selectors.met_dagen_in_periode(
                access.verzuimgevallen(actor).filter(werknemer=persoon), periode
            )
        ).order_by("eerste_ziektedag", "pk")

    def context(gevallen: QuerySet[Verzuimgeval], periode: Periode) -> dict[str, Any]:
        return {
            "totalen": selectors.totalen(gevallen, periode),
            "statistiek": bereken(  # DOMAIN §6 for this one employee
                werknemers=access.werknemers(actor).filter(pk=persoon.pk),
                begin=periode.begin,
                einde=periode.einde,
            ),
        }

    return _overzicht(
        request,
        form,
        WERKNEMER,
        selectie=gevallen,
        rij=lambda g: _rij_werknemer(g, vandaag),
        context=context,
        werknemer=persoon,
    )


# --- 4. mutatieoverzicht ---------------------------------------------------------------------

KOP_MUTATIES = [
    gettext_lazy("Geregistreerd op"),
    gettext_lazy("Geregistreerd door"),
    gettext_lazy("Werknemer"),
    gettext_lazy("Loonheffingennummer"),
    gettext_lazy("Verzuimnummer"),
    gettext_lazy("Melding"),
    gettext_lazy("Ingangsdatum"),
    gettext_lazy("Percentage arbeidsongeschikt"),
    gettext_lazy("Loonwaarde (%)"),
]
MUTATIES = Soort(
    titel=gettext_noop("Mutatieoverzicht"),
    bestand="mutatieoverzicht",
    template="overzichten/mutaties.html",
    kop=KOP_MUTATIES,
    object_type="verzuimmutatie",
)


def _rij_mutatie(m: Verzuimmutatie) -> list[object]:
    werknemer = m.verzuimgeval.werknemer
    return [
        m.geregistreerd_op,
        m.geregistreerd_door_naam,
        werknemer.sorteernaam,
        werknemer.loonheffingennummer.nummer,
        m.verzuimgeval.verzuimnummer,
        m.get_soort_display(),
        m.ingangsdatum,
        m.percentage_arbeidsongeschikt,
        m.loonwaarde_percentage,
    ]


@portaal_view(recht=Dienst.OVERZICHTEN)  # type: ignore[arg-type]
def mutaties(request: HttpRequest) -> HttpResponseBase:
    actor = request.actor  # type: ignore[attr-defined]
    form = OverzichtForm(request.GET, nummers=access.loonheffingennummers(actor))

    def rijen(periode: Periode) -> QuerySet[Verzuimmutatie]:
        return selectors.per_loonheffingennummer(
            selectors.geregistreerd_in(access.mutaties(actor), periode),
            form.nummer,
            "verzuimgeval__werknemer__loonheffingennummer",
        ).order_by("geregistreerd_op", "pk")

    def context(rijen: QuerySet[Verzuimmutatie], periode: Periode) -> dict[str, Any]:
        per_soort = rijen.order_by().aggregate(
            totaal=Count("pk"),
            **{s.value: Count("pk", filter=Q(soort=s.value)) for s in MutatieSoort},
        )
        return {
            "totaal": per_soort.pop("totaal"),
            "per_soort": [(s.label, per_soort[s.value]) for s in MutatieSoort],
        }

    return _overzicht(request, form, MUTATIES, selectie=rijen, rij=_rij_mutatie, context=context)


# --- werknemerslijst (dashboard "Lijst downloaden") ------------------------------------------

KOP_WERKNEMERS = [
    gettext_lazy("Achternaam"),
    gettext_lazy("Tussenvoegsel"),
    gettext_lazy("Voornaam"),
    gettext_lazy("Voorletters"),
    gettext_lazy("BSN"),
    gettext_lazy("Loonheffingennummer"),
    gettext_lazy("Geboortedatum"),
    gettext_lazy("Datum in dienst"),
    gettext_lazy("Laatste dag in dienst"),
    gettext_lazy("Contracturen per week"),
    gettext_lazy("Deeltijdfactor"),
    gettext_lazy("Functie"),
    gettext_lazy("Telefoonnummer"),
    gettext_lazy("E-mailadres"),
]


def _rij_werknemer_lijst(w: Werknemer) -> list[object]:
    return [
        w.achternaam,
        w.tussenvoegsel,
        w.voornaam,
        w.voorletters,
        w.bsn,
        w.loonheffingennummer.nummer,
        w.geboortedatum,
        w.datum_in_dienst,
        w.datum_uit_dienst,
        w.contracturen_per_week,
        w.deeltijdfactor,
        w.functie,
        w.telefoonnummer,
        w.email,
    ]


def _werknemers_voor_lijst(actor: Any, alleen_in_dienst: bool) -> QuerySet[Werknemer]:
    werknemers = access.werknemers(actor).order_by("achternaam", "voornaam", "pk")
    if alleen_in_dienst:
        vandaag = timezone.localdate()
        werknemers = werknemers.filter(
            Q(datum_uit_dienst__isnull=True) | Q(datum_uit_dienst__gte=vandaag)
        )
    return werknemers


@portaal_view(recht=(Dienst.WERKNEMERSGEGEVENS, Dienst.VERZUIM_MELDEN))  # type: ignore[arg-type]
def werknemerslijst(request: HttpRequest) -> HttpResponseBase:
    """The employee list to check once a year (seed 004), same right as the werknemers list."""
    actor = request.actor  # type: ignore[attr-defined]
    formaat = _formaat(request)
    if weigering := _weigering(formaat):
        return weigering
    alleen_in_dienst = request.GET.get("wie") != "alle"
    werknemers = _werknemers_voor_lijst(actor, alleen_in_dienst)
    if formaat:
        audit.registreer_overzicht(
            door=actor_van(request),
            actie=Actie.EXPORTEREN,
            object_type="werknemer",
            omschrijving=f"werknemerslijst ({'in dienst' if alleen_in_dienst else 'alle'}, "
            f"{formaat})",
        )
        return _download(
            formaat,
            bestandsnaam=f"werknemers-{timezone.localdate():%Y%m%d}",
            kop=KOP_WERKNEMERS,
            rijen=(_rij_werknemer_lijst(w) for w in werknemers.iterator(chunk_size=CHUNK)),
            titel=gettext("Werknemers"),
        )
    return render(
        request,
        "overzichten/werknemerslijst.html",
        {"aantal": werknemers.count(), "alleen_in_dienst": alleen_in_dienst},
    )
