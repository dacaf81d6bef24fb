"""Production settings refuse to start without secrets or with demo and test defaults, and pass
the deploy checks (DOMAIN §9)."""

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured

from verzuimportaal.conf.weigeren import (
    OUTBOX_GATEWAY,
    VOORBEELD_OIN,
    onveilige_instellingen,
    weiger_onveilige_instellingen,
)

ROOT = Path(__file__).resolve().parent.parent


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    schoon = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECRET_KEY"))}
    return subprocess.run(  # noqa: S603 (fixed argv, no user input)
        [sys.executable, "manage.py", *args, "--settings=verzuimportaal.conf.production"],
        cwd=ROOT,
        env={**schoon, "DATABASE_URL": "sqlite:///:memory:", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_productie_start_niet_zonder_secret_key() -> None:
    resultaat = _manage("check", ALLOWED_HOSTS="portaal.example.nl")
    assert resultaat.returncode != 0
    assert "SECRET_KEY" in resultaat.stderr


SECRET_KEY = "x" * 20 + "k9Qz!v#2pLr8$Wm4@tYb6&Ne0^Hs3*Ud5"
PRODUCTIE = {
    "SECRET_KEY": SECRET_KEY,
    "ALLOWED_HOSTS": "portaal.example.nl",
    "SMS_GATEWAY": "leverancier.sms.Gateway",
    "PORTAAL_URL": "https://portaal.example.nl",
    "EHERKENNING_DIENSTVERLENER_OIN": "00000009876543210000",
    "METRICS_TOKEN": "m" * 40,
}


def test_productie_doorstaat_check_deploy() -> None:
    resultaat = _manage("check", "--deploy", "--fail-level=WARNING", **PRODUCTIE)
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr


def test_productie_start_niet_met_de_standaardwaarden_van_demo_en_tests() -> None:
    resultaat = _manage("check", SECRET_KEY=SECRET_KEY, ALLOWED_HOSTS="portaal.example.nl")
    assert resultaat.returncode != 0
    assert "ImproperlyConfigured" in resultaat.stderr
    for instelling in ("SMS_GATEWAY", "PORTAAL_URL", "EHERKENNING_DIENSTVERLENER_OIN"):
        assert instelling in resultaat.stderr


def _geldig() -> dict[str, Any]:
    return {
        "SMS_GATEWAY": "leverancier.sms.Gateway",
        "PORTAAL_URL": "https://portaal.example.nl",
        "EHERKENNING": {"DIENSTVERLENER_OIN": "00000009876543210000"},
        "INSTALLED_APPS": ["verzuimportaal.audit"],
    }


def test_productie_instellingen_zonder_demowaarden_zijn_goed() -> None:
    assert onveilige_instellingen(_geldig()) == []
    weiger_onveilige_instellingen(_geldig())


@pytest.mark.parametrize(
    ("instelling", "waarde", "melding"),
    [
        ("SMS_GATEWAY", OUTBOX_GATEWAY, "SMS_GATEWAY"),
        ("PORTAAL_URL", "http://127.0.0.1:8000", "PORTAAL_URL"),
        ("PORTAAL_URL", "http://portaal.example.nl", "PORTAAL_URL"),
        ("PORTAAL_URL", "https://localhost", "PORTAAL_URL"),
        ("PORTAAL_URL", "", "PORTAAL_URL"),
        ("EHERKENNING", {"DIENSTVERLENER_OIN": VOORBEELD_OIN}, "OIN"),
        ("EHERKENNING", {"DIENSTVERLENER_OIN": "1234"}, "OIN"),
        ("INSTALLED_APPS", ["verzuimportaal.audit", "verzuimportaal.demo"], "verzuimportaal.demo"),
        ("INSTALLED_APPS", ["eherkenning_simulator"], "eherkenning_simulator"),
    ],
)
def test_productie_weigert_demo_en_testwaarden(instelling: str, waarde: Any, melding: str) -> None:
    instellingen = {**_geldig(), instelling: waarde}
    fouten = onveilige_instellingen(instellingen)
    assert len(fouten) == 1 and melding in fouten[0]
    with pytest.raises(ImproperlyConfigured, match=melding):
        weiger_onveilige_instellingen(instellingen)


def test_celery_valt_niet_terug_op_de_demo_instellingen() -> None:
    schoon = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    resultaat = subprocess.run(
        [sys.executable, "-c", "from verzuimportaal.celery import app; print(app.conf.broker_url)"],
        cwd=ROOT,
        env=schoon,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert resultaat.returncode != 0
    assert "DJANGO_SETTINGS_MODULE" in resultaat.stderr
