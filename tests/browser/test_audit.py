"""End to end in chromium: viewing an employee shows up in the werkgever's own audit log.

Werkgever B's activity never appears in A's log; the page passes axe; the CSV downloads.
"""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.hulp import Omgeving, controleer_toegankelijkheid, inloggen

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_inzien_staat_in_het_eigen_auditlog(
    page: Page, omgeving: Omgeving, andere_omgeving: Omgeving
) -> None:
    werknemer = omgeving.werknemer(voornaam="Sanne", achternaam="de Vries")
    ander = andere_omgeving.werknemer(voornaam="Kees", achternaam="Bakker")

    inloggen(page, andere_omgeving.gebruiker.username)
    page.goto(f"/werknemers/{ander.uuid}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Bakker")
    page.get_by_role("button", name="Uitloggen").click()

    inloggen(page, omgeving.gebruiker.username)
    page.goto(f"/werknemers/{werknemer.uuid}/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Vries")

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Auditlog").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Auditlog")
    tabel = page.get_by_role("table")
    rij = tabel.locator("tbody tr").filter(has_text="Werknemer").first
    expect(rij).to_contain_text("Fatima El Amrani")
    expect(rij).to_contain_text("Lokaal account")
    expect(rij).to_contain_text("Inzien")
    expect(rij.get_by_role("link")).to_have_attribute("href", f"/werknemers/{werknemer.uuid}/")
    expect(tabel).not_to_contain_text(str(ander.uuid))
    controleer_toegankelijkheid(page)

    page.get_by_label("Actie").select_option("wijzigen")
    page.get_by_role("button", name="Toon auditlog").click()
    expect(page.get_by_text("Geen regels gevonden.")).to_be_visible()

    page.get_by_label("Actie").select_option("")
    page.get_by_role("button", name="Toon auditlog").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Downloaden als CSV").click()
    inhoud = download.value.path().read_text(encoding="utf-8-sig")
    assert str(werknemer.uuid) in inhoud
    assert str(ander.uuid) not in inhoud
