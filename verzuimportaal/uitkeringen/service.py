"""The monthly benefit run of the verzuimverzekering (DOMAIN §7.3, ADR 0030).

``voer_maandrun_uit`` computes, after a month has ended, per werknemer the uitkering of that month
and pays it on the 12th werkdag of the next month. It is idempotent: a month's run is one row, made
once, in one transaction; running it again returns the finished run and pays nothing twice.

A later change (a backdated herstelmelding, a correction, a late ziekmelding, a new wage or polis)
never edits a paid line: the next run recomputes the earlier months of the werknemers whose data
changed since the previous run and adds a correction line with the difference.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.geld.bedragen import NUL, eerste_van_maand, maanden_later, volgende_maand
from verzuimportaal.geld.betaaldatum import betaaldatum
from verzuimportaal.geld.uitkering import Maanduitkering, bereken_maand
from verzuimportaal.lonen.models import Loongegeven
from verzuimportaal.polissen.models import Polis
from verzuimportaal.polissen.uitvoerder import Uitvoerder
from verzuimportaal.verzamelspecificaties.models import Specificatieregel
from verzuimportaal.verzuim.models import Correctie, Verzuimgeval, Verzuimmutatie
from verzuimportaal.werkgevers.models import Werkgever
from verzuimportaal.werkgevers.service import markeer_gegevens_gewijzigd

from .gegevens import Historie, historie
from .models import Regelsoort, Uitkeringsregel, Uitkeringsrun

# Werknemers loaded and computed per round trip; bounds memory for any number of werknemers.
BLOK = 2000
# How far back a change can reach: the insurer pays at most 104 weeks (DOMAIN §7.3), so a spell
# that ended more than 25 months before the run cannot change what is owed.
TERUGKIJKEN_MAANDEN = 25


@dataclass(frozen=True)
class Runresultaat:
    run: Uitkeringsrun
    nieuw: bool


def laatste_afgesloten_maand() -> date:
    """The month before the current one: the latest month a run may compute."""
    return maanden_later(eerste_van_maand(timezone.localdate()), -1)


def voer_maandrun_uit(*, door: Uitvoerder, maand: date) -> Runresultaat:
    """Compute and record the uitkering over ``maand`` for every werknemer (DOMAIN §7.3).

    Each werkgever that gets lines gets one audit row in its own log (ADR 0030) and a new data
    version, in the run's transaction.
    """
    maand = eerste_van_maand(maand)
    if maand > laatste_afgesloten_maand():
        raise ValidationError(
            _(
                "De maand %(maand)s is nog niet voorbij; een uitkering wordt pas na afloop van "
                "de maand berekend."
            )
            % {"maand": f"{maand:%m-%Y}"}
        )
    with transaction.atomic():
        bestaand = Uitkeringsrun.objects.select_for_update().filter(maand=maand).first()
        if bestaand is not None and bestaand.voltooid_op is not None:
            return Runresultaat(run=bestaand, nieuw=False)
        nu = timezone.now()
        vorige = (
            Uitkeringsrun.objects.filter(voltooid_op__isnull=False, maand__lt=maand)
            .order_by("-gestart_op")
            .first()
        )
        run = bestaand or Uitkeringsrun.objects.create(
            maand=maand, gestart_op=nu, betaaldatum=betaaldatum(maand=maand)
        )
        regels = 0
        werkgevers: dict[int, tuple[int, Decimal]] = {}
        zieke = _zieke_werknemers(maand)
        gewijzigd = _gewijzigde_werknemers(vorige.gestart_op, maand) if vorige else set()
        overgeslagen: set[int] = set()
        for blok in _blokken(sorted(zieke | gewijzigd)):
            nieuw = list(_regels(run, historie(blok), zieke, gewijzigd, nu, overgeslagen))
            Uitkeringsregel.objects.bulk_create(nieuw)
            regels += len(nieuw)
            for regel in nieuw:
                aantal, totaal = werkgevers.get(regel.werkgever_id, (0, NUL))
                werkgevers[regel.werkgever_id] = (aantal + 1, totaal + regel.bedrag)
        run.voltooid_op = timezone.now()
        run.aantal_regels = regels
        run.overgeslagen = len(overgeslagen)
        run.save(update_fields=["voltooid_op", "aantal_regels", "overgeslagen"])
        for werkgever in Werkgever.objects.filter(pk__in=werkgevers).order_by("pk"):
            aantal, totaal = werkgevers[werkgever.pk]
            audit.registreer(
                door=door.actor_voor(werkgever),
                actie=Actie.AANMAKEN,
                onderwerp=run,
                omschrijving=f"Uitkering over {maand:%m-%Y}: {aantal} regel(s), totaal "
                f"{totaal} €, betaaldatum {run.betaaldatum:%d-%m-%Y}",
            )
        markeer_gegevens_gewijzigd(werkgever_ids=werkgevers)
    return Runresultaat(run=run, nieuw=True)


def _blokken(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for begin in range(0, len(ids), BLOK):
        yield ids[begin : begin + BLOK]


def _zieke_werknemers(maand: date) -> set[int]:
    """Werknemers with a spell overlapping ``maand`` (possibly paid for this month)."""
    return set(
        Verzuimgeval.objects.filter(eerste_ziektedag__lt=volgende_maand(maand))
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gt=maand))
        .values_list("werknemer_id", flat=True)
    )


def _gewijzigde_werknemers(sinds: datetime, maand: date) -> set[int]:
    """Werknemers whose spells, wages, UWV benefits or polis changed after ``sinds`` (corrections,
    ADR 0030)."""
    grens = maanden_later(maand, -TERUGKIJKEN_MAANDEN)
    relevant = Q(einddatum__isnull=True) | Q(einddatum__gt=grens)
    ids = set(
        Verzuimgeval.objects.filter(relevant, gemeld_op__gt=sinds).values_list(
            "werknemer_id", flat=True
        )
    )
    ids |= set(
        Verzuimmutatie.objects.filter(geregistreerd_op__gt=sinds).values_list(
            "verzuimgeval__werknemer_id", flat=True
        )
    )
    ids |= set(
        Correctie.objects.filter(gecorrigeerd_op__gt=sinds).values_list(
            "verzuimgeval__werknemer_id", flat=True
        )
    )
    ids |= set(
        Loongegeven.objects.filter(vastgelegd_op__gt=sinds).values_list("werknemer_id", flat=True)
    )
    # A later UWV specification (DOMAIN §7.2) changes the deduction: a correction line (ADR 0046).
    ids |= set(
        Specificatieregel.objects.filter(vastgelegd_op__gt=sinds).values_list(
            "werknemer_id", flat=True
        )
    )
    werkgevers = Polis.objects.filter(vastgelegd_op__gt=sinds).values_list(
        "werkgever_id", flat=True
    )
    ids |= set(
        Verzuimgeval.objects.filter(
            relevant, werknemer__loonheffingennummer__werkgever_id__in=werkgevers
        ).values_list("werknemer_id", flat=True)
    )
    return ids


type _Betaald = tuple[Decimal, Decimal, Decimal, int, int]


def _betaald(werknemer_ids: Sequence[int]) -> dict[tuple[int, date], _Betaald]:
    totalen = (
        Uitkeringsregel.objects.filter(werknemer_id__in=werknemer_ids)
        .values("werknemer_id", "maand")
        .annotate(
            bruto=Sum("bruto"),
            aftrek=Sum("aftrek_uwv"),
            bedrag=Sum("bedrag"),
            dagen=Sum("uitkeringsdagen"),
            eigen=Sum("eigenrisicodagen"),
        )
    )
    return {
        (rij["werknemer_id"], rij["maand"]): (
            rij["bruto"],
            rij["aftrek"],
            rij["bedrag"],
            rij["dagen"],
            rij["eigen"],
        )
        for rij in totalen
    }


def _maanden_met_ziekte(h: Historie, tot: date) -> list[date]:
    """The months from the first month of the werknemer's relevant spells up to ``tot``."""
    grens = maanden_later(tot, -TERUGKIJKEN_MAANDEN)
    begins = [m.eerste_ziektedag for m in h.meldingen if m.einddatum is None or m.einddatum > grens]
    if not begins:
        return []
    maand = max(eerste_van_maand(min(begins)), grens)
    maanden = []
    while maand <= tot:
        maanden.append(maand)
        maand = volgende_maand(maand)
    return maanden


@dataclass(frozen=True)
class _Bedragen:
    bruto: Decimal
    aftrek_uwv: Decimal
    bedrag: Decimal
    uitkeringsdagen: int
    eigenrisicodagen: int


def _bedragen(uitkomst: Maanduitkering) -> _Bedragen:
    return _Bedragen(
        bruto=uitkomst.bruto,
        aftrek_uwv=uitkomst.aftrek_uwv,
        bedrag=uitkomst.te_betalen,
        uitkeringsdagen=uitkomst.uitkeringsdagen,
        eigenrisicodagen=uitkomst.eigenrisicodagen,
    )


def _verschil(nieuw: _Bedragen, eerder: _Betaald) -> _Bedragen | None:
    bruto, aftrek, bedrag, dagen, eigen = eerder
    verschil = _Bedragen(
        bruto=nieuw.bruto - bruto,
        aftrek_uwv=nieuw.aftrek_uwv - aftrek,
        bedrag=nieuw.bedrag - bedrag,
        uitkeringsdagen=nieuw.uitkeringsdagen - dagen,
        eigenrisicodagen=nieuw.eigenrisicodagen - eigen,
    )
    if verschil.bruto == NUL and verschil.aftrek_uwv == NUL and verschil.uitkeringsdagen == 0:
        return None
    return verschil


def dagregels(uitkomst: Maanduitkering) -> list[dict[str, str | int]]:
    """The computation per period as stored on a line (JSON: amounts as text, exact)."""
    return [
        {
            "van": regel.van.isoformat(),
            "tot_en_met": regel.tot_en_met.isoformat(),
            "dagen": regel.dagen,
            "ziektedag": regel.eerste_ziektedag_nummer,
            "dagloon": str(regel.dagloon),
            "dekking": str(regel.dekking),
            "percentage_ao": regel.percentage_arbeidsongeschikt,
            "dagbedrag": str(regel.dagbedrag),
            "bedrag": str(regel.bedrag),
        }
        for regel in uitkomst.regels
    ]


def _regels(
    run: Uitkeringsrun,
    histories: Sequence[Historie],
    zieke: set[int],
    gewijzigd: set[int],
    nu: datetime,
    overgeslagen: set[int],
) -> Iterator[Uitkeringsregel]:
    betaald = _betaald([h.werknemer_id for h in histories])
    for h in histories:
        if not h.polissen:
            continue  # the werkgever has no verzuimverzekering
        maanden = _maanden_met_ziekte(h, run.maand) if h.werknemer_id in gewijzigd else []
        if h.werknemer_id in zieke and run.maand not in maanden:
            maanden.append(run.maand)
        for maand in maanden:
            try:
                uitkomst = bereken_maand(
                    maand=maand,
                    meldingen=h.meldingen,
                    lonen=h.lonen,
                    polissen=h.polissen,
                    dienstverband=h.dienstverband,
                    uwv=h.uwv,
                )
            except ValueError:
                # No wage or polis on the first sick day: paid by a later run once entered.
                overgeslagen.add(h.werknemer_id)
                continue
            eerder = betaald.get((h.werknemer_id, maand))
            nieuw = _bedragen(uitkomst)
            if eerder is None:
                if maand == run.maand:
                    yield _regel(run, h, maand, nieuw, uitkomst, Regelsoort.REGULIER, nu)
                elif nieuw.bruto != NUL:
                    yield _regel(run, h, maand, nieuw, uitkomst, Regelsoort.CORRECTIE, nu)
                continue
            verschil = _verschil(nieuw, eerder)
            if verschil is not None:
                yield _regel(run, h, maand, verschil, uitkomst, Regelsoort.CORRECTIE, nu)


def _regel(
    run: Uitkeringsrun,
    h: Historie,
    maand: date,
    bedragen: _Bedragen,
    uitkomst: Maanduitkering,
    soort: str,
    nu: datetime,
) -> Uitkeringsregel:
    return Uitkeringsregel(
        run=run,
        werkgever_id=h.werkgever_id,
        werknemer_id=h.werknemer_id,
        maand=maand,
        soort=soort,
        uitkeringsdagen=bedragen.uitkeringsdagen,
        eigenrisicodagen=bedragen.eigenrisicodagen,
        bruto=bedragen.bruto,
        aftrek_uwv=bedragen.aftrek_uwv,
        bedrag=bedragen.bedrag,
        betaaldatum=run.betaaldatum,
        berekend_op=nu,
        dagen=dagregels(uitkomst),
    )
