"""Benchmark of the monthly benefit run (DOMAIN §7.3, ADR 0030) on a large PostgreSQL database.

Uses the data generator of ``bench/statistiek.py`` (100 000 werknemers, 1 000 000 spells by
default) in its own database, adds a polis per werkgever and a wage per werknemer with SQL, then:

  (a) runs ``uitkeringen.service.voer_maandrun_uit`` for one month in a fresh process: wall time
      and peak RSS (goal ≤ 10 min, ≤ 500 MB), and the same call again (idempotent: pays nothing);
      every tenth sick werknemer has a UWV ZW line over the month, which the run deducts;
  (b) a hand-written SQL aggregation of the same sick uitkeringsdagen (Monday–Friday, employed)
      of that month, printed beside the portal's count of uitkeringsdagen + eigen-risicodagen
      (the portal stops at sick-day 728, so it may count fewer, never more).

    .venv/bin/python bench/uitkeringen.py [--werknemers 100000] [--verzuimen 1000000]
        [--database vp_bench_geld] [--maand 2025-12] [--opnieuw]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.statistiek import database_maken, django_opzetten, laden  # noqa: E402

RUN_KIND = """
import os, resource, sys, time
sys.path.insert(0, {root!r})
os.environ["DATABASE_URL"] = {url!r}
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verzuimportaal.conf.ci")
import django
django.setup()
from datetime import date
from django.db.models import Sum
from verzuimportaal.polissen.uitvoerder import Uitvoerder
from verzuimportaal.uitkeringen.models import Uitkeringsregel
from verzuimportaal.uitkeringen.service import voer_maandrun_uit
maand = date.fromisoformat({maand!r})
begin = time.perf_counter()
eerste = voer_maandrun_uit(door=Uitvoerder(), maand=maand)
duur = time.perf_counter() - begin
begin = time.perf_counter()
tweede = voer_maandrun_uit(door=Uitvoerder(), maand=maand)
opnieuw = time.perf_counter() - begin
regels = Uitkeringsregel.objects.filter(run=eerste.run)
som = regels.aggregate(b=Sum("bedrag"), d=Sum("uitkeringsdagen"), e=Sum("eigenrisicodagen"),
                       a=Sum("aftrek_uwv"))
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(duur, opnieuw, eerste.run.aantal_regels, int(tweede.nieuw), som["b"], som["d"], som["e"],
      eerste.run.overgeslagen, rss, som["a"])
"""

REFERENTIE_SQL = """
SELECT count(*) AS dagen, count(DISTINCT g.werknemer_id) AS werknemers
FROM verzuim_verzuimgeval g
JOIN werknemers_werknemer w ON w.id = g.werknemer_id
CROSS JOIN LATERAL generate_series(
    greatest(g.eerste_ziektedag, %(begin)s::date, w.datum_in_dienst),
    least(coalesce(g.einddatum - 1, %(einde)s::date), %(einde)s::date,
          coalesce(w.datum_uit_dienst, %(einde)s::date)),
    interval '1 day'
) AS d(dag)
WHERE extract(isodow FROM d.dag) < 6
"""


def geld_klaarzetten(maand: date, einde: date) -> None:
    """A polis per werkgever, a wage per werknemer and, for every tenth werknemer sick in the
    month, a UWV ZW line over the whole month (70 % of the dagloon up to the maximum, DOMAIN §7.2)
    that the run deducts (ADR 0046); previous runs removed."""
    from django.db import connection

    with connection.cursor() as c:
        c.execute(
            "TRUNCATE uitkeringen_uitkeringsregel, uitkeringen_uitkeringsrun, "
            "verzamelspecificaties_specificatieregel, lonen_loongegeven, polissen_polis "
            "RESTART IDENTITY"
        )
        c.execute(
            "INSERT INTO polissen_polis (werkgever_id, polisnummer, ingangsdatum, "
            "eigenrisicotermijn, dekking, dekkingsperiode, maximum_jaarloon, deler, "
            "premiepercentage, werkgeverslasten_percentage, arbotarief, vastgelegd_op) "
            "SELECT id, 'VZ-' || id, DATE '2000-01-01', 10, '100/70', 364, 110000, 261, 3.25, 0, "
            "12.50, now() FROM werkgevers_werkgever"
        )
        c.execute(
            "INSERT INTO lonen_loongegeven (werknemer_id, ingangsdatum, bruto_jaarloon, "
            "vakantiegeld_percentage, vaste_onderdelen, vastgelegd_op, vastgelegd_door_naam) "
            "SELECT id, datum_in_dienst, 30000 + (id % 60) * 1000, 8, 0, now(), 'Benchmark' "
            "FROM werknemers_werknemer"
        )
        c.execute(UWV_SQL, {"begin": maand, "einde": einde})


UWV_SQL = """
INSERT INTO verzamelspecificaties_specificatieregel (werkgever_id, werknemer_id, grondslag, van,
    tot_en_met, dagloon, percentage, maximumdagloon, dagbedrag, uitkeringsdagen, bruto, bron,
    vastgelegd_op)
SELECT l.werkgever_id, w.id, 'zw', %(begin)s::date, %(einde)s::date, dl.dagloon, 70, 290.67,
    round(least(dl.dagloon, 290.67) * 0.70, 2), dg.dagen,
    round(least(dl.dagloon, 290.67) * 0.70, 2) * dg.dagen, 'uitvoerder', now()
FROM werknemers_werknemer w
JOIN werkgevers_loonheffingennummer l ON l.id = w.loonheffingennummer_id
CROSS JOIN LATERAL (SELECT round((30000 + (w.id %% 60) * 1000) * 1.08 / 261, 2) AS dagloon) dl
CROSS JOIN LATERAL (
    SELECT count(*) AS dagen FROM generate_series(%(begin)s::date, %(einde)s::date,
        interval '1 day') AS d(dag) WHERE extract(isodow FROM d.dag) < 6
) dg
WHERE w.id %% 10 = 0 AND EXISTS (
    SELECT 1 FROM verzuim_verzuimgeval g WHERE g.werknemer_id = w.id
    AND g.eerste_ziektedag <= %(einde)s::date
    AND (g.einddatum IS NULL OR g.einddatum > %(begin)s::date)
)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--werknemers", type=int, default=100_000)
    parser.add_argument("--verzuimen", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--database", default="vp_bench_geld")
    parser.add_argument("--maand", default="2025-12-01")
    parser.add_argument("--opnieuw", action="store_true", help="data opnieuw laden")
    args = parser.parse_args()

    database_maken(args.database)
    django_opzetten(args.database)
    from django.core.management import call_command

    from verzuimportaal.verzuim.models import Verzuimgeval
    from verzuimportaal.werknemers.models import Werknemer

    call_command("migrate", verbosity=0)
    if args.opnieuw or Werknemer.objects.count() != args.werknemers:
        laden(werknemers=args.werknemers, verzuimen=args.verzuimen, seed=args.seed)
    maand = date.fromisoformat(args.maand)
    einde = (maand.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    geld_klaarzetten(maand, einde)
    print(
        f"database {args.database}: {Werknemer.objects.count()} werknemers, "
        f"{Verzuimgeval.objects.count()} verzuimen; PostgreSQL, {os.cpu_count()} cores; "
        f"maand {maand:%m-%Y}"
    )
    code = RUN_KIND.format(root=str(ROOT), url=os.environ["DATABASE_URL"], maand=args.maand)
    uit = subprocess.run(  # noqa: S603 - our own fixed code, no user input
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split()
    duur, opnieuw, regels, nieuw, bedrag, dagen, eigen, overgeslagen, rss, aftrek = uit
    print("\n(a) maandrun (apart proces)")
    print(f"  {regels} regels, totaal € {bedrag}, in {float(duur):.1f} s (doel ≤ 600 s)")
    print(f"  afgetrokken UWV-uitkering (ZW-regels van elke tiende zieke werknemer): € {aftrek}")
    print(f"  piek RSS {int(rss) / 1024:.0f} MB (doel ≤ 500 MB); overgeslagen: {overgeslagen}")
    print(f"  nogmaals dezelfde maand: {float(opnieuw):.2f} s, nieuwe run: {bool(int(nieuw))}")

    import psycopg

    begin = time.perf_counter()
    with psycopg.connect(os.environ["DATABASE_URL"]) as conn:
        rij = conn.execute(REFERENTIE_SQL, {"begin": maand, "einde": einde}).fetchone()
    sql_duur = time.perf_counter() - begin
    assert rij is not None
    portaal = int(dagen) + int(eigen)
    print("\n(b) zieke uitkeringsdagen in de maand")
    print(f"  portaal (uitkeringsdagen + eigen risico): {portaal} dagen, {regels} werknemers")
    print(f"  SQL-referentie: {rij[0]} dagen, {rij[1]} werknemers, in {sql_duur:.1f} s")
    print(f"  verschil (dagen na ziektedag 728): {rij[0] - portaal}")


if __name__ == "__main__":
    main()
