"""The dashboard (seed 002 style): figures, widgets and a "Snel naar" menu, each shown only to an
actor with the right it needs. Every widget costs a fixed number of queries, whatever the size of
the werkgever."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import Count, F, Q
from django.db.models.functions import TruncDate
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from verzuimportaal.dossier import termijnen
from verzuimportaal.statistiek.berekening import bereken
from verzuimportaal.toegang import access
from verzuimportaal.toegang.acterend import portaal_view
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.diensten import Dienst

MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
MAX_TERMIJNEN = 5


@dataclass(frozen=True)
class Vergelijking:
    """Verzuimpercentage this month so far against the same days a year earlier (DOMAIN §6)."""

    maand: str
    tot_en_met: date
    dit_jaar: Decimal | None
    vorig_jaar: Decimal | None

    @property
    def verschil(self) -> Decimal | None:
        if self.dit_jaar is None or self.vorig_jaar is None:
            return None
        return self.dit_jaar - self.vorig_jaar


@dataclass(frozen=True)
class Tijdigheid:
    """Share of ziekmeldingen made on the first sick day itself (seed 004: "altijd ... op de
    eerste verzuimdag"), over spells with a first sick day in the last 12 months."""

    op_tijd: int
    totaal: int
    van: date

    @property
    def percentage(self) -> int | None:
        return round(100 * self.op_tijd / self.totaal) if self.totaal else None


def _zelfde_dag_vorig_jaar(d: date) -> date:
    try:
        return d.replace(year=d.year - 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year - 1, day=28)


def _vergelijking(actor: Actor, vandaag: date) -> Vergelijking:
    werknemers = access.werknemers(actor)
    begin = vandaag.replace(day=1)
    nu = bereken(werknemers=werknemers, begin=begin, einde=vandaag)
    toen = bereken(
        werknemers=werknemers,
        begin=_zelfde_dag_vorig_jaar(begin),
        einde=_zelfde_dag_vorig_jaar(vandaag),
    )
    return Vergelijking(
        maand=f"{MAANDEN[vandaag.month - 1]} {vandaag.year}",
        tot_en_met=vandaag,
        dit_jaar=nu.verzuimpercentage,
        vorig_jaar=toen.verzuimpercentage,
    )


def _tijdigheid(actor: Actor, vandaag: date) -> Tijdigheid:
    van = _zelfde_dag_vorig_jaar(vandaag) + timedelta(days=1)
    telling = (
        access.verzuimgevallen(actor)
        .filter(eerste_ziektedag__gte=van, eerste_ziektedag__lte=vandaag)
        .annotate(gemeld_op_dag=TruncDate("gemeld_op"))  # Dutch calendar day (TIME_ZONE)
        .aggregate(
            totaal=Count("pk"), op_tijd=Count("pk", filter=Q(gemeld_op_dag=F("eerste_ziektedag")))
        )
    )
    return Tijdigheid(op_tijd=telling["op_tijd"], totaal=telling["totaal"], van=van)


def _snel_naar(actor: Actor) -> list[tuple[str, str]]:
    links: list[tuple[str | None, str, bool]] = [
        (
            reverse("machtigingen:verlenen"),
            "Toegang verlenen",
            actor.heeft_recht(Dienst.RECHTENBEHEER, wijzigen=True),
        ),
        (
            reverse("werknemers:aanmelden"),
            "Werknemer aanmelden",
            actor.heeft_recht(Dienst.WERKNEMERSGEGEVENS, wijzigen=True),
        ),
        (
            reverse("werknemers:lijst") + "?actie=ziekmelden",
            "Ziek melden",
            actor.heeft_recht(Dienst.VERZUIM_MELDEN, wijzigen=True),
        ),
        (reverse("overzichten:index"), "Overzichten", actor.heeft_recht(Dienst.OVERZICHTEN)),
        (
            reverse("overzichten:werknemerslijst"),
            "Lijst downloaden",
            actor.heeft_een_van((Dienst.WERKNEMERSGEGEVENS, Dienst.VERZUIM_MELDEN)),
        ),
    ]
    return [(naam, url) for url, naam, mag in links if mag and url]


@portaal_view()
def dashboard(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    vandaag = timezone.localdate()
    context: dict[str, Any] = {"snel_naar": _snel_naar(actor)}
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
        # Poortwachter steps due from Monday to Sunday of this week (DOMAIN §5).
        maandag = vandaag - timedelta(days=vandaag.weekday())
        stappen = termijnen.stappen_binnen(
            verzuimgevallen=access.verzuimgevallen(actor),
            van=maandag,
            tot=maandag + timedelta(days=6),
        )
        context["termijnen"] = {
            "aantal": len(stappen),
            "eerste": stappen[:MAX_TERMIJNEN],
            "van": maandag,
            "tot": maandag + timedelta(days=6),
        }
    if actor.heeft_recht(Dienst.OVERZICHTEN):
        context["vergelijking"] = _vergelijking(actor, vandaag)
        context["tijdigheid"] = _tijdigheid(actor, vandaag)
    return render(request, "portaal/dashboard.html", context)
