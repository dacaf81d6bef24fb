"""/health/live and /health/ready: answered before sessions and login, JSON, never cached."""

import pytest
from django.test import Client

from verzuimportaal.runtime import gezondheid


def test_live_antwoordt_zonder_database():
    # No django_db mark: any query here would fail the test (pytest-django blocks it).
    response = Client().get("/health/live")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert response["X-Request-ID"]


@pytest.mark.django_db
def test_ready_controleert_database_cache_en_broker(monkeypatch):
    monkeypatch.setitem(gezondheid.CONTROLES, "broker", lambda: None)  # no broker in unit tests

    response = Client().get("/health/ready")

    assert response.status_code == 200
    controles = response.json()["controles"]
    assert set(controles) == {"database", "cache", "broker"}
    assert all(c["ok"] for c in controles.values())


@pytest.mark.django_db
def test_ready_geeft_503_als_de_broker_onbereikbaar_is(monkeypatch):
    def weigert() -> None:
        raise ConnectionRefusedError("[Errno 111] Connection refused")

    monkeypatch.setitem(gezondheid.CONTROLES, "broker", weigert)

    response = Client().get("/health/ready/")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "niet gereed"
    assert body["controles"]["broker"] == {
        "ok": False,
        "fout": "ConnectionRefusedError",
        "ms": body["controles"]["broker"]["ms"],
    }
    assert body["controles"]["database"]["ok"] is True


def test_ready_geeft_503_als_de_database_onbereikbaar_is(monkeypatch):
    from django.db import OperationalError

    def weigert() -> None:
        raise OperationalError("connection refused")

    monkeypatch.setitem(gezondheid.CONTROLES, "database", weigert)
    monkeypatch.setitem(gezondheid.CONTROLES, "broker", lambda: None)

    response = Client().get("/health/ready")

    assert response.status_code == 503
    assert response.json()["controles"]["database"]["fout"] == "OperationalError"


@pytest.mark.django_db
def test_ready_met_post_is_geen_gezondheidscontrole():
    # Only GET/HEAD are answered here; anything else goes through the normal stack (CSRF: 403).
    response = Client(enforce_csrf_checks=True).post("/health/ready")

    assert response.status_code in (403, 404)
