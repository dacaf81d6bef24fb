"""Lockout per username and separately per IP address (DOMAIN §9, ADR 0017), with cool-off; the
client IP behind a trusted reverse proxy, the same for lockout and audit log."""

from datetime import UTC, datetime, timedelta

import pytest
from django.conf import settings
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from tests.html import tekst
from verzuimportaal.utils.clientip import client_ip

from .hulp import WACHTWOORD, inloggen, sms_apparaat

GEBLOKKEERD = "Inloggen tijdelijk geblokkeerd"
CODESTAP = reverse("accounts:tweede_factor")
BEGIN = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)

# The shared clock of conftest.py (ADR 0012): fixtures and requests on one date.
pytestmark = pytest.mark.klok(BEGIN)


@pytest.fixture
def gebruiker(klok, werkgever_a):
    gebruiker = werkgever_a.lidmaatschap.gebruiker
    sms_apparaat(gebruiker)
    return gebruiker


def fout(client: Client, naam: str, ip: str) -> None:
    antwoord = inloggen(client, naam, "Helemaal-Fout-1", ip=ip)
    assert antwoord.status_code in (200, 429)


def test_juist_wachtwoord_van_ander_ip_na_tien_fouten_geblokkeerd(gebruiker):
    """The attack: 10 wrong from one IP locked that pair only; another IP reached the code step."""
    for _ in range(10):
        fout(Client(), gebruiker.username, "145.1.1.1")
    antwoord = inloggen(Client(), gebruiker.username, WACHTWOORD, ip="145.2.2.2")
    assert antwoord.status_code == 429
    assert GEBLOKKEERD in tekst(antwoord)


def test_fouten_over_drie_ips_blokkeren_de_gebruikersnaam(gebruiker):
    """The attack: 12 wrong passwords over 3 IPs locked nothing."""
    for ip in ("145.1.1.1", "145.2.2.2", "145.3.3.3") * 4:
        fout(Client(), gebruiker.username, ip)
    antwoord = inloggen(Client(), gebruiker.username, WACHTWOORD, ip="145.4.4.4")
    assert antwoord.status_code == 429


def test_fouten_voor_veel_namen_van_een_ip_blokkeren_dat_ip(gebruiker):
    for n in range(settings.AXES_FAILURE_LIMIT):
        fout(Client(), f"geraden{n}", "145.9.9.9")
    assert inloggen(Client(), gebruiker.username, WACHTWOORD, ip="145.9.9.9").status_code == 429
    # Another IP is not affected by that IP's failures.
    antwoord = inloggen(Client(), gebruiker.username, WACHTWOORD, ip="145.8.8.8")
    assert antwoord.status_code == 302
    assert antwoord["Location"] == CODESTAP


def test_na_de_afkoelperiode_kan_het_weer(gebruiker, klok):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        fout(Client(), gebruiker.username, "145.1.1.1")
    assert inloggen(Client(), gebruiker.username, WACHTWOORD, ip="145.5.5.5").status_code == 429
    klok.tick(timedelta(hours=settings.AXES_COOLOFF_TIME, minutes=1))
    antwoord = inloggen(Client(), gebruiker.username, WACHTWOORD, ip="145.5.5.5")
    assert antwoord.status_code == 302
    assert antwoord["Location"] == CODESTAP


def test_onder_de_grens_geen_blokkade(gebruiker):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        fout(Client(), gebruiker.username, "145.1.1.1")
    antwoord = inloggen(Client(), gebruiker.username, WACHTWOORD, ip="145.1.1.1")
    assert antwoord["Location"] == CODESTAP


# --- the client IP behind a trusted reverse proxy --------------------------------------------


def verzoek(remote: str, xff: str | None = None):
    extra = {"HTTP_X_FORWARDED_FOR": xff} if xff is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


@pytest.mark.parametrize(
    ("remote", "xff", "verwacht"),
    [
        ("145.1.1.1", None, "145.1.1.1"),
        # Not from a trusted proxy: the header is the client's own claim and ignored.
        ("145.1.1.1", "8.8.8.8", "145.1.1.1"),
        # From the proxy: the right-most address the proxy did not add itself.
        ("10.0.0.5", "145.2.2.2", "145.2.2.2"),
        ("10.0.0.5", "8.8.8.8, 145.2.2.2", "145.2.2.2"),  # left part is spoofable
        ("10.0.0.5", "145.2.2.2, 10.0.0.7", "145.2.2.2"),  # two trusted hops
        ("10.0.0.5", "", "10.0.0.5"),
        ("10.0.0.5", "geen-ip", "10.0.0.5"),
    ],
)
def test_client_ip_alleen_via_vertrouwde_proxy(remote, xff, verwacht):
    with override_settings(VERTROUWDE_PROXIES=["10.0.0.0/24"]):
        assert client_ip(verzoek(remote, xff)) == verwacht


def test_zonder_vertrouwde_proxy_telt_alleen_het_verbindingsadres():
    with override_settings(VERTROUWDE_PROXIES=[]):
        assert client_ip(verzoek("10.0.0.5", "145.2.2.2")) == "10.0.0.5"


@override_settings(VERTROUWDE_PROXIES=["10.0.0.5"])
def test_blokkade_en_auditlog_gebruiken_het_echte_client_ip(gebruiker, werkgever_a):
    from verzuimportaal.audit.models import Auditregel

    for _ in range(settings.AXES_FAILURE_LIMIT):
        antwoord = Client().post(
            reverse("accounts:login"),
            {"username": f"ander{_}", "password": "Fout-Fout-12"},
            REMOTE_ADDR="10.0.0.5",
            HTTP_X_FORWARDED_FOR="145.6.6.6",
        )
    # That client is blocked; another client behind the same proxy is not.
    geblokkeerd = Client().post(
        reverse("accounts:login"),
        {"username": gebruiker.username, "password": WACHTWOORD},
        REMOTE_ADDR="10.0.0.5",
        HTTP_X_FORWARDED_FOR="145.6.6.6",
    )
    assert geblokkeerd.status_code == 429
    client = Client()
    antwoord = client.post(
        reverse("accounts:login"),
        {"username": gebruiker.username, "password": WACHTWOORD},
        REMOTE_ADDR="10.0.0.5",
        HTTP_X_FORWARDED_FOR="145.7.7.7",
    )
    assert antwoord["Location"] == CODESTAP

    from conftest import ingelogde_client

    eigenaar = ingelogde_client(werkgever_a.lidmaatschap)
    eigenaar.get(
        reverse("werknemers:detail", args=[werkgever_a.werknemer.uuid]),
        REMOTE_ADDR="10.0.0.5",
        HTTP_X_FORWARDED_FOR="145.7.7.8",
    )
    assert Auditregel.objects.filter(ip_adres="145.7.7.8").exists()
