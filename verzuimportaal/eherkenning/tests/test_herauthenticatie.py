"""A revoked machtiging stops working at the next re-authentication (DOMAIN §9): an eHerkenning
session is sent back to the broker after ``EHERKENNING_HERAUTHENTICATIE_SECONDEN`` (default 1 h)
instead of running on until the absolute timeout (8 h)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from conftest import eherkenning_client, ingelogde_client
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.werknemers.models import Werknemer

BEGIN = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
DASHBOARD = reverse("portaal:dashboard")

# The shared clock of conftest.py (ADR 0012): fixtures and requests on one date.
pytestmark = pytest.mark.klok(BEGIN)


@pytest.fixture
def keten(klok, werkgever_a):
    """A ketenmachtiging login for werkgever A (intermediary acting for it)."""
    return eherkenning_client(
        werkgever_a.werkgever.kvk_nummer,
        Dienst.VERZUIM_MELDEN,
        Dienst.WERKNEMERSGEGEVENS,
        intermediair_kvk_nummer="87654321",
    )


def actief_tot(client, klok, minuten: int) -> None:
    """Stay active (a request every 10 minutes, under the idle timeout) for ``minuten``."""
    for _ in range(minuten // 10):
        klok.tick(timedelta(minutes=10))
        assert client.get(DASHBOARD).status_code == 200


def test_standaard_een_uur():
    assert settings.EHERKENNING_HERAUTHENTICATIE_SECONDEN == 3600


def test_na_een_uur_opnieuw_inloggen_bij_de_broker(keten, klok):
    assert keten.get(DASHBOARD).status_code == 200
    actief_tot(keten, klok, 60)
    klok.tick(timedelta(minutes=1))
    antwoord = keten.get(DASHBOARD)
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith(reverse("accounts:login"))
    assert "_auth_user_id" not in keten.session  # the old session is gone


@override_settings(EHERKENNING_OIDC_ENABLED=True)
def test_met_oidc_direct_naar_de_broker(keten, klok):
    keten.get(DASHBOARD)
    actief_tot(keten, klok, 60)
    klok.tick(timedelta(minutes=1))
    antwoord = keten.get(DASHBOARD)
    assert antwoord["Location"].startswith(reverse("eherkenning:inloggen"))


def test_schrijven_na_de_periode_geweigerd_en_niets_opgeslagen(keten, klok, werkgever_a):
    keten.get(DASHBOARD)
    actief_tot(keten, klok, 60)
    klok.tick(timedelta(minutes=5))
    aantal = Werknemer.objects.count()
    antwoord = keten.post(
        reverse("werknemers:aanmelden"),
        {"loonheffingennummer": werkgever_a.loonheffingennummer.pk, "bsn": "111222333"},
    )
    assert antwoord.status_code == 302
    assert Werknemer.objects.count() == aantal


def test_api_krijgt_401_met_uitleg(keten, klok):
    keten.get("/api/v1/werknemers/")
    actief_tot(keten, klok, 60)
    klok.tick(timedelta(minutes=1))
    antwoord = keten.get("/api/v1/werknemers/")
    assert antwoord.status_code == 401
    assert "opnieuw in met eHerkenning" in antwoord.json()["detail"]


@override_settings(EHERKENNING_HERAUTHENTICATIE_SECONDEN=30 * 60)
def test_periode_is_instelbaar(keten, klok):
    keten.get(DASHBOARD)
    actief_tot(keten, klok, 30)
    klok.tick(timedelta(minutes=1))
    assert keten.get(DASHBOARD).status_code == 302


def test_lokaal_account_niet_geraakt(klok, werkgever_a):
    client = ingelogde_client(werkgever_a.lidmaatschap)
    client.get(DASHBOARD)
    actief_tot(client, klok, 70)
