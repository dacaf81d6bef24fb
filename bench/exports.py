"""Benchmark of the streamed exports (ADR 0032, 0037) against PostgreSQL's own COPY.

Uses the data of ``bench/statistiek.py`` (same loader, database ``vp_bench`` by default; loaded
when missing) and exports the first N spells (verzuimnummer, achternaam, eerste ziektedag,
einddatum, einde-reden as its label, gemeld op) in five ways, each in a fresh process so the
peak RSS is the export's own:

- ``copy``: ``COPY (SELECT …) TO STDOUT (FORMAT csv)`` of the same ``SELECT``: the floor;
- ``csv-python``: ``export.csv_response`` over ``values_list().iterator()`` (Python formats);
- ``csv-db``: ``sqlexport.csv_uit_database`` (PostgreSQL formats, COPY);
- ``xlsx-python``: ``export.xlsx_response`` (Python writes every cell);
- ``xlsx-db``: ``sqlexport.xlsx_uit_database`` (PostgreSQL writes the cells).

Printed side by side: time to the first byte of data (a CSV header alone does not count),
total time, size, peak RSS, and the ratios to COPY.
Goals (issue): first byte ≤ 2 s, CSV ≤ 10× COPY, 1M rows XLSX ≤ 60 s, peak RSS ≤ 300 MB.

    .venv/bin/python bench/exports.py [--database vp_bench] [--rijen 1000000] [--herhaal 2]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import statistiek  # noqa: E402  (the loader of the statistics bench)

KIND = """
import os, sys, time, resource
sys.path.insert(0, {root!r})
os.environ["DATABASE_URL"] = {url!r}
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verzuimportaal.conf.ci")
import django; django.setup()
from django.db import connection
from psycopg import ClientCursor
from verzuimportaal.overzichten.export import csv_response, xlsx_response
from verzuimportaal.overzichten import sqlexport
from verzuimportaal.overzichten.sqlexport import Kolom, csv_uit_database, xlsx_uit_database
from verzuimportaal.verzuim.models import EindeReden, Verzuimgeval
KOLOMMEN = [
    Kolom("Verzuimnummer", "verzuimnummer"),
    Kolom("Achternaam", "werknemer__achternaam"),
    Kolom("Eerste ziektedag", "eerste_ziektedag"),
    Kolom("Einddatum", "einddatum"),
    Kolom("Reden einde", "einde_reden", {{w: str(l) for w, l in EindeReden.choices}}),
    Kolom("Gemeld op", "gemeld_op"),
]
selectie = Verzuimgeval.objects.order_by("pk")[:{rijen}]
soort = {soort!r}
start = time.perf_counter()
if soort == "copy":
    rijen = selectie.values_list(*(k.veld for k in KOLOMMEN))
    sql, params = rijen.query.sql_with_params()
    connection.ensure_connection()
    sql = ClientCursor(connection.connection).mogrify(sql, params)
    grootte = 0
    with connection.cursor() as c:
        with c.cursor.copy(f"COPY ({{sql}}) TO STDOUT (FORMAT csv, DELIMITER ';')") as copy:
            for deel in copy:
                grootte += len(deel)
    eerste = 0.0
else:
    kop = [k.kop for k in KOLOMMEN]
    python_rijen = sqlexport._python_rijen(selectie, KOLOMMEN)
    if soort == "csv-python":
        response = csv_response(bestandsnaam="b", kop=kop, rijen=python_rijen)
    elif soort == "xlsx-python":
        response = xlsx_response(
            bestandsnaam="b", kop=kop, rijen=python_rijen, titel="Bench"
        )
    elif soort == "csv-db":
        response = csv_uit_database(bestandsnaam="b", kolommen=KOLOMMEN, queryset=selectie)
    else:
        response = xlsx_uit_database(
            bestandsnaam="b", kolommen=KOLOMMEN, queryset=selectie, titel="Bench"
        )
    # The first byte of data: the header line alone (CSV) does not count.
    grootte = 0
    eerste = None
    for deel in response.streaming_content:
        grootte += len(deel)
        if eerste is None and grootte > 512:
            eerste = time.perf_counter() - start
duur = time.perf_counter() - start
print(grootte, eerste, duur, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

SOORTEN = ("copy", "csv-python", "csv-db", "xlsx-python", "xlsx-db")


def meet(soort: str, rijen: int) -> tuple[int, float, float, int]:
    code = KIND.format(root=str(ROOT), url=os.environ["DATABASE_URL"], rijen=rijen, soort=soort)
    uit = subprocess.run(  # noqa: S603 - our own fixed code, no user input
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split()
    return int(uit[0]), float(uit[1]), float(uit[2]), int(uit[3])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", default="vp_bench")
    parser.add_argument("--werknemers", type=int, default=100_000)
    parser.add_argument("--verzuimen", type=int, default=1_000_000)
    parser.add_argument("--rijen", type=int, default=1_000_000)
    parser.add_argument("--herhaal", type=int, default=2)
    parser.add_argument("--soorten", default=",".join(SOORTEN))
    args = parser.parse_args()
    soorten = [s for s in args.soorten.split(",") if s]

    statistiek.database_maken(args.database)
    statistiek.django_opzetten(args.database)
    from django.core.management import call_command

    from verzuimportaal.verzuim.models import Verzuimgeval

    call_command("migrate", verbosity=0)
    if Verzuimgeval.objects.count() < args.rijen:
        statistiek.laden(werknemers=args.werknemers, verzuimen=args.verzuimen, seed=2025)
    metingen: dict[str, list[tuple[int, float, float, int]]] = {s: [] for s in soorten}
    for _ in range(args.herhaal):  # interleaved, so load on the machine hits every kind alike
        for soort in soorten:
            metingen[soort].append(meet(soort, args.rijen))
    print(
        f"exports van {args.rijen} rijen, {args.database}, {os.cpu_count()} cores, "
        f"mediaan van {args.herhaal} (apart proces per meting)"
    )
    print(
        f"  {'soort':12s} {'eerste byte s':>14s} {'totaal s':>9s} {'× COPY':>7s} "
        f"{'MB':>7s} {'piek RSS MB':>12s}"
    )
    copy = statistics.median(m[2] for m in metingen["copy"]) if "copy" in metingen else None
    for soort, reeks in metingen.items():
        eerste = statistics.median(m[1] for m in reeks)
        duur = statistics.median(m[2] for m in reeks)
        verhouding = f"{duur / copy:7.1f}" if copy else f"{'—':>7s}"
        print(
            f"  {soort:12s} {eerste:14.2f} {duur:9.1f} {verhouding} {reeks[0][0] / 2**20:7.1f} "
            f"{max(m[3] for m in reeks) / 1024:12.0f}"
        )
    print("  doelen: eerste byte ≤ 2 s, CSV ≤ 10× COPY, XLSX 1M rijen ≤ 60 s, piek RSS ≤ 300 MB")


if __name__ == "__main__":
    main()
