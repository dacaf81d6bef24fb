"""Verzuimdossier in chromium: the werkgever adds an activity and marks it done; a casemanager
marks a legal step done and the werkgever sees it; axe on the timeline."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.browser.hulp import Omgeving, controleer_toegankelijkheid, inloggen, vul_datum
from verzuimportaal.machtigingen.tests.factories import CasemanagertoewijzingFactory

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def _nl(datum: date) -> str:
    return datum.strftime("%d-%m-%Y")


def test_werkgever_voegt_activiteit_toe_en_werkt_haar_af(page: Page, omgeving: Omgeving) -> None:
    werknemer = omgeving.werknemer(achternaam="Jansen")
    geval = omgeving.ziek(werknemer, dagen_geleden=50)
    deadline = timezone.localdate() + timedelta(days=7)

    inloggen(page, omgeving.gebruiker.username)
    page.goto(f"/verzuim/{geval.uuid}/")
    page.get_by_test_id("verzuimdossier").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Verzuimdossier {werknemer.volledige_naam}"
    )
    # Day 50: the probleemanalyse (D+41) is overdue and marked as such.
    expect(page.locator('[data-soort="probleemanalyse"]')).to_have_attribute(
        "data-status", "te_laat"
    )
    controleer_toegankelijkheid(page)

    page.get_by_role("link", name="Activiteit toevoegen").click()
    page.get_by_label("Werkplekonderzoek").check()
    page.get_by_label("Omschrijving").fill("Werkplek bekijken")
    vul_datum(page, "Uiterste datum", deadline)
    page.get_by_label("Wie voert de activiteit uit?").select_option("arbeidsdeskundige")
    page.get_by_role("button", name="Toevoegen").click()

    rij = page.get_by_test_id("activiteit").filter(has_text="Werkplek bekijken")
    expect(rij).to_contain_text("Te doen")
    expect(rij).to_contain_text(_nl(deadline))

    rij.get_by_role("link", name="Afwerken").click()
    vul_datum(page, "Uitgevoerd op", timezone.localdate())
    page.get_by_role("button", name="Afwerken").click()

    rij = page.get_by_test_id("activiteit").filter(has_text="Werkplek bekijken")
    expect(rij.get_by_test_id("activiteit-status")).to_contain_text(
        f"Afgewerkt op {_nl(timezone.localdate())}"
    )
    controleer_toegankelijkheid(page)


def test_casemanager_werkt_stap_af_en_werkgever_ziet_het(
    page: Page, omgeving: Omgeving, browser, base_url: str
) -> None:
    geval = omgeving.ziek(omgeving.werknemer(achternaam="Bakker"), dagen_geleden=45)
    toewijzing = CasemanagertoewijzingFactory(werkgever=omgeving.werkgever)
    probleemanalyse = timezone.localdate() - timedelta(days=3)

    inloggen(page, toewijzing.gebruiker.username)
    page.goto(f"/dossier/{geval.uuid}/")
    page.locator('[data-soort="probleemanalyse"]').get_by_role("link", name="Afwerken").click()
    vul_datum(page, "Uitgevoerd op", probleemanalyse)
    page.get_by_role("button", name="Afwerken").click()
    expect(page.locator('[data-soort="probleemanalyse"]')).to_have_attribute(
        "data-status", "gedaan"
    )

    werkgever = browser.new_context(
        base_url=base_url, locale="nl-NL", timezone_id="Europe/Amsterdam"
    ).new_page()
    inloggen(werkgever, omgeving.gebruiker.username)
    werkgever.goto(f"/dossier/{geval.uuid}/")
    stap = werkgever.locator('[data-soort="probleemanalyse"]')
    expect(stap).to_have_attribute("data-status", "gedaan")
    expect(stap).to_contain_text(_nl(probleemanalyse))
    rij = werkgever.get_by_test_id("activiteit").filter(has_text="Probleemanalyse")
    expect(rij).to_contain_text("Alleen de casemanager kan dit wijzigen")
    expect(rij.get_by_role("link", name="Heropenen")).to_have_count(0)
