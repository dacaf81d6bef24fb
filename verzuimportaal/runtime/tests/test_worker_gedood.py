"""A Celery worker killed with SIGKILL in the middle of making a letter: the task comes back
(acks_late; Redis hands it out again after the visibility timeout) and the letter exists once."""

import os
import signal
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections
from django.utils import timezone

from conftest import Omgeving
from tests.factories import WerknemerFactory
from verzuimportaal.berichten.models import Bericht
from verzuimportaal.dossier.models import Ontvangstbevestiging
from verzuimportaal.runtime.models import Uitgaand
from verzuimportaal.verzuim import service as verzuim_service
from verzuimportaal.verzuim.models import Verzuimmutatie

BROKER = os.environ.get("HERINNERINGEN_TEST_BROKER", "redis://127.0.0.1:6379/5")


def _database_url() -> str:
    db = settings.DATABASES["default"]
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _worker(omgeving: dict[str, str], wachtrij: str, naam: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(  # noqa: S603  # fixed argv, no user input
        [
            str(Path(sys.executable).parent / "celery"),
            "-A",
            "verzuimportaal",
            "worker",
            "--pool=solo",
            "-Q",
            wachtrij,
            "--include=verzuimportaal.runtime.tests.traag_werk",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel=INFO",
            f"--hostname={naam}@%h",
        ],
        cwd=settings.BASE_DIR,
        env=omgeving,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def _stop(worker: subprocess.Popen[bytes]) -> str:
    if worker.poll() is None:
        worker.terminate()
    try:
        uitvoer, _ = worker.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        worker.kill()
        uitvoer, _ = worker.communicate()
    return uitvoer.decode(errors="replace")


@pytest.mark.django_db(transaction=True)
@pytest.mark.xdist_group("celery")
def test_worker_gedood_midden_in_brief_geeft_precies_een_brief(werkgever_a: Omgeving, tmp_path):
    from celery import Celery

    gezond = WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)
    # The machine's clock, as the worker's (a letter is only made for a recent melding).
    geval = verzuim_service.meld_ziek(
        door=werkgever_a.actor,
        werknemer=gezond,
        eerste_ziektedag=timezone.localdate() - timedelta(days=3),
    )
    mutatie = Verzuimmutatie.objects.get(verzuimgeval=geval)
    wachtrij = f"runtime-test-{uuid.uuid4().hex[:12]}"
    merkteken = tmp_path / "gestart"
    omgeving = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "verzuimportaal.runtime.tests.worker_instellingen",
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": BROKER,
        "CELERY_RESULT_BACKEND": BROKER,
        "RUNTIME_TEST_QUEUE": wachtrij,
        "RUNTIME_TEST_OPSLAG": str(tmp_path / "opslag"),
        "RUNTIME_TEST_MERKTEKEN": str(merkteken),
    }
    zender = Celery("runtime-test", broker=BROKER, backend=BROKER, set_as_current=False)
    eerste = _worker(omgeving, wachtrij, "eerste")
    tweede = None
    uitvoer = ""
    try:
        zender.send_task(
            "verzuimportaal.dossier.tasks.maak_ontvangstbevestiging",
            args=[mutatie.pk],
            queue=wachtrij,
        )
        einde = time.monotonic() + 90  # a busy CI machine starts a worker slowly
        while not merkteken.exists():
            assert time.monotonic() < einde, "de worker begon niet aan de brief"
            assert eerste.poll() is None, _stop(eerste)
            time.sleep(0.2)
        os.kill(eerste.pid, signal.SIGKILL)  # mid-task: the PDF is being made
        uitvoer = _stop(eerste)
        assert not Ontvangstbevestiging.objects.filter(mutatie=mutatie).exists()

        tweede = _worker(omgeving, wachtrij, "tweede")
        einde = time.monotonic() + 90
        while not Ontvangstbevestiging.objects.filter(mutatie=mutatie).exists():
            assert time.monotonic() < einde, "de brief kwam er na de herstart niet"
            time.sleep(0.5)
        time.sleep(2)  # a second letter would arrive now
        assert Ontvangstbevestiging.objects.filter(mutatie=mutatie).count() == 1
        assert Bericht.objects.filter(verzuimgeval=geval, soort="brief").count() == 1
        # Its e-mail notification waits in the outbox exactly once (beat is not running here).
        notificaties = Uitgaand.objects.filter(
            taak="verzuimportaal.berichten.tasks.verstuur_notificatie"
        )
        assert notificaties.count() == 1
    finally:
        uitvoer += _stop(tweede) if tweede is not None else ""
        zender.close()
        connections.close_all()
        if sys.exc_info()[0] is not None:
            print(uitvoer[-6000:])
