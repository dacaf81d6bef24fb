"""Bounded load run against the one-box production stack (``make last``, docs/scaling.md).

    make stack-stop; make last           # starts the stack with bench.last_instellingen if needed
    make last LAST_ARGS="--gebruikers 8 --mix-seconden 30 --blok-seconden 8 --rondes 3"

What it does, all over HTTP against both gunicorn nodes (requests alternate between the ports):

1. Data: per virtual user a werkgever with one loonheffingennummer, a few hundred werknemers and a
   pool of healthy werknemers to report sick; a local account with all rights, second factor
   done, terms accepted, werkgever chosen (a session in the database, as after a real login).
2. Mix: every user loops over the real pages for ``--mix-seconden``: dashboard, werknemers (list
   and detail), lopende verzuimen, overzicht algemeen, ziekmelding and herstelmelding (forms,
   with CSRF), API werknemers and API ziekmeldingen, and the trivial view (the floor).
3. Writes: blocks of API ziekmeldingen (with Idempotency-Key) and of the minimal POST endpoint
   alternate, ``--rondes`` times ``--blok-seconden`` each, with the same number of users.
4. pgbench: single-row INSERT transactions into a table of the same shape, same concurrency.

Prints req/s, p50/p95/p99 per page, errors, the ratio of each page's p50 to the floor's, the
throughput of API ziekmeldingen against the minimal POST, and pgbench's TPS. Exits 1 on errors.
"""

import argparse
import http.client
import json
import math
import os
import random
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.last_instellingen")


@dataclass
class Gebruiker:
    sessie: str
    csrf: str
    werkgever_naam: str
    werknemers: list[str]
    gezond: list[str]
    ziek: list[str] = field(default_factory=list)
    slot: threading.Lock = field(default_factory=threading.Lock)

    def volgende_gezonde(self) -> str:
        with self.slot:
            if not self.gezond:
                raise RuntimeError("geen gezonde werknemers meer: verhoog --gezond")
            return self.gezond.pop()

    def zieke(self) -> str | None:
        with self.slot:
            return self.ziek.pop() if self.ziek else None


def minimale_tabel() -> str:
    """The table of the minimal POST endpoint, from the URLconf the stack serves."""
    import importlib

    from django.conf import settings

    return str(importlib.import_module(settings.ROOT_URLCONF).TABEL)


def _elfproef(start: int, aantal: int) -> list[str]:
    uit: list[str] = []
    kandidaat = start
    while len(uit) < aantal:
        s = str(kandidaat)
        if sum(int(c) * w for c, w in zip(s, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True)) % 11 == 0:
            uit.append(s)
        kandidaat += 1
    return uit


def gegevens_maken(gebruikers: int, werknemers: int, gezond: int) -> list[Gebruiker]:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import connection
    from django.utils import timezone
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_email.models import EmailDevice

    from verzuimportaal.toegang.acterend import SESSIE_ROUTE, SESSIE_WERKGEVER
    from verzuimportaal.toegang.actor import Route, accounthouder
    from verzuimportaal.toegang.models import Lidmaatschap, alle_lokale_rechten
    from verzuimportaal.voorwaarden import service as voorwaarden
    from verzuimportaal.werkgevers.models import Loonheffingennummer, Werkgever
    from verzuimportaal.werknemers.models import Werknemer

    tabel = minimale_tabel()
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {tabel} (id bigserial PRIMARY KEY, "
            "gebruiker_id integer NOT NULL, werkgever_id integer NOT NULL, "
            "aangemaakt_op timestamptz NOT NULL)"
        )
    run = secrets.token_hex(3)
    rng = random.Random()
    nummers = _elfproef(rng.randrange(100_000_000, 800_000_000), gebruikers + 1)
    bsns = _elfproef(rng.randrange(100_000_000, 800_000_000), 2000)
    uit: list[Gebruiker] = []
    versie = voorwaarden.versie_van_kracht(op=timezone.localdate())
    for i in range(gebruikers):
        werkgever = Werkgever.objects.create(
            kvk_nummer=f"{rng.randrange(90_000_000, 99_999_999)}", naam=f"Last {run}-{i} B.V."
        )
        lhnr = Loonheffingennummer.objects.create(
            werkgever=werkgever,
            nummer=f"{nummers[i]}L01",
            actief=True,
            geactiveerd_op=timezone.now(),
        )
        rijen = [
            Werknemer(
                loonheffingennummer=lhnr,
                bsn=bsns[(i * 997 + n) % len(bsns)],
                voornaam=f"Voornaam{n}",
                achternaam=f"Achternaam{n:05d}",
                geboortedatum=date(1980, 1, 1) + timedelta(days=n % 7000),
                datum_in_dienst=date(2020, 1, 1),
                contracturen_per_week=Decimal("36"),
                deeltijdfactor=Decimal("0.900"),
            )
            for n in range(werknemers + gezond)
        ]
        Werknemer.objects.bulk_create(rijen, batch_size=1000)
        uuids = [
            str(u)
            for u in Werknemer.objects.filter(loonheffingennummer=lhnr)
            .order_by("pk")
            .values_list("uuid", flat=True)
        ]
        gebruiker = get_user_model().objects.create(
            username=f"last-{run}-{i}",
            first_name="Last",
            last_name=f"Gebruiker {i}",
            email=f"last-{run}-{i}@example.nl",
        )
        Lidmaatschap.objects.create(
            gebruiker=gebruiker, werkgever=werkgever, rechten=alle_lokale_rechten(), actief=True
        )
        apparaat = EmailDevice.objects.create(user=gebruiker, name="E-mail", confirmed=True)
        if versie is not None:
            voorwaarden.accepteer(
                door=accounthouder(gebruiker),
                persoon=voorwaarden.Persoon(gebruiker_id=gebruiker.pk),
                versie=versie,
                notificatie_email=gebruiker.email,
            )
        sessie = SessionStore()
        sessie["_auth_user_id"] = str(gebruiker.pk)
        sessie["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
        sessie["_auth_user_hash"] = gebruiker.get_session_auth_hash()
        sessie[DEVICE_ID_SESSION_KEY] = apparaat.persistent_id
        sessie[SESSIE_WERKGEVER] = werkgever.pk
        sessie[SESSIE_ROUTE] = str(Route.LOKAAL)
        sessie.create()
        assert sessie.session_key is not None
        uit.append(
            Gebruiker(
                sessie=sessie.session_key,
                csrf=secrets.token_hex(16),  # a CSRF secret of 32 characters, as Django's
                werkgever_naam=werkgever.naam,
                werknemers=uuids[:werknemers],
                gezond=uuids[werknemers:],
            )
        )
    connection.close()
    return uit


# --- HTTP --------------------------------------------------------------------------------------


@dataclass
class Uitkomst:
    naam: str
    duur: float
    ok: bool
    status: int


@dataclass
class Stap:
    naam: str
    methode: str
    pad: str
    verwacht: int
    body: bytes | None = None
    soort: str | None = None
    na: Any = None  # called with the answer's body when ok (keeps spells for herstelmeldingen)


def doe(poort: int, gebruiker: Gebruiker, stap: Stap) -> tuple[Uitkomst, bytes]:
    koppen = {
        "Cookie": f"sessionid={gebruiker.sessie}; csrftoken={gebruiker.csrf}",
        "Host": "127.0.0.1",
    }
    if stap.methode == "POST":
        koppen["X-CSRFToken"] = gebruiker.csrf
        koppen["Content-Type"] = stap.soort or "application/x-www-form-urlencoded"
    begin = time.perf_counter()
    try:
        verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=60)
        verbinding.request(stap.methode, stap.pad, body=stap.body, headers=koppen)
        antwoord = verbinding.getresponse()
        inhoud = antwoord.read()
        verbinding.close()
        status = antwoord.status
    except OSError as fout:
        return Uitkomst(stap.naam, time.perf_counter() - begin, False, 0), str(fout).encode()
    duur = time.perf_counter() - begin
    return Uitkomst(stap.naam, duur, status == stap.verwacht, status), inhoud


VANDAAG = date.today()


def stap_api_ziekmelding(g: Gebruiker) -> Stap:
    body = json.dumps(
        {
            "werknemer": g.volgende_gezonde(),
            "eerste_ziektedag": (VANDAAG - timedelta(days=10)).isoformat(),
            "vangnet": "nee",
        }
    ).encode()

    def na(inhoud: bytes) -> None:
        with g.slot:
            g.ziek.append(json.loads(inhoud)["uuid"])

    stap = Stap(
        "API ziekmelding", "POST", "/api/v1/ziekmeldingen/", 201, body, "application/json", na
    )
    return stap


def stap_pagina_ziekmelding(g: Gebruiker) -> Stap:
    werknemer = g.volgende_gezonde()
    body = urlencode(
        {
            "csrfmiddlewaretoken": g.csrf,
            "eerste_ziektedag": (VANDAAG - timedelta(days=10)).isoformat(),
            "vangnet": "nee",
        }
    ).encode()
    return Stap("ziekmelding (formulier)", "POST", f"/verzuim/ziek-melden/{werknemer}/", 302, body)


def stap_herstelmelding(g: Gebruiker) -> Stap | None:
    geval = g.zieke()
    if geval is None:
        return None
    body = urlencode(
        {
            "csrfmiddlewaretoken": g.csrf,
            "soort": "volledig",
            "datum": (VANDAAG - timedelta(days=3)).isoformat(),
        }
    ).encode()
    return Stap(
        "herstelmelding (formulier)", "POST", f"/verzuim/{geval}/hersteld-melden/", 302, body
    )


def mix(g: Gebruiker, rng: random.Random) -> list[Stap]:
    werknemer = rng.choice(g.werknemers)
    stappen = [
        Stap("triviaal (vloer)", "GET", "/bench/triviaal/", 200),
        Stap("dashboard", "GET", "/", 200),
        Stap("werknemers", "GET", "/werknemers/", 200),
        Stap("werknemer", "GET", f"/werknemers/{werknemer}/", 200),
        Stap("lopende verzuimen", "GET", "/verzuim/", 200),
        Stap("overzicht algemeen", "GET", "/overzichten/algemeen/", 200),
        Stap("API werknemers", "GET", "/api/v1/werknemers/", 200),
        stap_pagina_ziekmelding(g),
        stap_api_ziekmelding(g),
        Stap("triviaal (vloer)", "GET", "/bench/triviaal/", 200),
    ]
    herstel = stap_herstelmelding(g)
    if herstel is not None:
        stappen.append(herstel)
    rng.shuffle(stappen)
    return stappen


def draai(
    gebruikers: list[Gebruiker], poorten: list[int], seconden: float, stappen_van: Any
) -> tuple[list[Uitkomst], list[str], float]:
    """Every user in its own thread until the time is up; requests alternate between nodes."""
    uitkomsten: list[Uitkomst] = []
    fouten: list[str] = []
    slot = threading.Lock()
    einde = time.monotonic() + seconden

    def gebruiker_loop(i: int, g: Gebruiker) -> None:
        rng = random.Random(i)
        teller = i
        eigen: list[Uitkomst] = []
        while time.monotonic() < einde:
            for stap in stappen_van(g, rng):
                if time.monotonic() >= einde:
                    break
                poort = poorten[teller % len(poorten)]
                teller += 1
                uitkomst, inhoud = doe(poort, g, stap)
                eigen.append(uitkomst)
                if uitkomst.ok and stap.na is not None:
                    stap.na(inhoud)
                elif not uitkomst.ok:
                    with slot:
                        fouten.append(
                            f"{stap.naam} {stap.methode} {stap.pad} op {poort}: {uitkomst.status} "
                            + inhoud[:300].decode(errors="replace").replace("\n", " ")
                        )
        with slot:
            uitkomsten.extend(eigen)

    begin = time.monotonic()
    draden = [
        threading.Thread(target=gebruiker_loop, args=(i, g)) for i, g in enumerate(gebruikers)
    ]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    return uitkomsten, fouten, time.monotonic() - begin


def pct(tijden: list[float], p: float) -> float:
    geordend = sorted(tijden)
    return geordend[max(1, math.ceil(len(geordend) * p / 100)) - 1] * 1000


def pgbench(clients: int, seconden: int) -> float:
    tabel = minimale_tabel()
    url = urlsplit(os.environ["DATABASE_URL"])
    map_ = Path(tempfile.mkdtemp(prefix="vp-last-"))
    script = map_ / "insert.sql"
    script.write_text(
        f"INSERT INTO {tabel} (gebruiker_id, werkgever_id, aangemaakt_op) VALUES (1, 1, now());\n"
    )
    omgeving = {**os.environ}
    if url.password:
        omgeving["PGPASSWORD"] = url.password
    programma = shutil.which("pgbench")
    if programma is None:
        sys.exit("pgbench ontbreekt (Debian-pakket postgresql-client)")
    uitvoer = subprocess.run(  # noqa: S603  # fixed argv from our own settings
        [
            programma,
            "-n",
            "-c",
            str(clients),
            "-j",
            "2",
            "-T",
            str(seconden),
            "-f",
            str(script),
            "-h",
            url.hostname or "127.0.0.1",
            "-p",
            str(url.port or 5432),
            "-U",
            url.username or "postgres",
            url.path.lstrip("/"),
        ],
        capture_output=True,
        text=True,
        env=omgeving,
        check=True,
    ).stdout
    shutil.rmtree(map_)
    gevonden = re.search(r"tps = ([\d.]+)", uitvoer)
    assert gevonden, uitvoer
    return float(gevonden.group(1))


def tabel(uitkomsten: list[Uitkomst], seconden: float) -> tuple[str, int]:
    per: dict[str, list[Uitkomst]] = defaultdict(list)
    for u in uitkomsten:
        per[u.naam].append(u)
    vloer = pct([u.duur for u in per["triviaal (vloer)"]], 50)
    regels = [
        f"{'pagina':28} {'n':>6} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
        f"{'fouten':>6} {'p50/vloer':>9}"
    ]
    fouten = 0
    for naam in sorted(per, key=lambda n: (n != "triviaal (vloer)", n)):
        lijst = per[naam]
        tijden = [u.duur for u in lijst]
        f = sum(1 for u in lijst if not u.ok)
        fouten += f
        regels.append(
            f"{naam:28} {len(lijst):6d} {len(lijst) / seconden:7.1f} {pct(tijden, 50):8.1f} "
            f"{pct(tijden, 95):8.1f} {pct(tijden, 99):8.1f} {f:6d} {pct(tijden, 50) / vloer:9.2f}"
        )
    regels.append(
        f"{'totaal':28} {len(uitkomsten):6d} {len(uitkomsten) / seconden:7.1f}{'':>27} {fouten:6d}"
    )
    return "\n".join(regels), fouten


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gebruikers", type=int, default=8)
    parser.add_argument("--werknemers", type=int, default=300, help="per werkgever")
    parser.add_argument("--gezond", type=int, default=900, help="per werkgever, om ziek te melden")
    parser.add_argument("--mix-seconden", type=float, default=30)
    parser.add_argument("--blok-seconden", type=float, default=8)
    parser.add_argument("--rondes", type=int, default=3)
    parser.add_argument("--pgbench-seconden", type=int, default=8)
    args = parser.parse_args()
    poorten = [int(p) for p in os.environ.get("STACK_POORTEN", "8720 8721").split()]

    for poort in poorten:
        verbinding = http.client.HTTPConnection("127.0.0.1", poort, timeout=10)
        verbinding.request("GET", "/bench/triviaal/", headers={"Host": "127.0.0.1"})
        if verbinding.getresponse().status == 404:
            sys.exit(
                f"Node {poort} draait zonder bench.last_instellingen: make stack-stop; make last"
            )

    begin = time.monotonic()
    gebruikers = gegevens_maken(args.gebruikers, args.werknemers, args.gezond)
    print(
        f"Gegevens: {args.gebruikers} werkgevers met elk {args.werknemers + args.gezond} "
        f"werknemers en één ingelogde gebruiker ({time.monotonic() - begin:.1f} s)"
    )
    print(f"Nodes: {', '.join(map(str, poorten))}; {args.gebruikers} gelijktijdige gebruikers\n")

    draai(gebruikers, poorten, 3, mix)  # warm-up: templates, connections, caches
    uitkomsten, fouten, duur = draai(gebruikers, poorten, args.mix_seconden, mix)
    tekst, aantal_fouten = tabel(uitkomsten, duur)
    print(f"== Mix, {duur:.0f} s ==")
    print(tekst)

    def alleen(stap: Any) -> Any:
        return lambda g, rng: [stap(g)]

    minimaal = Stap("minimale POST", "POST", "/bench/minimaal/", 201, b"{}", "application/json")
    tellingen: dict[str, tuple[int, float]] = {"api": (0, 0.0), "minimaal": (0, 0.0)}
    schrijf_fouten = 0
    for _ in range(args.rondes):
        for sleutel, maker in (("api", stap_api_ziekmelding), ("minimaal", lambda g: minimaal)):
            resultaat, f, d = draai(gebruikers, poorten, args.blok_seconden, alleen(maker))
            ok = sum(1 for u in resultaat if u.ok)
            schrijf_fouten += len(resultaat) - ok
            fouten.extend(f)
            n, t = tellingen[sleutel]
            tellingen[sleutel] = (n + ok, t + d)
    api = tellingen["api"][0] / tellingen["api"][1]
    mini = tellingen["minimaal"][0] / tellingen["minimaal"][1]
    tps = pgbench(args.gebruikers, args.pgbench_seconden)
    print(
        f"\n== Schrijven, {args.rondes} × {args.blok_seconden:.0f} s per soort, om en om, "
        f"{args.gebruikers} gebruikers =="
    )
    print(f"API ziekmeldingen          {api:8.1f} /s")
    print(f"minimale Django-POST       {mini:8.1f} /s")
    print(f"verhouding API / minimaal  {api / mini * 100:8.0f} %  (doel ≥ 50 %)")
    print(
        f"pgbench single-row INSERT  {tps:8.0f} TPS ({args.gebruikers} clients, "
        f"{args.pgbench_seconden} s)"
    )
    print(f"fouten bij schrijven       {schrijf_fouten:8d}")
    for regel in fouten[:10]:
        print("  fout:", regel)
    sys.exit(1 if aantal_fouten or schrijf_fouten else 0)


if __name__ == "__main__":
    main()
