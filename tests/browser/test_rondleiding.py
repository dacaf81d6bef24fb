"""The newcomer's tour in chromium, in Dutch and in English (ADR 0044).

An HR administrator logs in, chooses the language with the switch in the header and walks the
main path: dashboard → werknemers → ziek melden → verzuim and dossier → overzichten → statistiek
→ herstel melden. Every page is in the chosen language (``<html lang>``, headings, buttons) and
passes axe without serious or critical issues.
"""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import LocatorAssertions, Page, expect

from tests.browser.hulp import Omgeving, controleer_toegankelijkheid, inloggen, vul_datum

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@dataclass(frozen=True)
class Taal:
    code: str
    knop: str  # the switch's button to this language, named in that language
    hoofdmenu: str
    overzicht: str
    werknemers: str
    ziek_melden: str
    ziek_melden_kop: str
    datum_ziek: str
    dag: str
    maand: str
    jaar: str
    ziek_gemeld: str
    verzuim: str
    dossier_kop: str
    overzichten: str
    hersteld_melden: str
    volledig_hersteld: str
    datum: str
    melden: str
    hersteld_gemeld: str
    hersteld: str


NEDERLANDS = Taal(
    code="nl",
    knop="Nederlands",
    hoofdmenu="Hoofdmenu",
    overzicht="Overzicht {werkgever}",
    werknemers="Werknemers",
    ziek_melden="Ziek melden",
    ziek_melden_kop="{naam} ziek melden",
    datum_ziek="Eerste ziektedag",
    dag="Dag",
    maand="Maand",
    jaar="Jaar",
    ziek_gemeld="{naam} is ziek gemeld.",
    verzuim="Verzuim {nummer}",
    dossier_kop="Verzuimdossier {naam}",
    overzichten="Overzichten",
    hersteld_melden="Hersteld melden",
    volledig_hersteld="Volledig hersteld",
    datum="Datum",
    melden="Melden",
    hersteld_gemeld="Volledig herstel is gemeld. Het verzuim is afgesloten.",
    hersteld="Hersteld",
)
ENGELS = Taal(
    code="en",
    knop="English",
    hoofdmenu="Main menu",
    overzicht="Overview {werkgever}",
    werknemers="Employees",
    ziek_melden="Report sick",
    ziek_melden_kop="Report {naam} sick",
    datum_ziek="First day of sickness",
    dag="Day",
    maand="Month",
    jaar="Year",
    ziek_gemeld="{naam} has been reported sick.",
    verzuim="Absence {nummer}",
    dossier_kop="Absence file {naam}",
    overzichten="Reports",
    hersteld_melden="Report recovery",
    volledig_hersteld="Fully recovered",
    datum="Date",
    melden="Report",
    hersteld_gemeld="Full recovery has been reported. The absence has been closed.",
    hersteld="Recovered",
)


def _datum(page: Page, taal: Taal, veld: str, dagen_geleden: int) -> None:
    """Fill a day/month/year field by its labels in the page's language."""
    datum = timezone.localdate() - timedelta(days=dagen_geleden)
    if taal.code == "nl":
        vul_datum(page, veld, datum)
        return
    groep = page.get_by_role("group", name=veld)
    groep.get_by_label(taal.dag).fill(str(datum.day))
    groep.get_by_label(taal.maand).fill(str(datum.month))
    groep.get_by_label(taal.jaar).fill(str(datum.year))


def _kop(page: Page) -> LocatorAssertions:
    return expect(page.get_by_role("heading", level=1))


def _in_taal(page: Page, taal: Taal) -> None:
    expect(page.locator("html")).to_have_attribute("lang", taal.code)
    controleer_toegankelijkheid(page)


@pytest.mark.parametrize("taal", [NEDERLANDS, ENGELS], ids=["nl", "en"])
def test_rondleiding_voor_nieuwkomers(page: Page, omgeving: Omgeving, taal: Taal) -> None:
    werknemer = omgeving.werknemer(voornaam="Jan", tussenvoegsel="de", achternaam="Vries")
    naam = werknemer.volledige_naam
    inloggen(page, omgeving.gebruiker.username)

    # The switch in the header: the other language, named in that language; Dutch by default.
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    kop = page.get_by_role("banner")
    if taal.code != "nl":
        kop.get_by_role("button", name=taal.knop).click()
        expect(kop.get_by_role("button", name=NEDERLANDS.knop)).to_be_visible()
    else:
        expect(kop.get_by_role("button", name=ENGELS.knop)).to_be_visible()

    # Dashboard
    _kop(page).to_have_text(taal.overzicht.format(werkgever=omgeving.werkgever.naam))
    _in_taal(page, taal)
    menu = page.get_by_role("navigation", name=taal.hoofdmenu)

    # Werknemers
    menu.get_by_role("link", name=taal.werknemers, exact=True).click()
    _kop(page).to_have_text(taal.werknemers)
    _in_taal(page, taal)

    # Ziek melden: the employee search, then the form
    menu.get_by_role("link", name=taal.ziek_melden, exact=True).click()
    page.get_by_role("row", name=naam).get_by_role("link", name=taal.ziek_melden).click()
    _kop(page).to_have_text(taal.ziek_melden_kop.format(naam=naam))
    _in_taal(page, taal)
    _datum(page, taal, taal.datum_ziek, 3)
    page.get_by_role("button", name=taal.ziek_melden).click()

    # The verzuim, and its dossier
    nummer = page.get_by_test_id("verzuimnummer").inner_text()
    _kop(page).to_have_text(taal.verzuim.format(nummer=nummer))
    expect(page.get_by_role("main").get_by_role("status")).to_contain_text(
        taal.ziek_gemeld.format(naam=naam)
    )
    _in_taal(page, taal)
    verzuim_adres = page.url
    page.get_by_test_id("verzuimdossier").click()
    expect(page.get_by_test_id("verzuimdossier")).to_have_count(0)
    _kop(page).to_have_text(taal.dossier_kop.format(naam=naam))
    _in_taal(page, taal)

    # Overzichten and statistiek
    menu.get_by_role("link", name=taal.overzichten, exact=True).click()
    _kop(page).to_have_text(taal.overzichten)
    _in_taal(page, taal)
    page.goto("/statistiek/")
    _in_taal(page, taal)

    # Herstel melden
    page.goto(verzuim_adres)
    page.get_by_role("main").get_by_role("link", name=taal.hersteld_melden).click()
    _in_taal(page, taal)
    page.get_by_role("radio", name=taal.volledig_hersteld).check()
    _datum(page, taal, taal.datum, 0)
    page.get_by_role("button", name=taal.melden, exact=True).click()
    expect(page.get_by_role("main").get_by_role("status")).to_have_text(taal.hersteld_gemeld)
    expect(page.get_by_test_id("status")).to_have_text(taal.hersteld)
    _in_taal(page, taal)
