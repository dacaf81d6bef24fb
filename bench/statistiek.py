"""Benchmark of the verzuimstatistiek (DOMAIN §6) on a large PostgreSQL database.

Loads seeded random employees and spells into a dedicated database (default ``vp_bench``, created
and migrated by this script) with COPY, then measures:

  (a) ``statistiek.berekening.bereken`` over everything for one year (the portal's ORM code);
  (b) the same numbers from a hand-written reference SQL statement run directly with psycopg —
      both printed side by side with the ratio portal/reference, and asserted equal;
  (c) peak memory of an XLSX export of 1M rows through ``overzichten.export.xlsx_response``
      (a fresh subprocess: ru_maxrss and tracemalloc peak);
  (d) with ``--latentie``: page latency (dashboard, werknemerslijst, overviews) for a werkgever
      with 10 000 werknemers against a trivial view with session auth and one query, p50/p95
      over N sequential requests to one server process (``bench/statistiek_server.py``, bench
      settings ``bench/statistiek_instellingen.py``, URLconf ``bench/statistiek_urls.py``).

    .venv/bin/python bench/statistiek.py [--werknemers 100000] [--verzuimen 1000000]
        [--seed 2025] [--database vp_bench] [--opnieuw] [--herhaal 3] [--latentie]
        [--alleen-latentie] [--verzoeken 200] [--verzoeken-zwaar 20]

The data is kept between runs; ``--opnieuw`` reloads it. Loading is not part of any timing.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import resource
import statistics
import subprocess
import sys
import time
import uuid
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PG = "postgres://postgres@127.0.0.1:5432"
# The data run up to today (the dashboard and the deadlines compute for today): five years back,
# leavers in the last twelve months. ``VANDAAG`` is the machine's date in the portal's time zone
# (TIME_ZONE is Europe/Amsterdam); the statistics cover the last full calendar year.
VANDAAG = datetime.now(ZoneInfo("Europe/Amsterdam")).date()
JAAR = (date(VANDAAG.year - 1, 1, 1), date(VANDAAG.year - 1, 12, 31))
VENSTER_BEGIN = date(VANDAAG.year - 5, 1, 1)

# Spell length in days: mostly short, a tail past a year (as bench/poortwachter.py).
_DUUR_KLASSEN = ((0.55, 1, 7), (0.25, 8, 42), (0.12, 43, 365), (0.08, 366, 900))
_KANS_UIT_DIENST = 0.08
_KANS_OPEN = 0.25
_KANS_DEELHERSTEL = 0.2
_FACTOREN = (
    Decimal("1.000"),
    Decimal("0.800"),
    Decimal("0.600"),
    Decimal("0.500"),
    Decimal("0.889"),
)


def django_opzetten(database: str) -> None:
    os.environ["DATABASE_URL"] = f"{PG}/{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verzuimportaal.conf.ci")
    import django

    django.setup()


def database_maken(database: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        bestaat = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (database,)
        ).fetchone()
        if not bestaat:
            conn.execute(f'CREATE DATABASE "{database}"')
            print(f"database {database} aangemaakt")


def _duur(rng: random.Random, maximum: int) -> int:
    trekking = rng.random()
    for kans, laagste, hoogste in _DUUR_KLASSEN:
        if trekking < kans:
            return max(1, min(rng.randint(laagste, hoogste), maximum))
        trekking -= kans
    return 1


def _waarden(model: Any, bekend: dict[str, Any]) -> tuple[list[str], dict[str, Any]]:
    """Column names of ``model`` and, for columns we do not fill ourselves, a constant value.

    Other engineers add fields over time; anything unknown gets its default, NULL or "".
    """
    kolommen, onbekend = [], {}
    for veld in model._meta.concrete_fields:
        kolommen.append(veld.column)
        if veld.attname in bekend:
            continue
        if veld.has_default():
            onbekend[veld.column] = veld.get_default()
        elif veld.null:
            onbekend[veld.column] = None
        elif veld.get_internal_type() in ("BooleanField",):
            onbekend[veld.column] = False
        else:
            onbekend[veld.column] = ""
    return kolommen, onbekend


class Kopieerder:
    """COPY rows of one model; values by attname, the rest constant (see ``_waarden``)."""

    def __init__(self, cursor: Any, model: Any, voorbeeld: dict[str, Any]) -> None:
        self.kolommen, self.vast = _waarden(model, voorbeeld)
        self.attnames = {v.column: v.attname for v in model._meta.concrete_fields}
        lijst = ", ".join(f'"{k}"' for k in self.kolommen)
        self.copy = cursor.copy(f'COPY "{model._meta.db_table}" ({lijst}) FROM STDIN')
        self.kopie = self.copy.__enter__()
        self.aantal = 0

    def rij(self, waarden: dict[str, Any]) -> None:
        self.kopie.write_row(
            [
                waarden[self.attnames[k]] if self.attnames[k] in waarden else self.vast[k]
                for k in self.kolommen
            ]
        )
        self.aantal += 1

    def sluit(self) -> None:
        self.copy.__exit__(None, None, None)


def laden(*, werknemers: int, verzuimen: int, seed: int) -> None:
    from django.db import connection
    from django.utils import timezone

    from tests.factories import LoonheffingennummerFactory
    from verzuimportaal.verzuim.models import Verzuimgeval, Verzuimmutatie
    from verzuimportaal.werknemers.models import Werknemer

    rng = random.Random(seed)
    begin = time.perf_counter()
    with connection.cursor() as c:
        c.execute(
            "TRUNCATE verzuim_verzuimmutatie, verzuim_verzuimgeval, werknemers_werknemer, "
            "werkgevers_loonheffingennummer, werkgevers_werkgever RESTART IDENTITY CASCADE"
        )
    lhnrs = [LoonheffingennummerFactory.create() for _ in range(max(1, werknemers // 2000))]
    nummers = [n.pk for n in lhnrs]
    werkgever_van_nummer = {n.pk: n.werkgever_id for n in lhnrs}
    nu = timezone.now()
    per_werknemer, rest = divmod(verzuimen, werknemers)
    geval_id = mutatie_id = 0
    with connection.cursor() as cursor:
        raw = cursor.cursor  # the psycopg 3 cursor
        wn = Kopieerder(raw, Werknemer, {})
        dienst: list[tuple[date, date | None]] = [(date.min, None)]  # index = werknemer id
        for wid in range(1, werknemers + 1):
            in_dienst = date(2010, 1, 1) + timedelta(days=rng.randint(0, 12 * 365))
            uit = None
            if rng.random() < _KANS_UIT_DIENST:
                uit = VANDAAG - timedelta(days=rng.randint(1, 365))
            dienst.append((in_dienst, uit))
            factor = rng.choice(_FACTOREN)
            wn.rij(
                {
                    "id": wid,
                    "uuid": uuid.UUID(int=rng.getrandbits(128), version=4),
                    "loonheffingennummer_id": nummers[wid % len(nummers)],
                    "bsn": f"{wid:09d}",
                    "achternaam": f"Werknemer{wid}",
                    "geboortedatum": date(1970, 1, 1) + timedelta(days=rng.randint(0, 12000)),
                    "datum_in_dienst": in_dienst,
                    "datum_uit_dienst": uit,
                    "contracturen_per_week": (Decimal(40) * factor).quantize(Decimal("0.01")),
                    "deeltijdfactor": factor,
                    "aangemaakt_op": nu,
                    "gewijzigd_op": nu,
                }
            )
        wn.sluit()
        print(f"  {werknemers} werknemers geladen ({time.perf_counter() - begin:.1f} s)")
    # One COPY at a time per connection: spells and mutations stream over two connections; the
    # spells commit first, so the (deferred) foreign keys of the mutations find them.
    import psycopg

    with (
        psycopg.connect(os.environ["DATABASE_URL"]) as conn_g,
        psycopg.connect(os.environ["DATABASE_URL"]) as conn_m,
    ):
        gv = Kopieerder(conn_g.cursor(), Verzuimgeval, {})
        mt = Kopieerder(conn_m.cursor(), Verzuimmutatie, {})
        for wid in range(1, werknemers + 1):
            in_dienst, uit = dienst[wid]
            k = per_werknemer + (1 if wid <= rest else 0)
            if not k:
                continue
            start = max(in_dienst, VENSTER_BEGIN)
            eind = uit if uit else VANDAAG
            slot = max(2, ((eind - start).days + 1) // k)
            dag = start
            for i in range(k):
                laatste = i == k - 1
                duur = _duur(rng, slot - 1)
                ziek = dag + timedelta(days=rng.randint(0, max(0, slot - 1 - duur)))
                if ziek > eind:
                    ziek = eind
                einde: date | None = ziek + timedelta(days=duur)
                reden = "hersteld"
                if laatste and uit is not None and rng.random() < 0.5:
                    einde, reden = uit + timedelta(days=1), "uit_dienst"
                elif laatste and uit is None and rng.random() < _KANS_OPEN:
                    einde, reden = None, ""
                if einde is not None and reden == "hersteld" and einde > eind:
                    einde = eind if eind > ziek else ziek + timedelta(days=1)
                geval_id += 1
                gv.rij(
                    {
                        "id": geval_id,
                        "uuid": uuid.UUID(int=rng.getrandbits(128), version=4),
                        "verzuimnummer": f"B-{geval_id:08d}",
                        "werkgever_id": werkgever_van_nummer[nummers[wid % len(nummers)]],
                        "werknemer_id": wid,
                        "eerste_ziektedag": ziek,
                        "einddatum": einde,
                        "einde_reden": reden,
                        "gemeld_op": nu,
                    }
                )
                stappen: list[tuple[date | None, str, int | None]] = [(ziek, "ziekmelding", 100)]
                lengte = ((einde or VANDAAG) - ziek).days
                if lengte > 14 and rng.random() < _KANS_DEELHERSTEL:
                    stappen.append(
                        (
                            ziek + timedelta(days=lengte // 2),
                            "gedeeltelijk_hersteld",
                            rng.randint(20, 80),
                        )
                    )
                if reden == "hersteld":
                    stappen.append((einde, "volledig_hersteld", 0))
                elif reden == "uit_dienst":
                    stappen.append((einde, "ziek_uit_dienst", None))
                for ingang, soort, pct in stappen:
                    mutatie_id += 1
                    mt.rij(
                        {
                            "id": mutatie_id,
                            "verzuimgeval_id": geval_id,
                            "soort": soort,
                            "ingangsdatum": ingang,
                            "percentage_arbeidsongeschikt": pct,
                            "geregistreerd_op": nu,
                            "geregistreerd_door_naam": "Benchmark",
                        }
                    )
                dag = start + timedelta(days=slot * (i + 1))  # next slot: spread over the years
                if reden != "hersteld" or dag > eind:
                    break
            if wid % 10000 == 0:
                print(
                    f"\r  {wid}/{werknemers} werknemers, {geval_id} verzuimen, "
                    f"{mutatie_id} mutaties "
                    f"({time.perf_counter() - begin:.0f} s)",
                    end="",
                    flush=True,
                )
        gv.sluit()
        mt.sluit()
        conn_g.commit()
        conn_m.commit()
        print()
    with connection.cursor() as c:
        for tabel in ("werknemers_werknemer", "verzuim_verzuimgeval", "verzuim_verzuimmutatie"):
            c.execute(
                f"SELECT setval(pg_get_serial_sequence('{tabel}', 'id'), "
                f"(SELECT COALESCE(MAX(id), 1) FROM {tabel}))"
            )
        # As autovacuum does on a live database: statistics, and the visibility map that lets
        # counts run as index-only scans. Timing a freshly COPYed table would measure neither.
        c.execute("VACUUM ANALYZE")
    # COPY bypasses the services: store the open Poortwachter steps as the migration does for
    # existing data (ADR 0047), or the dashboard would show none.
    from verzuimportaal.dossier.termijnstand import vul_alles

    open_stappen = vul_alles()
    with connection.cursor() as c:
        c.execute("ANALYZE dossier_openstap")
    print(
        f"geladen: {werknemers} werknemers, {geval_id} verzuimen, {mutatie_id} mutaties, "
        f"{open_stappen} open Poortwachterstappen in {time.perf_counter() - begin:.1f} s"
    )


# The first reference: CTEs that several subqueries read, so PostgreSQL materialises them and
# runs the whole statement in one process. Kept to show the improvement side by side.
REFERENTIE_SQL_CTE = """
WITH w AS (
    SELECT w.id, round(w.deeltijdfactor * 1000)::bigint AS promille,
           GREATEST(w.datum_in_dienst, %(begin)s::date) AS db,
           LEAST(COALESCE(w.datum_uit_dienst + 1, %(pe)s::date), %(pe)s::date) AS de
    FROM werknemers_werknemer w
    WHERE w.datum_in_dienst <= %(einde)s
      AND (w.datum_uit_dienst IS NULL OR w.datum_uit_dienst >= %(begin)s)
), g AS (
    SELECT g.id, g.eerste_ziektedag AS ezd, g.einddatum, g.einde_reden,
           COALESCE(g.einddatum, %(pe)s::date) AS eind, w.db, w.de, w.promille,
           wn.datum_in_dienst, wn.datum_uit_dienst
    FROM verzuim_verzuimgeval g
    JOIN werknemers_werknemer wn ON wn.id = g.werknemer_id
    LEFT JOIN w ON w.id = g.werknemer_id
    WHERE g.eerste_ziektedag <= %(einde)s
      AND (g.einddatum IS NULL OR g.einddatum >= %(begin)s)
), m AS (
    SELECT m.percentage_arbeidsongeschikt AS pct, m.ingangsdatum,
           lead(m.ingangsdatum) OVER (
               PARTITION BY m.verzuimgeval_id ORDER BY m.ingangsdatum
           ) AS volgende,
           g.eind, g.db, g.de, g.promille
    FROM verzuim_verzuimmutatie m JOIN g ON g.id = m.verzuimgeval_id
    WHERE g.db IS NOT NULL
), k AS (
    SELECT LEAST(eind, %(pe)s::date, COALESCE(datum_uit_dienst + 1, %(pe)s::date)) - ezd AS l
    FROM g WHERE db IS NOT NULL AND LEAST(eind, de) - GREATEST(ezd, db) > 0
)
SELECT
    (SELECT count(*) FROM w) AS aantal,
    (SELECT sum(de - db) FROM w) AS dagen,
    (SELECT sum((de - db)::bigint * promille) FROM w) AS gewogen,
    (SELECT count(*) FROM w WHERE NOT EXISTS (
        SELECT 1 FROM verzuim_verzuimgeval x
        WHERE x.werknemer_id = w.id AND x.eerste_ziektedag < w.de
          AND (x.einddatum IS NULL OR x.einddatum > w.db))) AS zonder,
    (SELECT sum(GREATEST(LEAST(COALESCE(volgende, eind), eind, de)
                         - GREATEST(ingangsdatum, db), 0)::bigint
                * COALESCE(pct, 0) * promille) FROM m) AS verzuimdagen_gewogen,
    (SELECT count(*) FROM g
      WHERE ezd >= %(begin)s AND ezd >= datum_in_dienst
        AND (datum_uit_dienst IS NULL OR ezd <= datum_uit_dienst)) AS meldingen,
    (SELECT count(*) FROM g
      WHERE einde_reden = 'hersteld' AND einddatum <= %(einde)s) AS hersteld,
    (SELECT sum(einddatum - ezd) FROM g
      WHERE einde_reden = 'hersteld' AND einddatum <= %(einde)s) AS duur,
    (SELECT ARRAY[count(*) FILTER (WHERE l BETWEEN 1 AND 14),
                  count(*) FILTER (WHERE l BETWEEN 15 AND 91),
                  count(*) FILTER (WHERE l BETWEEN 92 AND 365),
                  count(*) FILTER (WHERE l > 365)] FROM k) AS klassen,
    (SELECT count(*) FROM k) AS gevallen
"""


# The reference: four independent aggregates (werknemers, nulverzuim as an anti-join, spells with
# FILTER, mutations with one LEAD() window), each a plain scan or join that PostgreSQL may run
# with parallel workers; no CTE is read twice, so nothing is materialised.
REFERENTIE_SQL = """
SELECT w.aantal, w.dagen, w.gewogen, z.zonder, m.verzuimdagen_gewogen,
       g.meldingen, g.hersteld, g.duur, g.klassen, g.gevallen
FROM (
    SELECT count(*) AS aantal, sum(de - db) AS dagen,
           sum((de - db)::bigint * promille) AS gewogen
    FROM (
        SELECT round(w.deeltijdfactor * 1000)::bigint AS promille,
               GREATEST(w.datum_in_dienst, %(begin)s::date) AS db,
               LEAST(COALESCE(w.datum_uit_dienst + 1, %(pe)s::date), %(pe)s::date) AS de
        FROM werknemers_werknemer w
        WHERE w.datum_in_dienst <= %(einde)s
          AND (w.datum_uit_dienst IS NULL OR w.datum_uit_dienst >= %(begin)s)
    ) w
) w
CROSS JOIN (
    SELECT count(*) AS zonder
    FROM werknemers_werknemer w
    WHERE w.datum_in_dienst <= %(einde)s
      AND (w.datum_uit_dienst IS NULL OR w.datum_uit_dienst >= %(begin)s)
      AND NOT EXISTS (
          SELECT 1 FROM verzuim_verzuimgeval x
          WHERE x.werknemer_id = w.id
            AND x.eerste_ziektedag
                < LEAST(COALESCE(w.datum_uit_dienst + 1, %(pe)s::date), %(pe)s::date)
            AND (x.einddatum IS NULL
                 OR x.einddatum > GREATEST(w.datum_in_dienst, %(begin)s::date)))
) z
CROSS JOIN (
    SELECT count(*) FILTER (
               WHERE ezd >= %(begin)s AND ezd >= datum_in_dienst
                 AND (datum_uit_dienst IS NULL OR ezd <= datum_uit_dienst)) AS meldingen,
           count(*) FILTER (WHERE einde_reden = 'hersteld' AND einddatum <= %(einde)s)
               AS hersteld,
           sum(einddatum - ezd) FILTER (
               WHERE einde_reden = 'hersteld' AND einddatum <= %(einde)s) AS duur,
           ARRAY[count(*) FILTER (WHERE telt AND l BETWEEN 1 AND 14),
                 count(*) FILTER (WHERE telt AND l BETWEEN 15 AND 91),
                 count(*) FILTER (WHERE telt AND l BETWEEN 92 AND 365),
                 count(*) FILTER (WHERE telt AND l > 365)] AS klassen,
           count(*) FILTER (WHERE telt) AS gevallen
    FROM (
        SELECT g.eerste_ziektedag AS ezd, g.einddatum, g.einde_reden,
               wn.datum_in_dienst, wn.datum_uit_dienst,
               LEAST(COALESCE(g.einddatum, %(pe)s::date), %(pe)s::date,
                     COALESCE(wn.datum_uit_dienst + 1, %(pe)s::date)) - g.eerste_ziektedag AS l,
               wn.datum_in_dienst <= %(einde)s
                 AND (wn.datum_uit_dienst IS NULL OR wn.datum_uit_dienst >= %(begin)s)
                 AND LEAST(COALESCE(g.einddatum, %(pe)s::date),
                           LEAST(COALESCE(wn.datum_uit_dienst + 1, %(pe)s::date), %(pe)s::date))
                     - GREATEST(g.eerste_ziektedag,
                                GREATEST(wn.datum_in_dienst, %(begin)s::date)) > 0 AS telt
        FROM verzuim_verzuimgeval g
        JOIN werknemers_werknemer wn ON wn.id = g.werknemer_id
        WHERE g.eerste_ziektedag <= %(einde)s
          AND (g.einddatum IS NULL OR g.einddatum >= %(begin)s)
    ) g
) g
CROSS JOIN (
    SELECT sum(GREATEST(LEAST(COALESCE(volgende, eind), eind, de)
                        - GREATEST(ingangsdatum, db), 0)::bigint
               * COALESCE(pct, 0) * promille) AS verzuimdagen_gewogen
    FROM (
        SELECT m.percentage_arbeidsongeschikt AS pct, m.ingangsdatum,
               lead(m.ingangsdatum) OVER (
                   PARTITION BY m.verzuimgeval_id ORDER BY m.ingangsdatum
               ) AS volgende,
               COALESCE(g.einddatum, %(pe)s::date) AS eind,
               GREATEST(wn.datum_in_dienst, %(begin)s::date) AS db,
               LEAST(COALESCE(wn.datum_uit_dienst + 1, %(pe)s::date), %(pe)s::date) AS de,
               round(wn.deeltijdfactor * 1000)::bigint AS promille
        FROM verzuim_verzuimmutatie m
        JOIN verzuim_verzuimgeval g ON g.id = m.verzuimgeval_id
        JOIN werknemers_werknemer wn ON wn.id = g.werknemer_id
        WHERE g.eerste_ziektedag <= %(einde)s
          AND (g.einddatum IS NULL OR g.einddatum >= %(begin)s)
          AND wn.datum_in_dienst <= %(einde)s
          AND (wn.datum_uit_dienst IS NULL OR wn.datum_uit_dienst >= %(begin)s)
    ) m
) m
"""


def referentie(
    begin: date, einde: date, *, sql: str = REFERENTIE_SQL
) -> tuple[dict[str, Any], float]:
    import psycopg

    pe = einde + timedelta(days=1)
    start = time.perf_counter()
    with psycopg.connect(os.environ["DATABASE_URL"]) as conn:
        rij = conn.execute(sql, {"begin": begin, "einde": einde, "pe": pe}).fetchone()
    duur = time.perf_counter() - start
    assert rij is not None
    namen = [
        *("aantal", "dagen", "gewogen", "zonder", "verzuimdagen_gewogen"),
        *("meldingen", "hersteld", "duur", "klassen", "gevallen"),
    ]
    return dict(zip(namen, rij, strict=True)), duur


def vergelijk(s: Any, r: dict[str, Any]) -> None:
    """The portal's dataclass against the raw reference sums (same DOMAIN §6 definitions)."""
    verwacht = {
        "aantal_werknemers": r["aantal"],
        "werknemersdagen": r["dagen"],
        "werknemersdagen_gewogen": r["gewogen"],
        "aantal_zonder_verzuim": r["zonder"],
        "verzuimdagen_gewogen": r["verzuimdagen_gewogen"] or 0,
        "aantal_ziekmeldingen": r["meldingen"],
        "aantal_herstelmeldingen": r["hersteld"],
        "aantal_verzuimgevallen": r["gevallen"],
        "klassen": list(r["klassen"]),
    }
    gekregen = {k: getattr(s, k) for k in verwacht if k != "klassen"}
    gekregen["klassen"] = [s.kort, s.middellang, s.lang, s.extra_lang]
    assert {k: int(v) if k != "klassen" else v for k, v in verwacht.items()} == gekregen, (
        verwacht,
        gekregen,
    )
    duur = Decimal(r["duur"] or 0) / r["hersteld"] if r["hersteld"] else None
    if duur is not None:
        assert abs(duur - s.gemiddelde_verzuimduur) < Decimal("0.0001")


def tijden_statistiek(herhaal: int) -> None:
    from verzuimportaal.statistiek.berekening import bereken
    from verzuimportaal.werknemers.models import Werknemer

    portaal, ref, ref_cte = [], [], []
    s = r = r_cte = None
    for _ in range(herhaal):
        start = time.perf_counter()
        s = bereken(werknemers=Werknemer.objects.all(), begin=JAAR[0], einde=JAAR[1])
        portaal.append(time.perf_counter() - start)
        r, duur = referentie(*JAAR)
        ref.append(duur)
        r_cte, duur = referentie(*JAAR, sql=REFERENTIE_SQL_CTE)
        ref_cte.append(duur)
    assert s is not None and r is not None and r_cte == r, (r, r_cte)
    vergelijk(s, r)
    p, q = statistics.median(portaal), statistics.median(ref)
    print(f"\n(a)/(b) statistiek {JAAR[0].year} over alle werknemers (mediaan van {herhaal} runs)")
    print(
        f"  portaal (ORM, 3 queries)     {p:8.2f} s   runs: "
        + ", ".join(f"{t:.2f}" for t in portaal)
    )
    print(
        f"  referentie-SQL (1 statement) {q:8.2f} s   runs: " + ", ".join(f"{t:.2f}" for t in ref)
    )
    print(
        f"  eerste referentie (CTE's)    {statistics.median(ref_cte):8.2f} s   runs: "
        + ", ".join(f"{t:.2f}" for t in ref_cte)
    )
    print(f"  verhouding portaal/referentie {p / q:.2f}  (doel ≤ 1,2)")
    print(
        f"  uitkomst: verzuimpercentage {s.verzuimpercentage} %, meldingsfrequentie "
        f"{s.meldingsfrequentie}, gemiddelde duur {s.gemiddelde_verzuimduur}, nulverzuim "
        f"{s.nulverzuim} %, klassen {s.kort}/{s.middellang}/{s.lang}/{s.extra_lang}, "
        f"{s.aantal_werknemers} werknemers — gelijk aan de referentie"
    )


EXPORT_KIND = """
import os, sys, time, tracemalloc, resource
sys.path.insert(0, {root!r})
os.environ["DATABASE_URL"] = {url!r}
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verzuimportaal.conf.ci")
import django; django.setup()
from django.db import connection
from verzuimportaal.overzichten.export import csv_response, xlsx_response
from verzuimportaal.verzuim.models import Verzuimgeval
KOP = ["nr", "naam", "ziek", "einde", "reden"]
def selectie():
    return Verzuimgeval.objects.order_by("pk").values_list(
        "verzuimnummer", "werknemer__achternaam", "eerste_ziektedag", "einddatum", "einde_reden"
    )[:{rijen}]
if {soort!r} == "copy":
    sql, params = selectie().query.sql_with_params()
    start = time.perf_counter()
    grootte = 0
    with connection.cursor() as c:
        sql = c.cursor.mogrify(sql, params)
        with c.cursor.copy(f"COPY ({{sql}}) TO STDOUT (FORMAT csv, DELIMITER ';')") as copy:
            for deel in copy:
                grootte += len(deel)
    eerste = 0.0
else:
    maak = xlsx_response if {soort!r} == "xlsx" else csv_response
    extra = dict(titel="Bench") if {soort!r} == "xlsx" else dict()
    tracemalloc.start()
    start = time.perf_counter()
    response = maak(bestandsnaam="bench", kop=KOP,
                    rijen=selectie().iterator(chunk_size=2000), **extra)
    delen = iter(response.streaming_content)
    grootte = len(next(delen))
    eerste = time.perf_counter() - start
    grootte += sum(len(deel) for deel in delen)
duur = time.perf_counter() - start
print(grootte, eerste, duur, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _export(soort: str, rijen: int) -> tuple[int, float, float, int]:
    code = EXPORT_KIND.format(
        root=str(ROOT), url=os.environ["DATABASE_URL"], rijen=rijen, soort=soort
    )
    uit = subprocess.run(  # noqa: S603 - our own fixed code, no user input
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split()
    return int(uit[0]), float(uit[1]), float(uit[2]), int(uit[3])


def exports(rijen: int) -> None:
    """(c) XLSX and CSV downloads of ``rijen`` spells, each in a fresh process (peak RSS), and
    PostgreSQL's own COPY of the same SELECT as the floor for CSV; run after each other twice,
    medians of the two."""
    metingen: dict[str, list[tuple[int, float, float, int]]] = {"copy": [], "csv": [], "xlsx": []}
    for _ in range(2):
        for soort in metingen:
            metingen[soort].append(_export(soort, rijen))
    print(f"\n(c) exports van {rijen} rijen (apart proces per meting, mediaan van 2)")
    print(f"  {'soort':6s} {'eerste byte s':>14s} {'totaal s':>9s} {'MB':>7s} {'piek RSS MB':>12s}")
    copy_duur = statistics.median(m[2] for m in metingen["copy"])
    for soort, reeks in metingen.items():
        eerste = statistics.median(m[1] for m in reeks)
        duur = statistics.median(m[2] for m in reeks)
        print(
            f"  {soort:6s} {eerste:14.2f} {duur:9.1f} {reeks[0][0] / 2**20:7.1f} "
            f"{max(m[3] for m in reeks) / 1024:12.0f}"
        )
    csv_duur = statistics.median(m[2] for m in metingen["csv"])
    print(
        f"  CSV / COPY {csv_duur / copy_duur:.1f}× (doel ≤ 10); XLSX "
        f"{statistics.median(m[2] for m in metingen['xlsx']):.1f} s (doel ≤ 60 s), "
        "eerste byte doel ≤ 2 s, piek RSS doel ≤ 300 MB"
    )


BENCH_GEBRUIKER = "bench-latentie"
INSTELLINGEN = "bench.statistiek_instellingen"
TRAAG = 1.0  # s: a page slower than this in the warm-up gets --verzoeken-zwaar requests
NA_WIJZIGING = " na een wijziging"  # suffix: the data version is raised before each request


def werkgever_met(aantal: int) -> Any:
    """The werkgever of the first loonheffingennummer, given further numbers until it has at
    least ``aantal`` werknemers (the loader spreads werknemers evenly over the numbers)."""
    from verzuimportaal.werkgevers.models import Loonheffingennummer
    from verzuimportaal.werknemers.models import Werknemer

    eerste = Loonheffingennummer.objects.order_by("pk").select_related("werkgever").first()
    assert eerste is not None, "geen loonheffingennummers: laad eerst de gegevens"
    werkgever = eerste.werkgever
    while (
        n := Werknemer.objects.filter(loonheffingennummer__werkgever=werkgever).count()
    ) < aantal:
        volgende = Loonheffingennummer.objects.exclude(werkgever=werkgever).order_by("pk").first()
        assert volgende is not None, f"te weinig werknemers: {n} < {aantal}"
        Loonheffingennummer.objects.filter(pk=volgende.pk).update(werkgever=werkgever)
    werkgever.aantal_werknemers = n  # type: ignore[attr-defined]
    return werkgever


def bench_sessie(werkgever: Any) -> tuple[str, str]:
    """A session as a real user's after logging in: a local account with a membership (all four
    rights) of ``werkgever``, second factor done (django-otp e-mail device, as the root conftest's
    ``ingelogde_gebruiker``), terms accepted if a version is in force, werkgever chosen.

    Returns the session key and what was done about the terms of use.
    """
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import timezone
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_email.models import EmailDevice

    from verzuimportaal.toegang.acterend import SESSIE_ROUTE, SESSIE_WERKGEVER
    from verzuimportaal.toegang.actor import Route, accounthouder
    from verzuimportaal.toegang.models import Lidmaatschap, alle_lokale_rechten
    from verzuimportaal.voorwaarden import service as voorwaarden

    gebruiker, _ = get_user_model().objects.get_or_create(
        username=BENCH_GEBRUIKER,
        defaults={"first_name": "Bench", "last_name": "Latentie", "email": "bench@example.nl"},
    )
    Lidmaatschap.objects.filter(gebruiker=gebruiker).exclude(werkgever=werkgever).delete()
    Lidmaatschap.objects.update_or_create(
        gebruiker=gebruiker,
        werkgever=werkgever,
        defaults={"rechten": alle_lokale_rechten(), "actief": True},
    )
    apparaat, _ = EmailDevice.objects.get_or_create(
        user=gebruiker, defaults={"name": "E-mail", "confirmed": True}
    )
    persoon = voorwaarden.Persoon(gebruiker_id=gebruiker.pk)
    versie = voorwaarden.versie_van_kracht(op=timezone.localdate())
    if versie is None:
        over_voorwaarden = "geen versie van de gebruiksvoorwaarden van kracht in deze database"
    else:
        if not voorwaarden.heeft_aanvaard(persoon):
            voorwaarden.accepteer(
                door=accounthouder(gebruiker),
                persoon=persoon,
                versie=versie,
                notificatie_email="bench@example.nl",
            )
        over_voorwaarden = f"gebruiksvoorwaarden versie {versie.nummer} geaccepteerd"
    sessie = SessionStore()
    sessie["_auth_user_id"] = str(gebruiker.pk)
    sessie["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    sessie["_auth_user_hash"] = gebruiker.get_session_auth_hash()
    sessie[DEVICE_ID_SESSION_KEY] = apparaat.persistent_id
    sessie[SESSIE_WERKGEVER] = werkgever.pk
    sessie[SESSIE_ROUTE] = str(Route.LOKAAL)
    sessie.create()
    assert sessie.session_key is not None
    return sessie.session_key, over_voorwaarden


def _pct(tijden: list[float], p: float) -> float:
    """Nearest-rank percentile in ms."""
    geordend = sorted(tijden)
    return geordend[max(1, math.ceil(len(geordend) * p / 100)) - 1] * 1000


def _meet_fase(
    fase: str,
    paginas: dict[str, tuple[str, str, int]],
    haal: Any,
    *,
    aantal: int,
    zwaar: int,
) -> None:
    """Warm up, then fetch every page of the phase in turn for ``aantal`` rounds; print a table."""
    paginas = dict(paginas)
    for naam in list(paginas):  # warm-up: imports, templates, PostgreSQL caches
        pad, teken, keer = paginas[naam]
        opwarm = [haal(naam, pad, teken)[0] for _ in range(3)]
        if statistics.median(opwarm) > TRAAG:  # 200 × 20 s would take an hour
            paginas[naam] = (pad, teken, min(keer, zwaar))
    tijden: dict[str, list[float]] = {naam: [] for naam in paginas}
    queries: dict[str, int] = {}
    db: dict[str, list[float]] = {naam: [] for naam in paginas}
    # Interleaved: every round fetches the trivial view and each page (the heavy pages only
    # every aantal/zwaar rounds), so the shared machine's noise hits both sides alike.
    for ronde in range(aantal):
        for naam, (pad, teken, keer) in paginas.items():
            if keer < aantal and ronde % max(1, aantal // keer) != 0:
                continue
            if len(tijden[naam]) >= keer:
                continue
            duur, q, d = haal(naam, pad, teken)
            tijden[naam].append(duur)
            queries[naam] = q
            db[naam].append(d)
    basis = _pct(tijden["triviaal"], 50), _pct(tijden["triviaal"], 95)
    print(f"\n  fase: {fase}")
    print(
        f"  {'pagina':34s} {'n':>4s} {'p50 ms':>9s} {'p95 ms':>9s} {'×p50':>6s} {'×p95':>6s}"
        f" {'queries':>8s} {'db p50 ms':>10s}"
    )
    for naam, reeks in tijden.items():
        p50, p95 = _pct(reeks, 50), _pct(reeks, 95)
        print(
            f"  {naam:34s} {len(reeks):4d} {p50:9.1f} {p95:9.1f} {p50 / basis[0]:6.2f} "
            f"{p95 / basis[1]:6.2f} {queries[naam]:8d} {statistics.median(db[naam]):10.1f}"
        )


class Wijziger:
    """A real change before each request of the phase "direct na een wijziging", through the
    portal's own services (lock, audit row, data version, on-commit work), as the bench user:
    a ziekmelding of a healthy werknemer yesterday, the next time that werknemer's recovery
    today, then the next werknemer. Untimed; the server sees the change at the next request."""

    def __init__(self, werkgever: Any) -> None:
        from django.utils import timezone

        from tests.factories import actor_voor
        from verzuimportaal.toegang.models import Lidmaatschap
        from verzuimportaal.werknemers.models import Werknemer

        lidmaatschap = Lidmaatschap.objects.get(
            gebruiker__username=BENCH_GEBRUIKER, werkgever=werkgever
        )
        self.door = actor_voor(lidmaatschap)
        self.vandaag = timezone.localdate()
        # In service, without a spell in the last month (so yesterday overlaps nothing).
        self.kandidaten = iter(
            Werknemer.objects.filter(
                loonheffingennummer__werkgever=werkgever, datum_uit_dienst__isnull=True
            )
            .exclude(verzuimgevallen__einddatum__isnull=True)
            .exclude(verzuimgevallen__einddatum__gte=self.vandaag - timedelta(days=31))
            .order_by("pk")
            .iterator()
        )
        self.open: Any = None
        self.aantal = 0

    def wijzig(self) -> None:
        from verzuimportaal.verzuim import service

        if self.open is None:
            self.open = service.meld_ziek(
                door=self.door,
                werknemer=next(self.kandidaten),
                eerste_ziektedag=self.vandaag - timedelta(days=1),
            )
        else:
            service.meld_volledig_hersteld(
                door=self.door, verzuimgeval=self.open, hersteldatum=self.vandaag
            )
            self.open = None
        self.aantal += 1


def latentie(
    aantal: int, *, zwaar: int, werknemers: int, statistiekpagina: bool, poort: int = 8765
) -> None:
    """(d) p50/p95 of portal pages against a trivial view on the same server, interleaved.

    The server is ``bench/statistiek_server.py`` (wsgiref, one thread) with the bench settings
    ``bench/statistiek_instellingen.py`` (DEBUG off, bench URLconf with ``/bench/triviaal/``).
    Every response must be 200 and contain the werkgever's name and the page's own marker,
    otherwise the run stops: numbers of redirects or error pages mean nothing.
    """
    import http.client

    werkgever = werkgever_met(werknemers)
    sleutel, over_voorwaarden = bench_sessie(werkgever)
    wijziger = Wijziger(werkgever)
    print(
        f"\n(d) paginalatentie: werkgever {werkgever.naam} met {werkgever.aantal_werknemers} "
        f"werknemers; {over_voorwaarden}"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": INSTELLINGEN, "DEBUG": "false"}
    server = subprocess.Popen(  # noqa: S603 - fixed arguments
        [sys.executable, str(ROOT / "bench" / "statistiek_server.py"), str(poort)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        if server.stdout.readline().strip() != "klaar":
            raise SystemExit("de benchmarkserver startte niet")
        koekje = f"sessionid={sleutel}"
        jaar = f"begin={JAAR[0].isoformat()}&einde={JAAR[1].isoformat()}"
        # name -> (path, marker that only the real page contains, number of requests)
        triviaal = ("/bench/triviaal/", "<p>", aantal)
        gewoon: dict[str, tuple[str, str, int]] = {
            "triviaal": triviaal,
            "dashboard": ("/", "<h1", aantal),
            "werknemerslijst (pagina 1)": ("/werknemers/", "Werknemer", aantal),
            "overzichten: algemeen (jaar)": (f"/overzichten/algemeen/?{jaar}", "<table", aantal),
        }
        # Right after a write: before each request (untimed) a ziekmelding or herstelmelding goes
        # through the real services (``Wijziger``), so whatever a write clears or keeps up to date
        # is measured as in production. A separate phase: a write in between would turn the other
        # pages' cached figures cold as well.
        na_wijziging: dict[str, tuple[str, str, int]] = {
            "triviaal": triviaal,
            "dashboard" + NA_WIJZIGING: ("/", "<h1", aantal),
        }
        if statistiekpagina:
            statistiek = (f"/statistiek/?{jaar}", "<table", aantal)
            gewoon["statistiek (jaar)"] = statistiek
            na_wijziging["statistiek (jaar)" + NA_WIJZIGING] = statistiek

        def haal(naam: str, pad: str, teken: str) -> tuple[float, int, float]:
            if naam.endswith(NA_WIJZIGING):
                wijziger.wijzig()
            conn = http.client.HTTPConnection("127.0.0.1", poort, timeout=600)
            start = time.perf_counter()
            conn.request("GET", pad, headers={"Cookie": koekje})
            response = conn.getresponse()
            body = response.read().decode("utf-8", "replace")
            duur = time.perf_counter() - start
            conn.close()
            if response.status != 200 or werkgever.naam not in body or teken not in body:
                raise SystemExit(
                    f"(d) afgebroken: {naam} ({pad}) gaf status {response.status}"
                    f" (Location: {response.getheader('Location')}); werkgevernaam "
                    f"{'wel' if werkgever.naam in body else 'niet'} in de pagina, "
                    f"{teken!r} {'wel' if teken in body else 'niet'}. Geen cijfers."
                )
            queries = int(response.getheader("X-Bench-Queries") or 0)
            db = float(response.getheader("X-Bench-Db-Ms") or 0)
            return duur, queries, db

        print(
            "  wsgiref (1 thread), DEBUG uit, sequentieel; p50/p95 nearest-rank; "
            "verhouding = pagina / triviaal van dezelfde fase (doel ≤ 3); om en om gemeten; "
            f"pagina's trager dan {TRAAG:.0f} s in de opwarming: {zwaar} verzoeken"
        )
        for fase, paginas in (
            ("gewoon gebruik", gewoon),
            ("direct na een wijziging", na_wijziging),
        ):
            _meet_fase(fase, paginas, haal, aantal=aantal, zwaar=zwaar)
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--werknemers", type=int, default=100_000)
    parser.add_argument("--verzuimen", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--database", default="vp_bench")
    parser.add_argument("--opnieuw", action="store_true", help="data opnieuw laden")
    parser.add_argument("--herhaal", type=int, default=3)
    parser.add_argument("--xlsx-rijen", type=int, default=1_000_000)
    parser.add_argument("--latentie", action="store_true", help="ook (d) paginalatentie meten")
    parser.add_argument("--verzoeken", type=int, default=200)
    parser.add_argument(
        "--verzoeken-zwaar", type=int, default=20, help="(d) verzoeken per pagina trager dan 1 s"
    )
    parser.add_argument("--latentie-werknemers", type=int, default=10_000)
    parser.add_argument(
        "--zonder-statistiekpagina", action="store_true", help="(d) statistiekpagina overslaan"
    )
    parser.add_argument("--alleen-latentie", action="store_true", help="alleen (d)")
    args = parser.parse_args()

    database_maken(args.database)
    django_opzetten(args.database)
    from django.core.management import call_command

    from verzuimportaal.verzuim.models import Verzuimgeval
    from verzuimportaal.werknemers.models import Werknemer

    call_command("migrate", verbosity=0)
    if args.opnieuw or Werknemer.objects.count() != args.werknemers:
        laden(werknemers=args.werknemers, verzuimen=args.verzuimen, seed=args.seed)
    print(
        f"database {args.database}: {Werknemer.objects.count()} werknemers, "
        f"{Verzuimgeval.objects.count()} verzuimen; PostgreSQL, {os.cpu_count()} cores; "
        f"{datetime.now():%Y-%m-%d %H:%M}"
    )
    if not args.alleen_latentie:
        tijden_statistiek(args.herhaal)
        exports(args.xlsx_rijen)
    if args.latentie or args.alleen_latentie:
        latentie(
            args.verzoeken,
            zwaar=args.verzoeken_zwaar,
            werknemers=args.latentie_werknemers,
            statistiekpagina=not args.zonder_statistiekpagina,
        )
    eigen = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npiek RSS van dit script: {eigen:.0f} MB")


if __name__ == "__main__":
    main()
