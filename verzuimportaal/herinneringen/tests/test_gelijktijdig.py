"""Two runs at the same moment, each with its own database connection, create every reminder once.

Also a real Celery worker (subprocess) against the local Redis broker: the job enqueued twice
sends every reminder e-mail exactly once (DOMAIN §9: idempotent tasks).
"""

import os
import subprocess
import sys
import threading
import time
import uuid
from datetime import date, timedelta
from email import message_from_bytes
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection, connections

from verzuimportaal.berichten.models import Bericht
from verzuimportaal.herinneringen import service
from verzuimportaal.herinneringen.models import Herinnering
from verzuimportaal.toegang.actor import beheerder

from .factories import situatie

P = date(2026, 3, 2)
PA = 41  # probleemanalyse due D+41 (DOMAIN §5)
BROKER = os.environ.get("HERINNERINGEN_TEST_BROKER", "redis://127.0.0.1:6379/5")

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SKIP LOCKED and real concurrency need PostgreSQL"
)

SYSTEEM = beheerder(None)  # the portal itself, as the daily task runs the reminders


def _drie_werkgevers() -> None:
    situatie(eerste_ziektedag=P + timedelta(days=7 - PA))  # vooraf
    situatie(eerste_ziektedag=P + timedelta(days=-1 - PA))  # verlopen
    situatie(eerste_ziektedag=P + timedelta(days=3 - PA))  # vooraf, caught up


@pytest.mark.django_db(transaction=True)
def test_twee_gelijktijdige_runs_maken_elke_herinnering_eenmaal(monkeypatch):
    _drie_werkgevers()
    samen = threading.Barrier(2, timeout=30)
    echte_maak = service._maak_rijen

    def maak_tegelijk(sleutels):
        samen.wait()  # both insert at the same moment: the second waits on the unique index
        echte_maak(sleutels)

    monkeypatch.setattr(service, "_maak_rijen", maak_tegelijk)
    resultaten: list[service.Resultaat] = []
    fouten: list[BaseException] = []

    def run() -> None:
        try:
            resultaten.append(service.verstuur_herinneringen(door=SYSTEEM, peildatum=P))
        except BaseException as exc:  # reported in the main thread
            fouten.append(exc)
        finally:
            connections.close_all()  # this thread's own connection

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)

    assert not fouten, fouten
    assert [r.stappen for r in resultaten] == [3, 3]
    assert sum(r.berichten for r in resultaten) == 3
    assert sum(r.mails for r in resultaten) == 3
    assert Herinnering.objects.count() == 6  # per step: the inbox and one account
    assert Bericht.objects.filter(soort="herinnering").count() == 3
    herinneringen = [m for m in mail.outbox if "verzuimnummer" in m.subject]
    assert len(herinneringen) == 3
    assert len({(m.subject, tuple(m.to)) for m in herinneringen}) == 3


def _database_url() -> str:
    d = connection.settings_dict
    wachtwoord = f":{d['PASSWORD']}" if d.get("PASSWORD") else ""
    return (
        f"postgres://{d['USER']}{wachtwoord}@{d['HOST'] or '127.0.0.1'}:{d['PORT'] or 5432}"
        f"/{d['NAME']}"
    )


def _herinneringsmails(map_: Path) -> list[tuple[str, str]]:
    """(subject, to) of every reminder e-mail the worker wrote (files hold one or more)."""
    uitkomst = []
    for bestand in map_.glob("*.log"):
        for deel in bestand.read_bytes().split(b"-" * 79):
            if deel.strip():
                bericht = message_from_bytes(deel.strip())
                if "verzuimnummer" in (bericht["Subject"] or ""):
                    uitkomst.append((bericht["Subject"], bericht["To"]))
    return uitkomst


@pytest.mark.django_db(transaction=True)
@pytest.mark.xdist_group("celery")
def test_echte_celery_worker_verstuurt_elke_herinnering_eenmaal(tmp_path):
    from celery import Celery

    _drie_werkgevers()
    wachtrij = f"herinneringen-test-{uuid.uuid4().hex[:12]}"
    mailmap = tmp_path / "mail"
    mailmap.mkdir()
    omgeving = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "verzuimportaal.herinneringen.tests.worker_instellingen",
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": BROKER,
        "CELERY_RESULT_BACKEND": BROKER,
        "HERINNERINGEN_TEST_QUEUE": wachtrij,
        "HERINNERINGEN_TEST_MAILMAP": str(mailmap),
    }
    worker = subprocess.Popen(  # noqa: S603  # fixed argv, no user input
        [
            str(Path(sys.executable).parent / "celery"),
            "-A",
            "verzuimportaal",
            "worker",
            "--pool=solo",
            "-Q",
            wachtrij,
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--beat",
            f"--schedule={tmp_path / 'beat-schema'}",
            "--loglevel=INFO",
            f"--hostname={wachtrij}@%h",
        ],
        cwd=settings.BASE_DIR,
        env=omgeving,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    # Not the current app: the shared tasks of later tests in this process must stay on the
    # project's (eager) app.
    zender = Celery("herinneringen-test", broker=BROKER, backend=BROKER, set_as_current=False)
    try:
        taak = "verzuimportaal.herinneringen.tasks.verstuur_herinneringen_task"
        runs = [
            zender.send_task(taak, kwargs={"peildatum": P.isoformat()}, queue=wachtrij)
            for _ in range(2)
        ]
        uitkomsten = [r.get(timeout=120) for r in runs]
        assert sum(u["mails"] for u in uitkomsten) == 3
        assert sum(u["berichten"] for u in uitkomsten) == 3
        einde = time.monotonic() + 60
        while Herinnering.objects.filter(verzonden_op__isnull=True).exists():
            assert time.monotonic() < einde, "de worker verstuurde niet alle herinneringen"
            time.sleep(0.5)
        time.sleep(2)  # a duplicate would arrive now
        mails = _herinneringsmails(mailmap)
        assert len(mails) == 3
        assert len(set(mails)) == 3
        assert Herinnering.objects.filter(pogingen=1).count() == 6
    finally:
        worker.terminate()
        try:
            uitvoer, _ = worker.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
            uitvoer, _ = worker.communicate()
        zender.close()
        connections.close_all()
        if sys.exc_info()[0] is not None:
            print(uitvoer.decode(errors="replace")[-5000:])
