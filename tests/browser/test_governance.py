"""Governance end to end in chromium: accept the terms at first login; an interruption notice on
the login page and a form refused with the 503 page (seed 003 art. 2.3, 4.2, 4.3; ADR 0006)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.browser.hulp import Omgeving, controleer_toegankelijkheid, inloggen
from verzuimportaal.blokkades.models import Misbruikmelding
from verzuimportaal.storingen import service as storingen
from verzuimportaal.toegang.actor import beheerder
from verzuimportaal.voorwaarden import service as voorwaarden
from verzuimportaal.voorwaarden.models import Acceptatie

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_eerste_login_voorwaarden_accepteren_en_dan_het_overzicht(
    page: Page, omgeving: Omgeving
) -> None:
    voorwaarden.publiceer_versie(
        door=beheerder(None),
        nummer="1.0",
        titel="Gebruiksvoorwaarden Verzuimportaal",
        tekst="## Artikel 1 Toegang\n\nU accepteert deze voorwaarden vóór gebruik.",
        gepubliceerd_op=timezone.localdate() - timedelta(days=30),
        ingangsdatum=timezone.localdate() - timedelta(days=20),
    )

    inloggen(page, omgeving.gebruiker.username)

    expect(page.get_by_role("heading", level=1)).to_have_text("Gebruiksvoorwaarden accepteren")
    expect(page.get_by_role("heading", name="Artikel 1 Toegang")).to_be_visible()
    controleer_toegankelijkheid(page)
    page.get_by_role("button", name="Accepteren en verder").click()  # nothing filled in yet
    expect(page.locator("#id_akkoord_error")).to_have_text(
        "Geef aan dat u akkoord gaat met de gebruiksvoorwaarden."
    )

    page.get_by_label("E-mailadres voor meldingen").fill("verzuim@bakkerij.example")
    page.get_by_label("Ik heb de gebruiksvoorwaarden gelezen en ga ermee akkoord").check()
    page.get_by_role("button", name="Accepteren en verder").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Overzicht {omgeving.werkgever.naam}"
    )
    acceptatie = Acceptatie.objects.get()
    assert acceptatie.versie.nummer == "1.0"
    assert acceptatie.notificatie_email == "verzuim@bakkerij.example"


def test_onderbreking_op_de_inlogpagina_en_een_formulier_geweigerd(
    page: Page, omgeving: Omgeving
) -> None:
    inloggen(page, omgeving.gebruiker.username)
    page.get_by_role("contentinfo").get_by_role("link", name="Misbruik melden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Misbruik melden")
    page.get_by_label("Iets anders").check()
    page.get_by_label("Wat is er gebeurd?").fill("Een e-mail die zich voordoet als het portaal.")

    nu = timezone.now()
    storingen.meld_storing(
        door=beheerder(None),
        titel="Storing in de verwerking",
        tekst="Wij werken aan een oplossing.",
        begin=nu - timedelta(minutes=1),
        verwacht_einde=nu + timedelta(hours=1),
        onderbreking=True,
    )
    page.get_by_role("button", name="Melding versturen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Uw formulier is niet verwerkt")
    expect(page.get_by_test_id("niet-verwerkt")).to_contain_text("Verstuur het formulier opnieuw")
    expect(page.get_by_role("alert").first).to_contain_text("Storing in de verwerking")
    controleer_toegankelijkheid(page)
    assert not Misbruikmelding.objects.exists()

    page.get_by_role("button", name="Uitloggen").click()
    page.goto("/account/inloggen/")
    expect(page.get_by_test_id("storingsmelding")).to_contain_text("Storing in de verwerking")
    expect(page.get_by_test_id("storingsmelding")).to_contain_text("U kunt nu niet inloggen")
