"""End to end in chromium: a hoofdcontactpersoon's first login (seed 004, DOMAIN §9).

Temporary password from the e-mail → forced change → SMS code read from the demo outbox page →
the overview. Then "ingelogd blijven" skips the code on the next login, but not the password.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from tests.browser.hulp import Omgeving, controleer_toegankelijkheid
from verzuimportaal.accounts.service import maak_hoofdcontactpersoon
from verzuimportaal.toegang.actor import beheerder

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

NIEUW = "Eigen-Keuze26"


def _code_uit_outbox(page: Page) -> str:
    page.goto("/account/sms-outbox/")
    tekst = page.get_by_test_id("sms-tekst").first.inner_text()
    return re.findall(r"\b\d{6}\b", tekst)[0]


def test_eerste_inlog_tijdelijk_wachtwoord_wijzigen_en_sms_code(
    page: Page, omgeving: Omgeving, settings
):
    settings.SMS_OUTBOX_ZICHTBAAR = True
    lid = maak_hoofdcontactpersoon(
        door=beheerder(None),
        werkgever=omgeving.werkgever,
        polisnummer="MVO-123456",
        bedrijfsnaam=omgeving.werkgever.naam,
        aanhef="Beste",
        voornaam="Lotte",
        tussenvoegsels="van",
        achternaam="Dijk",
        email="lotte@voorbeeld.example",
        telefoonnummer="0612345699",
    )
    gebruikersnaam = lid.gebruiker.username
    tijdelijk = mail.outbox[-1].body.split("Tijdelijk wachtwoord: ")[1].split()[0]

    page.goto("/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
    page.get_by_label("Wachtwoord").fill(tijdelijk)
    page.get_by_role("button", name="Inloggen").click()

    expect(page.get_by_role("heading", name="Kies een nieuw wachtwoord")).to_be_visible()
    controleer_toegankelijkheid(page)
    page.get_by_label("Nieuw wachtwoord", exact=True).fill("kort")
    page.get_by_label("Herhaal het nieuwe wachtwoord").fill("kort")
    page.get_by_role("button", name="Wachtwoord opslaan").click()
    expect(page.locator("#id_new_password2_error")).to_contain_text("tussen de 8 en 16 tekens")
    page.get_by_label("Nieuw wachtwoord", exact=True).fill(NIEUW)
    page.get_by_label("Herhaal het nieuwe wachtwoord").fill(NIEUW)
    page.get_by_role("button", name="Wachtwoord opslaan").click()

    expect(page.get_by_role("heading", name="Vul uw verificatiecode in")).to_be_visible()
    expect(page.get_by_test_id("code-verstuurd")).to_contain_text("eindigt op 99")
    controleer_toegankelijkheid(page)
    code = _code_uit_outbox(page)
    page.goto("/account/inloggen/code/")
    page.get_by_label("Verificatiecode").fill(code)
    page.get_by_label("Ingelogd blijven op deze computer").check()
    page.get_by_role("button", name="Inloggen").click()

    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_test_id("acterend-voor")).to_have_text(omgeving.werkgever.naam)

    # Next login on this browser: the password, no code (the session itself is not extended).
    page.get_by_role("button", name="Uitloggen").click()
    page.goto("/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
    page.get_by_label("Wachtwoord").fill(NIEUW)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_test_id("acterend-voor")).to_have_text(omgeving.werkgever.naam)
