"""The database round trips of an API ziekmelding (docs/scaling.md, ADR 0035, ADR 0049).

In a transactional test the statements are those of production: ``BEGIN`` … ``COMMIT`` of the
Idempotency-Key transaction, which the use case joins without a savepoint, its follow-ups in one
outbox INSERT, and the answer built without reading the new spell's mutation back. The exact
count makes any extra round trip fail here.
"""

import json
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import Omgeving, ingelogde_client
from tests.factories import WerknemerFactory
from verzuimportaal.api import idempotentie
from verzuimportaal.api.models import Idempotentiesleutel
from verzuimportaal.runtime.models import Uitgaand
from verzuimportaal.verzuim.models import Verzuimgeval

pytestmark = [pytest.mark.klok("2026-11-23 10:00"), pytest.mark.django_db(transaction=True)]

ZIEKMELDINGEN = "/api/v1/ziekmeldingen/"

# Middleware (session, user, second factor, notices, block and terms: 5), the actor (1), BEGIN,
# key lock (1), werknemer read and lock (2), refusal checks (1), number, spell, audit row, data
# version, mutation (5), webhook subscriptions and casemanagers (2), the open Poortwachter steps
# (werknemer lock, delete, spells, leave, activities, extensions, insert: 7, ADR 0047), outbox
# (1), key (1), COMMIT.
RONDES = 28


@pytest.fixture
def als_productie(settings: Any) -> None:
    """Follow-ups as on the stack: letter and dashboard through the outbox, no eager worker."""
    settings.DOSSIER_ONTVANGSTBEVESTIGINGEN = True
    settings.DASHBOARD_VOORVERWARMEN = True
    settings.CELERY_TASK_ALWAYS_EAGER = False


def _meld(client: Any, werknemer: Any, sleutel: str, dag: str = "2026-11-20") -> Any:
    return client.post(
        ZIEKMELDINGEN,
        json.dumps({"werknemer": str(werknemer.uuid), "eerste_ziektedag": dag}),
        content_type="application/json",
        headers={"Idempotency-Key": sleutel},
    )


def test_api_ziekmelding_kost_precies_zoveel_rondes(werkgever_a: Omgeving, als_productie):
    client = ingelogde_client(werkgever_a.lidmaatschap)
    _meld(client, WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer), "eerst")
    gezond = WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)
    Uitgaand.objects.all().delete()

    with CaptureQueriesContext(connection) as vastgelegd:
        response = _meld(client, gezond, "tweede")

    assert response.status_code == 201
    statements = [q["sql"] for q in vastgelegd.captured_queries]
    assert len(statements) == RONDES, "\n".join(s[:120] for s in statements)
    assert not [s for s in statements if "SAVEPOINT" in s]  # not even for the open steps
    assert len([s for s in statements if s.startswith('INSERT INTO "runtime_uitgaand"')]) == 1
    assert not [s for s in statements if s.startswith('SELECT "verzuim_verzuimmutatie"')]
    assert sorted(Uitgaand.objects.values_list("taak", flat=True)) == [
        "verzuimportaal.dossier.tasks.maak_ontvangstbevestiging",
        "verzuimportaal.portaal.tasks.verwarm_dashboard",
    ]
    # The answer built from what the write made equals the spell read back, and is stored.
    geval = Verzuimgeval.objects.get(werknemer=gezond)
    opgehaald = client.get(f"/api/v1/verzuimgevallen/{geval.uuid}/").json()
    assert response.json() == opgehaald
    bewaard = Idempotentiesleutel.objects.get(sleutel="tweede")
    assert bewaard.antwoord == json.loads(json.dumps(response.json()))


def test_weigering_wordt_onder_de_sleutel_bewaard_na_het_terugdraaien(
    werkgever_a: Omgeving, als_productie
):
    client = ingelogde_client(werkgever_a.lidmaatschap)
    gezond = WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)
    Uitgaand.objects.all().delete()  # what the factories caused is not this test's subject

    eerste = _meld(client, gezond, "toekomst", dag="2026-12-01")
    herhaling = _meld(client, gezond, "toekomst", dag="2026-12-01")

    assert eerste.status_code == herhaling.status_code == 400
    assert herhaling.json() == eerste.json()
    assert herhaling["Idempotent-Replayed"] == "true"
    assert not Verzuimgeval.objects.filter(werknemer=gezond).exists()
    assert not Uitgaand.objects.exists()
    assert Idempotentiesleutel.objects.get(sleutel="toekomst").statuscode == 400


def test_weigering_terwijl_een_ander_verzoek_de_sleutel_heeft_wordt_niet_bewaard(
    werkgever_a: Omgeving, als_productie, monkeypatch: pytest.MonkeyPatch
):
    """Between the rollback and storing the refusal another request with this key took the
    lock: that one runs the use case and stores its answer; this one answers unstored."""
    client = ingelogde_client(werkgever_a.lidmaatschap)
    gezond = WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)
    echt = idempotentie._vergrendel
    pogingen: list[str] = []

    def vergrendel(werkgever_id: int, sleutel: str) -> tuple[bool, bool]:
        pogingen.append(sleutel)
        return echt(werkgever_id, sleutel) if len(pogingen) == 1 else (False, False)

    monkeypatch.setattr(idempotentie, "_vergrendel", vergrendel)
    response = _meld(client, gezond, "druk", dag="2026-12-01")

    assert response.status_code == 400
    assert "toekomst" in response.content.decode()
    assert pogingen == ["druk", "druk"]
    assert not Idempotentiesleutel.objects.exists()
    assert not Verzuimgeval.objects.filter(werknemer=gezond).exists()
