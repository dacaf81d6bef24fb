"""The README lists every demo account (issue: a new user could not find the accounts to try)."""

from pathlib import Path

from eherkenning_simulator.management.commands.simulator_demo import PERSONEN
from verzuimportaal.demo.gegevens import ACCOUNTS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
ANDERE_DEMO_ACCOUNTS = ("demo-adviseur", "demo-casemanager")  # machtigingen/demo.py


def test_elk_demo_account_staat_in_de_readme():
    namen = [
        *(a.gebruikersnaam for a in ACCOUNTS),
        *ANDERE_DEMO_ACCOUNTS,
        *(p[0] for p in PERSONEN),
    ]
    ontbreekt = [naam for naam in namen if f"`{naam}`" not in README]
    assert ontbreekt == []


def test_readme_zegt_waar_de_codes_staan():
    assert "/account/sms-outbox/" in README
    assert "console-e-mail" in README
    assert "/eherkenning-simulator/sms/" in README
