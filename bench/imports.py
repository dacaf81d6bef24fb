"""Benchmark of the werknemers import against a PostgreSQL COPY of the same rows.

Loads nothing beforehand: a werkgever with one loonheffingennummer in a dedicated database
(default ``vp_bench_import``, created and migrated here), then per round

  (a) the portal's import of an N-row CSV: read (``lees_in``), dry run (``controleer``) and the
      commit (``voer_uit``, the body of the Celery task), each timed, on an empty werkgever;
  (b) ``COPY werknemers_werknemer FROM STDIN`` of the same rows (already parsed and typed, the
      least the database must do), in one transaction;

and prints the medians and the ratio import/COPY (goal: ≤ 10×). Rows are deleted between rounds.

    .venv/bin/python bench/imports.py [--rijen 10000] [--herhaal 3] [--database vp_bench_import]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PG = "postgres://postgres@127.0.0.1:5432"


def django_opzetten(database: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,)).fetchone():
            conn.execute(f'CREATE DATABASE "{database}"')
    os.environ["DATABASE_URL"] = f"{PG}/{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "verzuimportaal.conf.ci")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def csv_bestand(lhnr: str, rijen: int) -> bytes:
    from tests.factories import elfproef_nummer

    regels = ["loonheffingennummer;bsn;voornaam;achternaam;geboortedatum;datum in dienst;uren"]
    for n in range(rijen):
        geboren = date(1960, 1, 1) + timedelta(days=(n * 7) % 14000)
        regels.append(
            f"{lhnr};{elfproef_nummer(900_000 + n)};Voornaam{n};Achternaam{n};"
            f"{geboren:%d-%m-%Y};01-01-2022;{16 + n % 25}"
        )
    return "\n".join(regels).encode()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rijen", type=int, default=10_000)
    parser.add_argument("--herhaal", type=int, default=3)
    parser.add_argument("--database", default="vp_bench_import")
    args = parser.parse_args()
    django_opzetten(args.database)

    from django.db import connection, transaction
    from django.utils import timezone

    from tests.factories import LidmaatschapFactory, LoonheffingennummerFactory, actor_voor
    from verzuimportaal.imports import service
    from verzuimportaal.imports.models import Status
    from verzuimportaal.toegang.models import Lidmaatschap
    from verzuimportaal.werkgevers.models import Loonheffingennummer
    from verzuimportaal.werknemers.models import Werknemer

    # One werkgever, kept between runs (the factories' numbers restart in every process).
    lhnr: Loonheffingennummer = Loonheffingennummer.objects.first() or LoonheffingennummerFactory()  # type: ignore[assignment]
    lidmaatschap: Lidmaatschap = Lidmaatschap.objects.filter(
        werkgever=lhnr.werkgever
    ).first() or LidmaatschapFactory(werkgever=lhnr.werkgever)  # type: ignore[assignment]
    actor = actor_voor(lidmaatschap)
    inhoud = csv_bestand(lhnr.nummer, args.rijen)
    tijden: dict[str, list[float]] = {"lezen": [], "proefdraai": [], "doorvoeren": [], "copy": []}
    for _ in range(args.herhaal):
        Werknemer.objects.filter(loonheffingennummer=lhnr).delete()
        t0 = time.perf_counter()
        imp = service.lees_in(door=actor, bestandsnaam="bench.csv", inhoud=inhoud)
        t1 = time.perf_counter()
        imp = service.controleer(door=actor, imp=imp, koppeling=imp.koppeling)
        t2 = time.perf_counter()
        assert imp.aantallen == {"aanmaken": args.rijen}, imp.aantallen
        imp.status = Status.BEZIG
        imp.save(update_fields=["status"])
        service.voer_uit(import_uuid=str(imp.uuid))
        t3 = time.perf_counter()
        imp.refresh_from_db()
        assert imp.status == Status.KLAAR, imp.fout
        assert Werknemer.objects.filter(loonheffingennummer=lhnr).count() == args.rijen
        tijden["lezen"].append(t1 - t0)
        tijden["proefdraai"].append(t2 - t1)
        tijden["doorvoeren"].append(t3 - t2)

        # The same rows, parsed and typed once, then COPY (parsing is not timed).
        Werknemer.objects.filter(loonheffingennummer=lhnr).delete()
        uitkomsten = service.proefdraai(door=actor, rijen=_rijen(inhoud), koppeling=imp.koppeling)
        assert {u.actie for u in uitkomsten} == {"aanmaken"}
        nu = timezone.now()
        objecten = [service._nieuw(u.gegevens or {}, nu) for u in uitkomsten]
        velden = [f for f in Werknemer._meta.concrete_fields if not f.primary_key]
        kolommen = ", ".join(f'"{f.column}"' for f in velden)
        waarden: list[tuple[Any, ...]] = [
            tuple(f.get_db_prep_save(getattr(o, f.attname), connection) for f in velden)
            for o in objecten
        ]
        t4 = time.perf_counter()
        sql = f"COPY werknemers_werknemer ({kolommen}) FROM STDIN"
        with (
            transaction.atomic(),
            connection.cursor() as cursor,
            cursor.cursor.copy(sql) as copy,
        ):
            for rij in waarden:
                copy.write_row(rij)
        t5 = time.perf_counter()
        assert Werknemer.objects.filter(loonheffingennummer=lhnr).count() == args.rijen
        tijden["copy"].append(t5 - t4)
    Werknemer.objects.filter(loonheffingennummer=lhnr).delete()

    mediaan = {k: statistics.median(v) for k, v in tijden.items()}
    importtijd = mediaan["lezen"] + mediaan["proefdraai"] + mediaan["doorvoeren"]
    print(f"{args.rijen} rijen, mediaan van {args.herhaal} rondes (seconden):")
    for k, v in mediaan.items():
        print(f"  {k:<11} {v:8.3f}")
    print(f"  import totaal {importtijd:8.3f}  (lezen + proefdraai + doorvoeren)")
    print(f"  verhouding import/COPY: {importtijd / mediaan['copy']:.1f}x")
    print(f"  verhouding doorvoeren/COPY: {mediaan['doorvoeren'] / mediaan['copy']:.1f}x")


def _rijen(inhoud: bytes) -> list[list[str]]:
    from verzuimportaal.imports import lezen

    return lezen.lees("bench.csv", inhoud, max_rijen=10**7)[1]


if __name__ == "__main__":
    main()
