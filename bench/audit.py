"""Benchmark of the audit log page and its CSV export with a million audit rows (DOMAIN §3).

Loads seeded random audit rows for one werkgever (and a quarter as many for another, so the
werkgever filter matters) into a dedicated database (default ``vp_bench_audit``) with COPY, then
times over ``--herhaal`` runs (median, through the Django test client with a logged-in owner):

  (a) the log page: first page, a deep page, filtered by action, by a rare kind and by one week;
  (b) the CSV export of one month (time to the first byte and in total) and of everything
      (rows per second; streamed, so memory stays flat).

    .venv/bin/python bench/audit.py [--regels 1000000] [--database vp_bench_audit] [--opnieuw]
        [--herhaal 5]

The data is kept between runs; ``--opnieuw`` reloads it. Loading is not part of any timing.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, cast

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from statistiek import database_maken, django_opzetten  # noqa: E402  (bench/ is on sys.path)

BEGIN = datetime(2025, 1, 1, tzinfo=UTC)
DAGEN = 730
ACTIES = (
    ("inzien", 0.70),
    ("wijzigen", 0.15),
    ("aanmaken", 0.08),
    ("exporteren", 0.04),
    ("downloaden", 0.02),
    ("toegang", 0.01),
)
SOORTEN = (
    ("werknemer", 0.45),
    ("verzuimgeval", 0.45),
    ("activiteit", 0.07),
    ("document", 0.02),
    ("auditregel", 0.01),
)


def _kies(rng: random.Random, kansen: tuple[tuple[str, float], ...]) -> str:
    trekking = rng.random()
    for waarde, kans in kansen:
        if trekking < kans:
            return waarde
        trekking -= kans
    return kansen[0][0]


def laden(*, regels: int, seed: int) -> tuple[int, int]:
    """COPY ``regels`` rows for werkgever A and a quarter as many for B; returns their ids."""
    import uuid

    from django.db import connection

    from tests.factories import LidmaatschapFactory
    from verzuimportaal.audit.models import Auditregel
    from verzuimportaal.toegang.models import Lidmaatschap

    rng = random.Random(seed)
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE audit_auditregel")
    lid_a = cast(Lidmaatschap, LidmaatschapFactory())
    lid_b = cast(Lidmaatschap, LidmaatschapFactory())
    kolommen = [
        "tijdstip",
        "werkgever_id",
        "weergavenaam",
        "pseudoniem",
        "route",
        "kvk_nummer",
        "intermediair_kvk_nummer",
        "actie",
        "object_type",
        "object_id",
        "omschrijving",
        "ip_adres",
        "user_agent",
    ]
    begin = time.perf_counter()
    with connection.cursor() as cursor:
        raw = cursor.cursor
        lijst = ", ".join(kolommen)
        with raw.copy(f"COPY {Auditregel._meta.db_table} ({lijst}) FROM STDIN") as kopie:
            for lid, aantal in ((lid_a, regels), (lid_b, regels // 4)):
                for _ in range(aantal):
                    kopie.write_row(
                        [
                            BEGIN + timedelta(seconds=rng.randint(0, DAGEN * 86400)),
                            lid.werkgever_id,
                            "Medewerker Salarisadministratie",
                            "",
                            "lokaal",
                            lid.werkgever.kvk_nummer,
                            "",
                            _kies(rng, ACTIES),
                            _kies(rng, SOORTEN),
                            str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                            "",
                            f"192.0.2.{rng.randint(1, 254)}",
                            "Mozilla/5.0 (bench)",
                        ]
                    )
        cursor.execute("VACUUM ANALYZE audit_auditregel")  # as autovacuum does after inserts
    print(f"  {regels + regels // 4} auditregels geladen ({time.perf_counter() - begin:.1f} s)")
    return lid_a.pk, lid_b.pk


def _client(lidmaatschap_id: int) -> Any:
    from conftest import ingelogde_client
    from verzuimportaal.toegang.models import Lidmaatschap

    return ingelogde_client(Lidmaatschap.objects.get(pk=lidmaatschap_id))


def _meet(herhaal: int, doe: Any) -> float:
    tijden = []
    for _ in range(herhaal):
        begin = time.perf_counter()
        doe()
        tijden.append(time.perf_counter() - begin)
    return statistics.median(tijden) * 1000


def _lege_werkgever() -> int:
    """An owner of a werkgever without the million rows (only its own few page views)."""
    import uuid

    from tests.factories import GebruikerFactory, LidmaatschapFactory, WerkgeverFactory
    from verzuimportaal.toegang.models import Lidmaatschap

    gemeten = Lidmaatschap.objects.order_by("pk").values_list("pk", flat=True)[:2]
    bestaand = Lidmaatschap.objects.exclude(pk__in=list(gemeten)).order_by("pk").first()
    if bestaand is not None:
        return bestaand.pk
    kenmerk = uuid.uuid4().int
    lid = LidmaatschapFactory(
        gebruiker=GebruikerFactory(username=f"bench-leeg-{kenmerk % 10**8}"),
        werkgever=WerkgeverFactory(kvk_nummer=f"{kenmerk % 10**8:08d}"),
    )
    return cast(Lidmaatschap, lid).pk


def tijden(lidmaatschap_id: int, herhaal: int) -> None:
    from django.urls import reverse

    client = _client(lidmaatschap_id)
    leeg = _client(_lege_werkgever())
    log = reverse("audit:log")
    export = reverse("audit:export")
    week = date(2026, 3, 2)

    def pagina(query: str) -> Any:
        def doe() -> None:
            antwoord = client.get(f"{log}?{query}")
            assert antwoord.status_code == 200, antwoord.status_code

        return doe

    client.get(log)  # warm: sessions, templates, the planner's statistics
    leeg.get(log)
    print("\n(a) auditlogpagina (mediaan van", herhaal, "keer)")

    def lege_pagina() -> None:
        assert leeg.get(log).status_code == 200

    print(f"  {'ter vergelijking: zonder regels':32s} {_meet(herhaal, lege_pagina):8.1f} ms")
    for naam, query in [
        ("eerste pagina", ""),
        ("pagina 2000 (regel 100 000)", "pagina=2000"),
        ("actie = wijzigen", "actie=wijzigen"),
        ("soort = auditregel (1 %)", "object_type=auditregel"),
        ("één week", f"van={week:%d-%m-%Y}&tot={week + timedelta(days=6):%d-%m-%Y}"),
    ]:
        print(f"  {naam:32s} {_meet(herhaal, pagina(query)):8.1f} ms")

    def maand_export() -> tuple[float, int]:
        begin = time.perf_counter()
        antwoord = client.get(f"{export}?van=01-03-2026&tot=31-03-2026")
        stroom = iter(antwoord.streaming_content)
        eerste = next(stroom)
        eerste_byte = time.perf_counter() - begin
        regels = eerste.count(b"\n") + sum(stuk.count(b"\n") for stuk in stroom)
        return eerste_byte, regels

    print("\n(b) CSV-export")
    begin = time.perf_counter()
    eerste_byte, regels = maand_export()
    totaal = time.perf_counter() - begin
    print(
        f"  één maand: eerste byte {eerste_byte * 1000:.0f} ms, {regels} regels in "
        f"{totaal * 1000:.0f} ms"
    )
    begin = time.perf_counter()
    antwoord = client.get(export)
    regels = sum(stuk.count(b"\n") for stuk in antwoord.streaming_content)
    totaal = time.perf_counter() - begin
    print(f"  alles: {regels} regels in {totaal:.1f} s ({regels / totaal:,.0f} regels/s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--regels", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--database", default="vp_bench_audit")
    parser.add_argument("--opnieuw", action="store_true", help="data opnieuw laden")
    parser.add_argument("--herhaal", type=int, default=5)
    args = parser.parse_args()

    database_maken(args.database)
    django_opzetten(args.database)
    from django.core.management import call_command

    from verzuimportaal.audit.models import Auditregel
    from verzuimportaal.toegang.models import Lidmaatschap

    call_command("migrate", verbosity=0)
    lid = Lidmaatschap.objects.order_by("pk").first()
    if args.opnieuw or lid is None or Auditregel.objects.count() < args.regels:
        lid_id, _ = laden(regels=args.regels, seed=args.seed)
    else:
        lid_id = lid.pk
    print(
        f"database {args.database}: {Auditregel.objects.count()} auditregels, waarvan "
        f"{Auditregel.objects.filter(werkgever__lidmaatschappen__pk=lid_id).count()} van de "
        f"gemeten werkgever; {datetime.now():%Y-%m-%d %H:%M}"
    )
    tijden(lid_id, args.herhaal)


if __name__ == "__main__":
    main()
