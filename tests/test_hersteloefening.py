"""Restore drill (docs/backup.md): dump the database, restore it into a fresh one, start the app.

The procedure of docs/backup.md step by step on the test database: ``pg_dump -Fc``, a new empty
database, ``pg_restore``; then a new process of the portal on the restored database checks itself
(``check``, ``migrate --check``) and serves a werknemer page to a logged-in user. The row count of
every table and the audit trail (every row, in order) must be the same as in the original, and
the restored audit trail must still refuse changes (its trigger came along).
"""

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import quote

import psycopg
import pytest
from django.db import connection
from django.urls import reverse

from conftest import Omgeving, ingelogde_client

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parent.parent
AUDITKOLOMMEN = "id, tijdstip, werkgever_id, weergavenaam, actie, object_type, object_id, route"

# Runs in a new process on the restored database: the portal starts and serves a page.
START_OP_HERSTELDE_DATABASE = """
import json, sys
import django
django.setup()
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from conftest import ingelogde_gebruiker
call_command("check", databases=["default"], fail_level="ERROR")
call_command("migrate", check_unapplied=True, verbosity=0)  # exits 1 on a missing migration
gebruiker = get_user_model().objects.get(username=sys.argv[1])
response = ingelogde_gebruiker(gebruiker).get(reverse("werknemers:detail", args=[sys.argv[2]]))
print(json.dumps({"status": response.status_code, "inhoud": response.content.decode()}))
"""


def _programma(naam: str) -> str:
    pad = shutil.which(naam)
    if pad is None:
        pytest.fail(f"{naam} ontbreekt: installeer het Debian-pakket postgresql-client (.ci/run).")
    return pad


def _omgeving(database: str) -> dict[str, str]:
    instellingen = connection.settings_dict
    env = dict(os.environ)
    env.update(
        PGHOST=str(instellingen["HOST"] or "127.0.0.1"),
        PGPORT=str(instellingen["PORT"] or 5432),
        PGUSER=str(instellingen["USER"] or "postgres"),
        PGDATABASE=database,
    )
    if instellingen["PASSWORD"]:
        env["PGPASSWORD"] = str(instellingen["PASSWORD"])
    return env


def _verbinding(database: str, **kwargs: Any) -> psycopg.Connection[Any]:
    env = _omgeving(database)
    return psycopg.connect(
        host=env["PGHOST"],
        port=env["PGPORT"],
        user=env["PGUSER"],
        password=env.get("PGPASSWORD"),
        dbname=database,
        **kwargs,
    )


def _stand(verbinding: Any) -> tuple[dict[str, int], list[tuple[Any, ...]]]:
    """Rows per table of the public schema, and the whole audit trail in order."""
    with verbinding.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
        tabellen = [rij[0] for rij in cursor.fetchall()]
        aantallen = {}
        for tabel in tabellen:
            cursor.execute(f'SELECT count(*) FROM "{tabel}"')  # noqa: S608 - name from pg_tables
            aantallen[tabel] = cursor.fetchone()[0]
        cursor.execute(f"SELECT {AUDITKOLOMMEN} FROM audit_auditregel ORDER BY id")  # noqa: S608
        return aantallen, [tuple(rij) for rij in cursor.fetchall()]


@pytest.fixture
def lege_database():
    """A fresh, empty database next to the test database; dropped afterwards."""
    naam = f"{connection.settings_dict['NAME']}_herstel_{uuid.uuid4().hex[:8]}"
    with _verbinding("postgres", autocommit=True) as beheer:
        beheer.execute(f'CREATE DATABASE "{naam}"')
    try:
        yield naam
    finally:
        with _verbinding("postgres", autocommit=True) as beheer:
            beheer.execute(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')


def test_hersteloefening(werkgever_a: Omgeving, werkgever_b: Omgeving, lege_database, tmp_path):
    if connection.vendor != "postgresql":
        pytest.fail("De hersteloefening draait op PostgreSQL (docs/backup.md).")
    # Data and an audit trail, committed: a page read by the owner writes an audit row.
    eigenaar = ingelogde_client(werkgever_a.lidmaatschap)
    assert (
        eigenaar.get(reverse("werknemers:detail", args=[werkgever_a.werknemer.uuid])).status_code
        == 200
    )
    bron = connection.settings_dict["NAME"]
    dump = tmp_path / "verzuimportaal.dump"
    voor_aantallen, voor_audit = _stand(connection.connection)

    subprocess.run(  # noqa: S603 - fixed argv, no user input
        [_programma("pg_dump"), "--format=custom", "--no-owner", f"--file={dump}", bron],
        env=_omgeving(bron),
        check=True,
        capture_output=True,
    )
    subprocess.run(  # noqa: S603 - fixed argv, no user input
        [
            _programma("pg_restore"),
            "--no-owner",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={lege_database}",
            str(dump),
        ],
        env=_omgeving(lege_database),
        check=True,
        capture_output=True,
    )

    with _verbinding(lege_database) as hersteld:
        na_aantallen, na_audit = _stand(hersteld)
    assert na_aantallen == voor_aantallen
    assert len(voor_audit) >= 1 and na_audit == voor_audit
    assert voor_aantallen["werknemers_werknemer"] >= 2

    # The portal starts on the restored database and serves the werknemer page.
    env = _omgeving(lege_database)
    wachtwoord = f":{quote(env['PGPASSWORD'], safe='')}" if env.get("PGPASSWORD") else ""
    env.update(
        DJANGO_SETTINGS_MODULE="verzuimportaal.conf.ci",
        DATABASE_URL=(
            f"postgres://{quote(env['PGUSER'], safe='')}{wachtwoord}@{env['PGHOST']}:"
            f"{env['PGPORT']}/{lege_database}"
        ),
    )
    proces = subprocess.run(  # noqa: S603 - fixed argv, no user input
        [
            sys.executable,
            "-c",
            START_OP_HERSTELDE_DATABASE,
            werkgever_a.lidmaatschap.gebruiker.username,
            str(werkgever_a.werknemer.uuid),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proces.returncode == 0, proces.stderr[-3000:]
    antwoord = json.loads(proces.stdout.strip().splitlines()[-1])
    assert antwoord["status"] == 200
    assert werkgever_a.werknemer.achternaam in antwoord["inhoud"]

    with _verbinding(lege_database, autocommit=True) as hersteld:
        _, daarna = _stand(hersteld)
        # The page read was logged in the restored database, after the restored rows …
        assert daarna[: len(voor_audit)] == voor_audit and len(daarna) == len(voor_audit) + 1
        # … and the audit trail there still refuses changes (the trigger was restored too).
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            hersteld.execute("DELETE FROM audit_auditregel")
