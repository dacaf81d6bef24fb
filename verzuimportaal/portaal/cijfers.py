"""The dashboard's figures, computed once per change of the werkgever's data (ADR 0011).

For a werkgever with thousands of werknemers the widgets cost a second of database and engine
work (two statistics periods, the Poortwachter engine over every open case), while the data
change far less often than the dashboard is opened. The figures are cached per scope and data
version (``toegang.scopecache``) and calendar day (windows such as "this week" move with it).

The cache holds counts, dates and primary keys only, never names or other personal data; the
rows shown are read again through ``toegang.access``, so they are always current and in scope.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.cache import cache
from django.db.models import Count, F, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from verzuimportaal.dossier import termijnen as dossiertermijnen
from verzuimportaal.statistiek.berekening import bereken_perioden
from verzuimportaal.toegang import access, scopecache
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.werkgevers.models import Werkgever

MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
MAX_OPEN = 10
MAX_MUTATIES = 10
MAX_TERMIJNEN = 5
SOORTEN = ("werknemers", "verzuim")  # per data version; the percentages per period


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


@dataclass(frozen=True)
class Termijn:
    """A Poortwachter step due this week, on the spell it is shown on (DOMAIN §5)."""

    verzuimgeval_id: int
    deadline: date
    omschrijving: str


@dataclass(frozen=True)
class Verzuimcijfers:
    aantal_open: int
    open_ids: tuple[int, ...]  # longest running first
    mutatie_ids: tuple[int, ...]  # latest registration first
    termijnen_van: date
    termijnen_tot: date
    aantal_termijnen: int
    termijnen: tuple[Termijn, ...]  # the first MAX_TERMIJNEN by deadline
    aantal_te_laat: int  # steps not done whose deadline has passed (loonsanctie risk)
    te_laat: tuple[Termijn, ...]  # the first MAX_TERMIJNEN of them, oldest deadline first


@dataclass(frozen=True)
class Overzichtcijfers:
    vergelijking: Vergelijking
    tijdigheid: Tijdigheid


def zelfde_dag_vorig_jaar(d: date) -> date:
    try:
        return d.replace(year=d.year - 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year - 1, day=28)


def _sleutel(soort: str, actor: Actor, vandaag: date) -> str:
    return scopecache.sleutel(actor, f"dashboard-{soort}", vandaag.isoformat())


def _gecached(soort: str, actor: Actor, vandaag: date, bereken_: Any) -> Any:
    return scopecache.gecached(
        actor, f"dashboard-{soort}", vandaag.isoformat(), bereken=lambda: bereken_(actor, vandaag)
    )


def aantal_werknemers(actor: Actor, vandaag: date) -> int:
    return int(_gecached("werknemers", actor, vandaag, _aantal_werknemers))


def verzuimcijfers(actor: Actor, vandaag: date) -> Verzuimcijfers:
    cijfers: Verzuimcijfers = _gecached("verzuim", actor, vandaag, _verzuimcijfers)
    return cijfers


def overzichtcijfers(actor: Actor, vandaag: date) -> Overzichtcijfers:
    """This month so far against the same days a year earlier, and the timeliness of the last
    12 months. Each part is kept until a write changes one of its days (ADR 0047): after a
    ziekmelding of today only this month's part is computed again, not last year's."""
    begin = vandaag.replace(day=1)
    toen_begin, toen_einde = zelfde_dag_vorig_jaar(begin), zelfde_dag_vorig_jaar(vandaag)
    toen = scopecache.gecached_tot(
        actor,
        "dashboard-percentage",
        toen_begin.isoformat(),
        tot=toen_einde,
        bereken=lambda: _verzuimpercentage(actor, toen_begin, toen_einde),
    )
    nu, tijdigheid = scopecache.gecached_tot(
        actor,
        "dashboard-deze-maand",
        begin.isoformat(),
        tot=vandaag,
        bereken=lambda: (
            _verzuimpercentage(actor, begin, vandaag),
            _tijdigheid(actor, vandaag),
        ),
    )
    return Overzichtcijfers(
        vergelijking=Vergelijking(
            maand=f"{MAANDEN[vandaag.month - 1]} {vandaag.year}",
            tot_en_met=vandaag,
            dit_jaar=nu,
            vorig_jaar=toen,
        ),
        tijdigheid=tijdigheid,
    )


def _aantal_werknemers(actor: Actor, vandaag: date) -> int:
    return access.werknemers(actor).filter(datum_uit_dienst__isnull=True).count()


def _verzuimcijfers(actor: Actor, vandaag: date) -> Verzuimcijfers:
    open_gevallen = access.verzuimgevallen(actor).filter(einddatum__isnull=True)
    # Poortwachter steps due from Monday to Sunday of this week (DOMAIN §5).
    maandag = vandaag - timedelta(days=vandaag.weekday())
    zondag = maandag + timedelta(days=6)
    aantal_termijnen, stappen = dossiertermijnen.open_stappen_eerste(
        verzuimgevallen=access.verzuimgevallen(actor), van=maandag, tot=zondag, aantal=MAX_TERMIJNEN
    )
    aantal_te_laat, te_laat = dossiertermijnen.open_stappen_eerste(
        verzuimgevallen=access.verzuimgevallen(actor),
        van=date.min,
        tot=vandaag - timedelta(days=1),
        aantal=MAX_TERMIJNEN,
    )
    return Verzuimcijfers(
        aantal_open=open_gevallen.count(),
        open_ids=tuple(
            open_gevallen.order_by("eerste_ziektedag", "pk").values_list("pk", flat=True)[:MAX_OPEN]
        ),
        mutatie_ids=tuple(
            access.mutaties(actor)
            .order_by("-geregistreerd_op", "-pk")
            .values_list("pk", flat=True)[:MAX_MUTATIES]
        ),
        termijnen_van=maandag,
        termijnen_tot=zondag,
        aantal_termijnen=aantal_termijnen,
        termijnen=tuple(
            Termijn(
                verzuimgeval_id=s.verzuimgeval.pk,
                deadline=s.stap.deadline,
                omschrijving=s.stap.omschrijving,
            )
            for s in stappen
        ),
        aantal_te_laat=aantal_te_laat,
        te_laat=tuple(
            Termijn(
                verzuimgeval_id=s.verzuimgeval.pk,
                deadline=s.stap.deadline,
                omschrijving=s.stap.omschrijving,
            )
            for s in te_laat
        ),
    )


def _verzuimpercentage(actor: Actor, begin: date, einde: date) -> Decimal | None:
    [statistiek] = bereken_perioden(werknemers=access.werknemers(actor), perioden=[(begin, einde)])
    return statistiek.verzuimpercentage


def _tijdigheid(actor: Actor, vandaag: date) -> Tijdigheid:
    van = zelfde_dag_vorig_jaar(vandaag) + timedelta(days=1)
    telling = (
        access.verzuimgevallen(actor)
        .filter(eerste_ziektedag__gte=van, eerste_ziektedag__lte=vandaag)
        .annotate(gemeld_op_dag=TruncDate("gemeld_op"))  # Dutch calendar day (TIME_ZONE)
        .aggregate(
            totaal=Count("pk"), op_tijd=Count("pk", filter=Q(gemeld_op_dag=F("eerste_ziektedag")))
        )
    )
    return Tijdigheid(op_tijd=telling["op_tijd"], totaal=telling["totaal"], van=van)


VERWARMEN_RONDES = 3
VERWARMEN_SLOT_SECONDEN = 120  # a worker that dies mid-run blocks the next one no longer


def verwarm(*, werkgever_id: int, vandaag: date | None = None) -> bool:
    """Compute the figures of the whole werkgever (no route-B limit) for its current version.

    Run by a worker after each write (``signals``). One worker at a time per werkgever: a run
    that finds another busy stops, and the busy one starts again when the version moved on while
    it computed (at most ``VERWARMEN_RONDES`` times, so a burst of writes cannot keep a worker).
    Returns whether anything was computed.
    """
    slot = f"dashboard:verwarmen:{werkgever_id}"
    if not cache.add(slot, "bezig", timeout=VERWARMEN_SLOT_SECONDEN):
        return False
    berekend = False
    try:
        for _ in range(VERWARMEN_RONDES):
            werkgever = Werkgever.objects.filter(pk=werkgever_id).first()
            if werkgever is None:
                break
            dag = vandaag or timezone.localdate()
            actor = Actor(
                werkgever=werkgever,
                rechten=frozenset(),
                route="",
                gebruiker=None,
                weergavenaam="Verzuimportaal",
            )
            aantal_werknemers(actor, dag)
            verzuimcijfers(actor, dag)
            overzichtcijfers(actor, dag)
            berekend = True
            if not Werkgever.objects.filter(
                pk=werkgever_id, gegevensversie__gt=werkgever.gegevensversie
            ).exists():
                break
    finally:
        cache.delete(slot)
    return berekend
