"""Two web nodes share nothing but PostgreSQL: the same ziekmelding or the same Idempotency-Key
arriving at both at once has one effect.

Each thread below is a node: its own Django client and its own database connection (Django's
connections are per thread), started together; the service is slowed down so the requests
really overlap. The one-box stack runs the same code in two gunicorn processes.
"""

import json
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection

from conftest import Omgeving, ingelogde_client
from tests.factories import LidmaatschapFactory, WerknemerFactory
from verzuimportaal.api.models import Idempotentiesleutel
from verzuimportaal.verzuim import service as verzuim_service
from verzuimportaal.verzuim.models import Verzuimgeval, Verzuimmutatie

pytestmark = [pytest.mark.klok("2026-11-23 10:00"), pytest.mark.django_db(transaction=True)]

ZIEKMELDINGEN = "/api/v1/ziekmeldingen/"


def _gelijktijdig(*verzoeken: Callable[[], Any]) -> list[Any]:
    samen = threading.Barrier(len(verzoeken), timeout=30)
    uitkomsten: list[Any] = [None] * len(verzoeken)

    def node(i: int) -> None:
        try:
            samen.wait()
            uitkomsten[i] = verzoeken[i]()
        except BaseException as fout:  # reported by the test, not lost in the thread
            uitkomsten[i] = fout
        finally:
            connection.close()

    draden = [threading.Thread(target=node, args=(i,)) for i in range(len(verzoeken))]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=60)
    for uitkomst in uitkomsten:
        if isinstance(uitkomst, BaseException):
            raise uitkomst
    return uitkomsten


@pytest.fixture
def traag(monkeypatch: pytest.MonkeyPatch) -> None:
    """The spell's number is drawn while the werknemer is locked: wait there a moment, so the
    other node's request arrives while the first still holds its locks."""
    echt = verzuim_service.volgend_verzuimnummer

    def langzaam(**kwargs: Any) -> str:
        time.sleep(0.5)
        return echt(**kwargs)

    monkeypatch.setattr(verzuim_service, "volgend_verzuimnummer", langzaam)


def _post(client: Any, data: dict[str, object], **headers: str) -> Any:
    return client.post(
        ZIEKMELDINGEN, json.dumps(data), content_type="application/json", headers=headers
    )


def test_zelfde_ziekmelding_op_twee_nodes_geeft_een_verzuim(werkgever_a: Omgeving, traag):
    gezond = WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)
    node_1 = ingelogde_client(werkgever_a.lidmaatschap)
    node_2 = ingelogde_client(LidmaatschapFactory(werkgever=werkgever_a.werkgever))
    melding = {"werknemer": str(gezond.uuid), "eerste_ziektedag": "2026-11-20"}

    antwoorden = _gelijktijdig(lambda: _post(node_1, melding), lambda: _post(node_2, melding))

    assert sorted(a.status_code for a in antwoorden) == [201, 400]
    geweigerd = next(a for a in antwoorden if a.status_code == 400)
    assert "al ziek gemeld" in geweigerd.content.decode()
    assert Verzuimgeval.objects.filter(werknemer=gezond).count() == 1
    assert Verzuimmutatie.objects.filter(verzuimgeval__werknemer=gezond).count() == 1


def test_zelfde_ziekmelding_als_formulier_op_twee_nodes_geeft_een_verzuim(
    werkgever_a: Omgeving, traag
):
    gezond = WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)
    nodes = [ingelogde_client(werkgever_a.lidmaatschap) for _ in range(2)]
    pad = f"/verzuim/ziek-melden/{gezond.uuid}/"
    formulier = {"eerste_ziektedag": "2026-11-20", "vangnet": "nee"}

    antwoorden = _gelijktijdig(*[lambda n=n: n.post(pad, formulier) for n in nodes])

    # One is stored (redirect to the spell), the other shows the form with the refusal.
    assert sorted(a.status_code for a in antwoorden) == [200, 302]
    assert "al ziek gemeld" in next(a for a in antwoorden if a.status_code == 200).content.decode()
    assert Verzuimgeval.objects.filter(werknemer=gezond).count() == 1


def test_idempotency_key_gelijktijdig_op_twee_nodes_geeft_een_effect(werkgever_a: Omgeving, traag):
    gezond = WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)
    node_1 = ingelogde_client(werkgever_a.lidmaatschap)
    node_2 = ingelogde_client(werkgever_a.lidmaatschap)
    melding = {"werknemer": str(gezond.uuid), "eerste_ziektedag": "2026-11-20"}
    sleutel = {"Idempotency-Key": "koppeling-42"}

    antwoorden = _gelijktijdig(
        lambda: _post(node_1, melding, **sleutel), lambda: _post(node_2, melding, **sleutel)
    )

    # The second sees the key in use (409, try again) or, if it came just after, the stored answer.
    codes = sorted(a.status_code for a in antwoorden)
    assert codes in ([201, 409], [201, 201])
    assert Verzuimgeval.objects.filter(werknemer=gezond).count() == 1
    assert Idempotentiesleutel.objects.filter(sleutel="koppeling-42").count() == 1

    # The retry after the 409 (either node) gets the first answer; nothing happens twice.
    herhaling = _post(node_2, melding, **sleutel)
    eerste = next(a for a in antwoorden if a.status_code == 201)
    assert herhaling.status_code == 201
    assert herhaling["Idempotent-Replayed"] == "true"
    assert herhaling.json() == eerste.json()
    assert Verzuimgeval.objects.filter(werknemer=gezond).count() == 1


def test_idempotency_key_na_afgebroken_verzoek_is_weer_vrij(werkgever_a: Omgeving, monkeypatch):
    """A node that fails halfway (here: an error in the service) leaves neither the melding nor
    the key: the client's retry with the same key is carried out."""
    gezond = WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)
    client = ingelogde_client(werkgever_a.lidmaatschap, raise_request_exception=False)
    melding = {"werknemer": str(gezond.uuid), "eerste_ziektedag": "2026-11-20"}
    echt = verzuim_service.volgend_verzuimnummer

    def kapot(**kwargs: Any) -> str:
        echt(**kwargs)
        raise RuntimeError("node valt weg")

    monkeypatch.setattr(verzuim_service, "volgend_verzuimnummer", kapot)
    assert _post(client, melding, **{"Idempotency-Key": "k-1"}).status_code == 500
    assert not Idempotentiesleutel.objects.exists()
    assert not Verzuimgeval.objects.filter(werknemer=gezond).exists()

    monkeypatch.setattr(verzuim_service, "volgend_verzuimnummer", echt)
    opnieuw = _post(client, melding, **{"Idempotency-Key": "k-1"})
    assert opnieuw.status_code == 201
    assert "Idempotent-Replayed" not in opnieuw
    assert Verzuimgeval.objects.filter(werknemer=gezond).count() == 1
