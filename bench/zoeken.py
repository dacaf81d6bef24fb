"""Benchmark: name search and deep pages at 100 000 werknemers of one werkgever (issue point 4).

Uses the data of ``bench/statistiek.py`` (same loader and database); hangs loonheffingennummers
under the first werkgever until it has ``--werknemers`` employees (``statistiek.werkgever_met``)
and logs in as ``statistiek.bench_sessie`` does. Every page is asked in-process through Django's
test client with the bench settings (the trivial view ``/bench/triviaal/``: session, second
factor, terms, blocks and one query), in rounds: each round asks the trivial view and then every
page once, so load on the machine hits them alike. Printed: median and p95 per page, the ratio
of the medians to the trivial view (goal ≤ 3×) and the number of queries. Deep pages are asked as
the links "Volgende"/``next`` give them (a cursor, ADR 0048) and, for the API, also by page
number as clients did before.

    .venv/bin/python bench/zoeken.py [--database vp_bench] [--werknemers 100000] [--ronden 30]
        [--paginanummers]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import statistiek  # noqa: E402  (the loader and the bench session)


def paginas(aantal: int) -> dict[str, tuple[str, str]]:
    """Name: (path, a text the answer must contain). Deep pages both ways: by cursor (the links
    "Volgende"/``next`` give, ADR 0048) and, for the API, by page number as before."""
    from urllib.parse import quote

    from verzuimportaal.utils import keyset
    from verzuimportaal.verzuim.models import Verzuimgeval
    from verzuimportaal.werknemers.models import Werknemer

    # The lists' own order and name, so the cursors are the ones their pages hand out.
    namen = Werknemer.objects.order_by("achternaam", "voornaam", "pk")
    api_namen = Werknemer.objects.order_by("achternaam", "pk")
    gevallen = Verzuimgeval.objects.order_by("-eerste_ziektedag", "-pk")
    midden = namen[aantal // 2]
    diep_geval = gevallen[gevallen.count() * 19 // 20]  # page 19 000 of 20 000 by number
    lijst_midden = quote(keyset.na(namen, midden, naam="werknemers"))
    lijst_laatste = quote(keyset.laatste_pagina(namen, naam="werknemers"))
    api_midden = quote(keyset.na(api_namen, midden, naam="api-werknemers.werknemer"))
    api_diep = quote(keyset.na(gevallen, diep_geval, naam="api-verzuim.verzuimgeval"))
    pagina_diep = max(1, aantal // 50 - 10)  # 50 per page (PAGE_SIZE)
    return {
        "triviaal": ("/bench/triviaal/", ""),
        "werknemerslijst, eerste pagina": ("/werknemers/", "Werknemer"),
        "zoeken op naam ('werknemer4711')": ("/werknemers/?q=werknemer4711", "Werknemer4711"),
        "zoeken op begin naam ('werknemer47')": ("/werknemers/?q=werknemer47", "Werknemer47"),
        "zoeken op naam, geen treffer": ("/werknemers/?q=xyzzy", "Werknemers"),
        "werknemerslijst, midden (cursor)": (f"/werknemers/?cursor={lijst_midden}", "Werknemer"),
        "werknemerslijst, laatste pagina": (f"/werknemers/?cursor={lijst_laatste}", "Werknemer"),
        "API werknemers, eerste pagina": ("/api/v1/werknemers/", "results"),
        "API werknemers, midden (cursor)": (f"/api/v1/werknemers/?cursor={api_midden}", "results"),
        f"API werknemers, page={pagina_diep}": (
            f"/api/v1/werknemers/?page={pagina_diep}",
            "results",
        ),
        "API verzuimgevallen, eerste pagina": ("/api/v1/verzuimgevallen/", "results"),
        "API verzuimgevallen, rij 950.000 (cursor)": (
            f"/api/v1/verzuimgevallen/?cursor={api_diep}",
            "results",
        ),
        "API verzuimgevallen, open": ("/api/v1/verzuimgevallen/?open=true", "results"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", default="vp_bench")
    parser.add_argument("--werknemers", type=int, default=100_000)
    parser.add_argument("--verzuimen", type=int, default=1_000_000)
    parser.add_argument("--ronden", type=int, default=30)
    parser.add_argument(
        "--paginanummers",
        action="store_true",
        help="also the deep verzuimgevallen page by number (page=19000), slow",
    )
    args = parser.parse_args()

    os.environ["DJANGO_SETTINGS_MODULE"] = statistiek.INSTELLINGEN
    statistiek.database_maken(args.database)
    statistiek.django_opzetten(args.database)
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client

    from verzuimportaal.werknemers.models import Werknemer

    call_command("migrate", verbosity=0)
    if Werknemer.objects.count() < args.werknemers:
        statistiek.laden(werknemers=args.werknemers, verzuimen=args.verzuimen, seed=2025)
    werkgever = statistiek.werkgever_met(args.werknemers)
    with connection.cursor() as cursor:  # the numbers just moved: fresh statistics, as autovacuum
        cursor.execute("ANALYZE werkgevers_loonheffingennummer")
    sleutel, _ = statistiek.bench_sessie(werkgever)
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = sleutel
    settings.DEBUG = True  # only to count the queries (connection.queries)
    lijst = paginas(werkgever.aantal_werknemers)
    if args.paginanummers:  # the deep page by number as before: ~4 s per request under load
        lijst["API verzuimgevallen, page=19000"] = (
            "/api/v1/verzuimgevallen/?page=19000",
            "results",
        )
    for naam, (pad, teken) in lijst.items():  # warm up, and check every answer
        for _ in range(2):
            antwoord = client.get(pad)
            assert antwoord.status_code == 200, (naam, antwoord.status_code)
            assert teken in antwoord.content.decode(), (naam, teken)
    tijden: dict[str, list[float]] = {naam: [] for naam in lijst}
    queries: dict[str, int] = {}
    for _ in range(args.ronden):
        for naam, (pad, _) in lijst.items():
            reset_queries()
            begin = time.perf_counter()
            client.get(pad)
            tijden[naam].append(time.perf_counter() - begin)
            queries[naam] = len(connection.queries)
    triviaal = statistics.median(tijden["triviaal"])
    print(
        f"{args.database}: werkgever met {werkgever.aantal_werknemers} werknemers, "
        f"{args.ronden} ronden om en om, {os.cpu_count()} cores"
    )
    print(
        f"  {'pagina':44s} {'mediaan ms':>11s} {'p95 ms':>8s} {'/ triviaal':>11s} {'queries':>8s}"
    )
    for naam, reeks in tijden.items():
        reeks.sort()
        p95 = reeks[min(len(reeks) - 1, round(0.95 * len(reeks)))]
        mediaan = statistics.median(reeks)
        print(
            f"  {naam:44s} {mediaan * 1000:11.1f} {p95 * 1000:8.1f} "
            f"{mediaan / triviaal:11.2f} {queries[naam]:8d}"
        )
    print(
        "  doel: zoeken en diepe pagina's ≤ 3× de triviale view (verhoudingen in dezelfde run; "
        "op een belaste machine zijn de absolute tijden geen maat)"
    )


if __name__ == "__main__":
    main()
