"""End to end in chromium: aanmelden, ziek melden, gedeeltelijk en volledig hersteld melden.

Everything goes through the pages as a user would: the login form, the menu, the buttons.
Dates are relative to today, so the tests do not age.
"""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Locator, Page, expect

from tests.browser.hulp import Omgeving, inloggen, vul_datum
from verzuimportaal.verzuim.models import MutatieSoort, Verzuimmutatie

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

VERZUIMNUMMER = re.compile(r"^\d{4}-\d{5}$")


def _dagen_geleden(dagen: int) -> date:
    return timezone.localdate() - timedelta(days=dagen)


def _nl(datum: date) -> str:
    return datum.strftime("%d-%m-%Y")


def _verloop(page: Page) -> Locator:
    """The rows of the 'Verloop' table on the verzuim detail page."""
    return page.get_by_test_id("mutaties").locator("tbody tr")


def _gegeven(page: Page, term: str) -> Locator:
    """The value (dd) next to a term (dt) in the data list of a detail page."""
    dt = page.locator("dl.vp-gegevens > dt").get_by_text(term, exact=True)
    return dt.locator("xpath=following-sibling::dd[1]")


def _bevestiging(page: Page) -> Locator:
    return page.get_by_role("main").get_by_role("status")


def test_aanmelden_ziek_melden_en_herstel(page: Page, omgeving: Omgeving) -> None:
    eerste_ziektedag = _dagen_geleden(5)
    deels_hersteld = _dagen_geleden(2)
    vandaag = timezone.localdate()

    inloggen(page, omgeving.gebruiker.username)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Overzicht {omgeving.werkgever.naam}"
    )

    # Werknemers → Werknemer aanmelden
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Werknemers").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Werknemers")
    page.get_by_role("link", name="Werknemer aanmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Werknemer aanmelden")

    page.get_by_label("BSN").fill("111222333")
    page.get_by_label("Voornaam").fill("Sanne")
    page.get_by_label("Tussenvoegsel").fill("van der")
    page.get_by_label("Achternaam").fill("Berg")
    vul_datum(page, "Geboortedatum", date(1988, 4, 12))
    vul_datum(page, "Datum in dienst", date(2021, 9, 1))
    page.get_by_label("Contracturen per week").fill("32")
    page.get_by_role("button", name="Aanmelden").click()

    # Detail page of the new employee
    expect(page.get_by_role("heading", level=1)).to_have_text("Sanne van der Berg")
    expect(_bevestiging(page)).to_have_text("Sanne van der Berg is aangemeld.")
    expect(_gegeven(page, "BSN")).to_have_text("111222333")
    expect(_gegeven(page, "Geboortedatum")).to_have_text("12-04-1988")
    expect(_gegeven(page, "In dienst")).to_have_text("01-09-2021")
    expect(_gegeven(page, "Contracturen per week")).to_have_text("32,00 (deeltijdfactor 0,800)")
    expect(page.get_by_text("Geen verzuim geregistreerd.")).to_be_visible()

    # Ziek melden, with the keyboard where a user would use it
    page.get_by_role("main").get_by_role("link", name="Ziek melden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sanne van der Berg ziek melden")
    vul_datum(page, "Eerste ziektedag", eerste_ziektedag)
    conflict = page.get_by_role("checkbox", name="Er is sprake van een arbeidsconflict")
    conflict.focus()
    page.keyboard.press("Space")
    expect(conflict).to_be_checked()
    expect(page.get_by_role("radio", name="Weet ik niet")).to_be_checked()  # the default
    page.get_by_role("button", name="Ziek melden").focus()
    page.keyboard.press("Enter")

    # Verzuim detail: the verzuimnummer is shown and announced
    nummer = page.get_by_test_id("verzuimnummer")
    expect(nummer).to_have_text(VERZUIMNUMMER)
    verzuimnummer = nummer.inner_text()
    assert verzuimnummer.startswith(f"{eerste_ziektedag.year}-")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Verzuim {verzuimnummer}")
    expect(_bevestiging(page)).to_have_text(
        re.compile(
            re.escape(
                f"Sanne van der Berg is ziek gemeld. Verzuimnummer: {verzuimnummer}. De melding "
                "gaat direct naar de arbodienst en uw casemanager; de verzuimconsultant neemt "
                "binnen vier werkdagen contact met u op, uiterlijk op "
            )
            + r"\d\d-\d\d-\d{4}\."
        )
    )
    expect(page.get_by_test_id("status")).to_have_text("Ziek")
    expect(_gegeven(page, "Eerste ziektedag")).to_have_text(_nl(eerste_ziektedag))
    expect(_gegeven(page, "Arbeidsconflict")).to_have_text("Ja")
    expect(_gegeven(page, "Vangnetregeling")).to_have_text("Weet ik niet")
    expect(_verloop(page)).to_have_count(1)
    expect(_verloop(page).first).to_contain_text("Ziekmelding")
    expect(_verloop(page).first).to_contain_text("100 %")

    # Hersteld melden: gedeeltelijk, 50 %
    page.get_by_role("main").get_by_role("link", name="Hersteld melden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sanne van der Berg hersteld melden")
    page.get_by_role("radio", name="Volledig hersteld").focus()
    page.keyboard.press("ArrowDown")  # arrow keys move through the radio group
    expect(page.get_by_role("radio", name="Gedeeltelijk hersteld")).to_be_checked()
    vul_datum(page, "Datum", deels_hersteld)
    percentage = page.get_by_label("Percentage nog arbeidsongeschikt")
    percentage.fill("50")
    percentage.press("Enter")  # implicit submission

    expect(_bevestiging(page)).to_have_text(
        "Gedeeltelijk herstel is gemeld: nog 50 % arbeidsongeschikt."
    )
    expect(page.get_by_test_id("status")).to_have_text("Ziek")
    expect(_verloop(page)).to_have_count(2)
    deels = _verloop(page).nth(1)
    expect(deels.locator("td").nth(0)).to_have_text(_nl(deels_hersteld))
    expect(deels.locator("td").nth(1)).to_have_text("Gedeeltelijk hersteld")
    expect(deels.locator("td").nth(2)).to_have_text("50 %")

    # Hersteld melden: volledig, today
    page.get_by_role("main").get_by_role("link", name="Hersteld melden").click()
    page.get_by_role("radio", name="Volledig hersteld").check()
    vul_datum(page, "Datum", vandaag)
    page.get_by_role("button", name="Melden").click()

    expect(_bevestiging(page)).to_have_text(
        "Volledig herstel is gemeld. Het verzuim is afgesloten."
    )
    expect(page.get_by_test_id("status")).to_have_text("Hersteld")
    expect(_gegeven(page, "Hersteldatum")).to_have_text(_nl(vandaag))
    expect(page.get_by_role("link", name="Hersteld melden")).to_have_count(0)
    expect(_verloop(page)).to_have_count(3)
    expect(_verloop(page).nth(2).locator("td").nth(1)).to_have_text("Volledig hersteld")

    # The employee's history shows the closed spell
    page.get_by_role("link", name="Sanne van der Berg").click()
    historie = page.get_by_role("table", name="Verzuimen van Sanne van der Berg")
    expect(historie.locator("tbody tr")).to_have_count(1)
    expect(historie.locator("tbody tr").first).to_contain_text(verzuimnummer)
    expect(historie.locator("tbody tr").first).to_contain_text("Hersteld")
    expect(page.get_by_role("main").get_by_role("link", name="Ziek melden")).to_be_visible()


def test_gedeeltelijk_hersteld_met_100_procent_wordt_geweigerd(
    page: Page, omgeving: Omgeving
) -> None:
    werknemer = omgeving.werknemer(voornaam="Daan", achternaam="Jansen")
    geval = omgeving.ziek(werknemer, dagen_geleden=4)
    inloggen(page, omgeving.gebruiker.username)
    page.goto(f"/verzuim/{geval.uuid}/")
    expect(_verloop(page)).to_have_count(1)

    page.get_by_role("main").get_by_role("link", name="Hersteld melden").click()
    page.get_by_role("radio", name="Gedeeltelijk hersteld").check()
    vul_datum(page, "Datum", _dagen_geleden(1))
    page.get_by_label("Percentage nog arbeidsongeschikt").fill("100")
    page.get_by_role("button", name="Melden").click()

    # Still on the form, with a Dutch message at the field and in the error summary
    expect(page).to_have_url(f"/verzuim/{geval.uuid}/hersteld-melden/")
    samenvatting = page.get_by_role("alert")
    expect(samenvatting).to_be_visible()
    expect(samenvatting.get_by_role("heading")).to_have_text("Er is iets niet goed ingevuld")
    link = samenvatting.get_by_role("link", name=re.compile("^Percentage nog arbeidsongeschikt:"))
    expect(link).to_contain_text("1 tot en met 99")
    expect(link).to_have_attribute("href", "#id_percentage_arbeidsongeschikt")

    veld = page.get_by_label("Percentage nog arbeidsongeschikt")
    expect(veld).to_have_attribute("id", "id_percentage_arbeidsongeschikt")
    expect(veld).to_have_attribute("aria-invalid", "true")
    expect(veld).to_have_value("100")  # the input is kept
    foutmelding = page.locator("#id_percentage_arbeidsongeschikt_error")
    expect(foutmelding).to_contain_text("1 tot en met 99")
    expect(veld).to_have_accessible_description(re.compile("1 tot en met 99"))
    expect(page.get_by_role("radio", name="Gedeeltelijk hersteld")).to_be_checked()

    link.click()  # the summary link takes the user to the field
    expect(page).to_have_url(re.compile("#id_percentage_arbeidsongeschikt$"))
    expect(veld).to_be_focused()

    # Nothing was stored: the verloop still shows only the ziekmelding
    page.get_by_role("link", name="Annuleren").click()
    expect(page.get_by_test_id("status")).to_have_text("Ziek")
    expect(_verloop(page)).to_have_count(1)
    expect(_verloop(page).first).to_contain_text("Ziekmelding")
    assert list(
        Verzuimmutatie.objects.filter(verzuimgeval=geval).values_list("soort", flat=True)
    ) == [MutatieSoort.ZIEKMELDING]


def test_werknemer_van_andere_werkgever_geeft_404(
    page: Page, omgeving: Omgeving, andere_omgeving: Omgeving
) -> None:
    vreemde = andere_omgeving.werknemer(voornaam="Geheim", achternaam="Persoon")
    vreemd_geval = andere_omgeving.ziek(vreemde, dagen_geleden=3)
    inloggen(page, omgeving.gebruiker.username)

    for pad in (
        f"/werknemers/{vreemde.uuid}/",
        f"/verzuim/ziek-melden/{vreemde.uuid}/",
        f"/verzuim/{vreemd_geval.uuid}/",
        f"/verzuim/{vreemd_geval.uuid}/hersteld-melden/",
    ):
        antwoord = page.goto(pad)
        assert antwoord is not None
        assert antwoord.status == 404, pad
        expect(page.get_by_role("heading", level=1)).to_have_text("Pagina niet gevonden")
        expect(page).to_have_title("Pagina niet gevonden – Verzuimportaal")
        expect(page.get_by_role("main")).not_to_contain_text("Geheim")
        expect(page.get_by_role("main")).not_to_contain_text("Persoon")
