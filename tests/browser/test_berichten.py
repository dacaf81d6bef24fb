"""End to end in chromium: the unread badge, opening a letter marks it read (seed 003)."""

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from conftest import ingelogde_client
from tests.browser.hulp import Omgeving, controleer_toegankelijkheid
from verzuimportaal.berichten import service
from verzuimportaal.berichten.models import Soort

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def _inloggen(page: Page, omgeving: Omgeving, adres: str) -> None:
    """A logged-in session with its second factor done (the login flow is tested elsewhere)."""
    client = ingelogde_client(omgeving.lidmaatschap)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": adres}])
    page.goto("/")
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()


def test_werkgever_ziet_ongelezen_berichten_en_opent_een_brief(
    page: Page, omgeving: Omgeving, live_server
) -> None:
    for onderwerp in ("Welkom in uw berichtenbox", "Brief over uw melding"):
        service.plaats_bericht(
            werkgever=omgeving.werkgever,
            soort=Soort.BRIEF if onderwerp.startswith("Brief") else Soort.MEDEDELING,
            onderwerp=onderwerp,
            tekst="Geachte werkgever, dit is de inhoud van het bericht.",
            notificeren=False,
        )

    _inloggen(page, omgeving, live_server.url)
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    berichten = menu.get_by_role("link", name="Berichten (2 ongelezen)")
    expect(berichten).to_be_visible()
    berichten.click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Berichten")
    controleer_toegankelijkheid(page)
    page.get_by_role("link", name="Brief over uw melding").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Brief over uw melding")
    expect(page.get_by_text("dit is de inhoud van het bericht")).to_be_visible()
    expect(menu.get_by_role("link", name="Berichten (1 ongelezen)")).to_be_visible()

    page.get_by_role("link", name="Terug naar berichten").click()
    rij = page.get_by_role("row").filter(has_text="Brief over uw melding")
    expect(rij.get_by_role("cell").first).to_have_text("Gelezen")
