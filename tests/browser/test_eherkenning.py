"""eHerkenning end to end in chromium: the portal as OIDC relying party, the simulator as broker.

No mocks: the portal and the eHerkenning simulator run on the same live server, the browser
follows the real redirects (portal → authorize → simulator login and sms code → callback) and the
portal exchanges the code at the simulator's token endpoint and checks the signed ID token
against its JWKS. The sms code is read the way a demo user reads it: on the simulator's outbox
page, opened from the link on the sms page in a new tab.
"""

import re
from dataclasses import dataclass
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from oauth2_provider.settings import oauth2_settings
from playwright.sync_api import Locator, Page, expect
from pytest_playwright import CreateContextCallback

from tests.factories import (
    IntermediairFactory,
    LoonheffingennummerFactory,
    VerzuimgevalFactory,
    WerkgeverFactory,
    WerknemerFactory,
)
from verzuimportaal.werknemers.models import Werknemer

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

WACHTWOORD = "Simulatie-2026"  # every demo person of simulator_demo
CLIENT_ID = "verzuimportaal-demo"
CLIENT_SECRET = "browsertest-geheim"

BAKKERIJ = "Bakkerij Van den Broek B.V."
INSTALLATEUR = "Installatiebedrijf Hendriks & Zn. B.V."
INTERMEDIAIR = "Verzuimservice Desk B.V."

SIMULATOR_INLOGGEN = "Inloggen met eHerkenning (simulatie)"
NIET_GEMACHTIGD_VERZUIM = (
    "U bent niet gemachtigd voor deze pagina. Hiervoor is een machtiging nodig voor: Melden en "
    "inzien verzuimgegevens Ziektewet en WAZO. Vraag de machtigingenbeheerder van uw organisatie "
    "om deze machtiging."
)


@dataclass
class Bakkerij:
    zieke: Werknemer
    gezonde: Werknemer


@pytest.fixture
def eherkenning(live_server, settings, monkeypatch) -> Bakkerij:
    """Point the portal at the simulator on the live server and load both sides' demo data.

    The ``settings`` fixture sends ``setting_changed``, on which django-oauth-toolkit reloads its
    cached ``oauth2_settings``: the ID token's ``iss`` then equals the issuer the portal expects.
    """
    issuer = f"{live_server.url}/eherkenning-simulator/o"
    settings.EHERKENNING_OIDC_ENABLED = True
    settings.OIDC_OP_ISSUER = issuer
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{issuer}/authorize/"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{issuer}/token/"
    settings.OIDC_OP_USER_ENDPOINT = f"{issuer}/userinfo/"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{issuer}/.well-known/jwks.json"
    settings.OIDC_OP_LOGOUT_ENDPOINT = f"{issuer}/logout/"
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OAUTH2_PROVIDER = {**settings.OAUTH2_PROVIDER, "OIDC_ISS_ENDPOINT": issuer}
    # django-oauth-toolkit caches its settings; its setting_changed receiver reloads them.
    assert issuer == oauth2_settings.OIDC_ISS_ENDPOINT, "oauth2_settings niet herladen"

    monkeypatch.setenv("EHERKENNING_OIDC_CLIENT_SECRET", CLIENT_SECRET)
    monkeypatch.setenv("EHERKENNING_SIMULATOR_REDIRECT_URIS", f"{live_server.url}/oidc/callback/")
    monkeypatch.setenv(
        "EHERKENNING_SIMULATOR_POST_LOGOUT_REDIRECT_URIS", f"{live_server.url}/account/inloggen/"
    )
    call_command("simulator_demo", stdout=StringIO())

    # The portal's side: the werkgevers the demo organisations represent, and the intermediary.
    lhnr = LoonheffingennummerFactory(
        werkgever=WerkgeverFactory(kvk_nummer="69201843", naam=BAKKERIJ)
    )
    zieke = WerknemerFactory(loonheffingennummer=lhnr, voornaam="Sanne", achternaam="Visser")
    gezonde = WerknemerFactory(loonheffingennummer=lhnr, voornaam="Daan", achternaam="Smit")
    WerknemerFactory(loonheffingennummer=lhnr, voornaam="Lotte", achternaam="de Wit")
    VerzuimgevalFactory(werknemer=zieke, eerste_ziektedag=timezone.localdate() - timedelta(days=3))
    installateur = LoonheffingennummerFactory(
        werkgever=WerkgeverFactory(kvk_nummer="58823417", naam=INSTALLATEUR)
    )
    WerknemerFactory(loonheffingennummer=installateur, voornaam="Bram", achternaam="Hendriks")
    LoonheffingennummerFactory(
        werkgever=WerkgeverFactory(kvk_nummer="41178230", naam="Stichting Zorggroep De Linde")
    )
    IntermediairFactory(kvk_nummer="73019552", naam=INTERMEDIAIR)
    return Bakkerij(zieke=zieke, gezonde=gezonde)


# --- Steps ---------------------------------------------------------------------------------


def _h1(page: Page) -> Locator:
    return page.get_by_role("heading", level=1)


def _menu(page: Page) -> Locator:
    return page.get_by_role("navigation", name="Hoofdmenu")


def simulator_aanmelden(page: Page, gebruikersnaam: str, *, sms: bool = True) -> None:
    """On the simulator's login page: password, then the sms code from the outbox page.

    Only EH2 has no sms step (the simulator asks a second factor from EH2+ up).
    """
    expect(_h1(page)).to_have_text(SIMULATOR_INLOGGEN)
    page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen", exact=True).click()
    if not sms:
        return

    expect(_h1(page)).to_have_text("Sms-code invullen")
    with page.context.expect_page() as nieuw_tabblad:
        page.get_by_role("link", name="Bekijk de verstuurde sms-codes").click()
    outbox = nieuw_tabblad.value
    outbox.wait_for_load_state()
    bericht = (
        outbox.locator("tbody tr").filter(has_text=gebruikersnaam).filter(has_text="geldig tot")
    )
    expect(bericht).to_have_count(1)
    code = bericht.get_by_test_id("sms-code").inner_text().strip()
    outbox.close()
    assert re.fullmatch(r"\d{6}", code), code

    page.get_by_label("Sms-code").fill(code)
    page.get_by_role("button", name="Bevestigen").click()


def eherkenning_inloggen(page: Page, gebruikersnaam: str, *, sms: bool = True) -> None:
    """From the portal's login page through the simulator, up to the portal (or the choice)."""
    page.goto("/account/inloggen/")
    page.get_by_role("link", name="Inloggen met eHerkenning").click()
    simulator_aanmelden(page, gebruikersnaam, sms=sms)


def beheermodule_inloggen(page: Page, gebruikersnaam: str) -> None:
    page.goto("/eherkenning-simulator/beheer/")
    simulator_aanmelden(page, gebruikersnaam)


def verwacht_geweigerd(page: Page, reden: str, tekst: str) -> None:
    expect(page).to_have_url(re.compile(r"/oidc/geweigerd/$"))
    expect(_h1(page)).to_have_text("Inloggen met eHerkenning niet gelukt")
    expect(page.get_by_test_id(f"weigering-{reden}")).to_contain_text(tekst)
    expect(page.get_by_role("button", name="Uitloggen")).to_have_count(0)


def verwacht_geen_portalsessie(page: Page) -> None:
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/account/inloggen/\?next=/$"))
    expect(_h1(page)).to_have_text("Inloggen")


GEGEVENS = "Uw naam en e-mailadres"


def gegevens_invullen(page: Page, naam: str, email: str) -> None:
    """The first login asks a name and an e-mail address, confirmed with the code mailed to it
    (ADR 0025); the code is read from the test mailbox as a user reads the e-mail."""
    expect(_h1(page)).to_have_text(GEGEVENS)
    page.get_by_label("Uw naam").fill(naam)
    page.get_by_label("Uw e-mailadres").fill(email)
    page.get_by_role("button", name="Opslaan en verder").click()
    expect(_h1(page)).to_have_text("E-mailadres bevestigen")
    bericht = next(m for m in reversed(mail.outbox) if m.to == [email])
    page.get_by_label("Code uit de e-mail").fill(re.findall(r"\b\d{6}\b", bericht.body)[0])
    page.get_by_role("button", name="Bevestigen").click()


def verwacht_dashboard(page: Page, werkgever: str, kvk: str) -> None:
    """The portal's overview; a first login gives a name and e-mail address on the way."""
    expect(_h1(page)).to_have_text(re.compile(rf"^({GEGEVENS}|Overzicht .*)$"))
    if _h1(page).inner_text() == GEGEVENS:
        gegevens_invullen(page, "Sanne de Boer", f"sanne@{kvk}.example")
    expect(page).to_have_url(re.compile(r"/$"))
    expect(_h1(page)).to_have_text(f"Overzicht {werkgever}")
    expect(page.get_by_test_id("acterend-voor")).to_have_text(werkgever)
    expect(page.get_by_role("banner")).to_contain_text(f"(KvK {kvk})")


# --- Tests ---------------------------------------------------------------------------------


def test_eh3_met_machtiging_komt_op_het_dashboard(page: Page, eherkenning: Bakkerij) -> None:
    eherkenning_inloggen(page, "eh3-bakkerij")

    verwacht_dashboard(page, BAKKERIJ, "69201843")
    expect(page.get_by_role("banner")).to_contain_text("eHerkenning EH3")
    expect(page.get_by_role("banner")).not_to_contain_text(" via KvK ")
    expect(page.get_by_test_id("aantal-open")).to_have_text("1")

    _menu(page).get_by_role("link", name="Werknemers").click()
    expect(_h1(page)).to_have_text("Werknemers")
    expect(page.get_by_role("main").get_by_role("status")).to_contain_text("3 werknemers gevonden")
    page.get_by_role("link", name=eherkenning.gezonde.sorteernaam).click()
    expect(_h1(page)).to_have_text(eherkenning.gezonde.volledige_naam)

    _menu(page).get_by_role("link", name="Lopende verzuimen").click()
    expect(_h1(page)).to_have_text("Lopende verzuimen")
    expect(page.get_by_role("main").get_by_role("status")).to_have_text("1 lopend verzuim.")
    expect(page.get_by_role("link", name=eherkenning.zieke.sorteernaam)).to_be_visible()


def test_eh2_wordt_geweigerd_zonder_sessie(page: Page, eherkenning: Bakkerij) -> None:
    eherkenning_inloggen(page, "eh2-bakkerij", sms=False)

    verwacht_geweigerd(
        page,
        "niveau",
        "Uw eHerkenningsmiddel heeft niveau EH2; voor dit portaal is minimaal EH3 nodig",
    )
    verwacht_geen_portalsessie(page)


def test_zonder_verzuimdienst_geen_menu_en_403(page: Page, eherkenning: Bakkerij) -> None:
    eherkenning_inloggen(page, "eh3-zonder-dienst")

    verwacht_dashboard(page, BAKKERIJ, "69201843")
    menu = _menu(page)
    expect(menu.get_by_role("link", name="Overzicht")).to_be_visible()
    for verborgen in ("Ziek melden", "Lopende verzuimen", "Werknemers"):
        expect(menu.get_by_role("link", name=verborgen)).to_have_count(0)
    expect(page.get_by_role("main")).to_contain_text(
        "U bent voor deze werkgever niet gemachtigd voor verzuim of werknemersgegevens."
    )

    # Hidden is not enough: the pages themselves refuse, with the reason.
    for pad in ("/verzuim/", f"/verzuim/ziek-melden/{eherkenning.gezonde.uuid}/"):
        antwoord = page.goto(pad)
        assert antwoord is not None and antwoord.status == 403, pad
        expect(_h1(page)).to_have_text("Geen toegang")
        expect(page.get_by_role("main")).to_contain_text(NIET_GEMACHTIGD_VERZUIM)
    antwoord = page.goto("/werknemers/")
    assert antwoord is not None and antwoord.status == 403
    expect(page.get_by_role("main")).to_contain_text(
        "Hiervoor is een machtiging nodig voor: Werknemersgegevens beheren, Melden en inzien "
        "verzuimgegevens Ziektewet en WAZO."
    )


def test_intermediair_via_ketenmachtiging_en_intrekken(
    page: Page, new_context: CreateContextCallback, eherkenning: Bakkerij
) -> None:
    eherkenning_inloggen(page, "eh3-intermediair")

    verwacht_dashboard(page, BAKKERIJ, "69201843")
    kop = page.get_by_role("banner")
    expect(kop).to_contain_text("eHerkenning EH3 via KvK 73019552")
    expect(kop).to_contain_text(f"namens {INTERMEDIAIR}")
    _menu(page).get_by_role("link", name="Lopende verzuimen").click()
    expect(page.get_by_role("link", name=eherkenning.zieke.sorteernaam)).to_be_visible()

    # The werkgever's beheerder (who gave it, form A) revokes the ketenmachtiging.
    beheer = new_context().new_page()
    beheermodule_inloggen(beheer, "beheer-bakkerij")
    expect(beheer).to_have_url(re.compile(r"/eherkenning-simulator/beheer/69201843/$"))
    expect(_h1(beheer)).to_have_text(BAKKERIJ)
    beheer.get_by_role("button", name=f"Intrekken {INTERMEDIAIR}").click()
    expect(beheer.get_by_role("status")).to_contain_text(
        f"De ketenmachtiging aan {INTERMEDIAIR} is ingetrokken"
    )
    expect(beheer.get_by_role("row", name=re.compile(INTERMEDIAIR))).to_contain_text(
        "Ingetrokken op "
    )
    beheer.context.close()

    # The next login of the intermediary's employee gives no access to the Bakkerij any more.
    page.get_by_role("button", name="Uitloggen").click()
    expect(page).to_have_url(re.compile(r"/account/inloggen/$"))
    eherkenning_inloggen(page, "eh3-intermediair")
    verwacht_geweigerd(
        page,
        "geen_dienst",
        "U bent voor KvK-nummer 73019552 niet gemachtigd voor een dienst van dit portaal.",
    )
    verwacht_geen_portalsessie(page)


def test_ketenmachtiging_bij_andere_leverancier_geweigerd(
    page: Page, eherkenning: Bakkerij
) -> None:
    # The beheerder of De Linde has no machtiging for the portal herself …
    eherkenning_inloggen(page, "beheer-anker")
    verwacht_geweigerd(
        page,
        "geen_dienst",
        "U bent voor KvK-nummer 41178230 niet gemachtigd voor een dienst van dit portaal.",
    )

    # … and cannot give Verzuimservice Desk (Reconi) a ketenmachtiging from KPN either.
    # The simulator login is still valid (single sign-on), so no second password.
    page.goto("/eherkenning-simulator/beheer/")
    expect(_h1(page)).to_have_text("Stichting Zorggroep De Linde")
    page.get_by_role("link", name="Ketenmachtiging geven (formulier A)").click()
    expect(_h1(page)).to_have_text("Ketenmachtiging geven (formulier A)")
    page.get_by_label("KvK-nummer van de intermediair").fill("73019552")
    page.get_by_label("1. Melden en inzien verzuimgegevens Ziektewet en WAZO").check()
    page.get_by_role("button", name="Opslaan").click()

    expect(page.get_by_role("alert")).to_contain_text(
        "Een ketenmachtiging kan alleen als beide organisaties bij dezelfde leverancier zijn "
        "geregistreerd (Stichting Zorggroep De Linde: KPN Simulatie; "
        f"{INTERMEDIAIR}: Reconi Simulatie)."
    )
    expect(_h1(page)).to_have_text("Ketenmachtiging geven (formulier A)")
    page.get_by_role("link", name="Terug naar Stichting Zorggroep De Linde").click()
    expect(_h1(page)).to_have_text("Stichting Zorggroep De Linde")
    geen_keten = page.get_by_text("Deze organisatie heeft geen ketenmachtigingen gegeven.")
    expect(geen_keten).to_be_visible()


def test_onbekende_kvk_wordt_geweigerd(page: Page, eherkenning: Bakkerij) -> None:
    eherkenning_inloggen(page, "eh3-onbekend")

    verwacht_geweigerd(
        page,
        "kvk_onbekend",
        "KvK-nummer 39999999 is bij ons niet bekend; neem contact op met uw relatiebeheerder.",
    )
    verwacht_geen_portalsessie(page)


def test_keuze_tussen_organisaties(page: Page, eherkenning: Bakkerij) -> None:
    eherkenning_inloggen(page, "eh3-meerdere")

    expect(_h1(page)).to_have_text("Namens welke organisatie wilt u inloggen?")
    keuzes = page.get_by_role("radio")
    expect(keuzes).to_have_count(2)
    page.get_by_label(f"{INSTALLATEUR} (KvK 58823417)").check()
    page.get_by_role("button", name="Verder").click()

    verwacht_dashboard(page, INSTALLATEUR, "58823417")
    _menu(page).get_by_role("link", name="Werknemers").click()
    expect(page.get_by_role("main").get_by_role("status")).to_contain_text("1 werknemer gevonden")
    expect(page.get_by_role("link", name=eherkenning.gezonde.sorteernaam)).to_have_count(0)


def test_uitloggen_ook_bij_de_simulator(page: Page, eherkenning: Bakkerij) -> None:
    eherkenning_inloggen(page, "eh3-bakkerij")
    verwacht_dashboard(page, BAKKERIJ, "69201843")

    with page.expect_response(re.compile(r"/eherkenning-simulator/o/logout/\?")) as uitlog:
        page.get_by_role("button", name="Uitloggen").click()
    assert uitlog.value.status == 302, uitlog.value.status
    assert uitlog.value.headers["location"].endswith("/account/inloggen/")
    expect(page).to_have_url(re.compile(r"/account/inloggen/$"))
    expect(_h1(page)).to_have_text("Inloggen")
    verwacht_geen_portalsessie(page)

    # The simulator forgot the person: a new login asks for the password (and sms) again.
    page.goto("/account/inloggen/")
    page.get_by_role("link", name="Inloggen met eHerkenning").click()
    expect(_h1(page)).to_have_text(SIMULATOR_INLOGGEN)
    expect(page.get_by_text("U bent bij de simulator ingelogd als")).to_have_count(0)
    expect(page.get_by_label("Wachtwoord")).to_be_empty()
    simulator_aanmelden(page, "eh3-bakkerij")
    verwacht_dashboard(page, BAKKERIJ, "69201843")


def test_eerste_login_vraagt_naam_en_toont_die_overal(page: Page, eherkenning: Bakkerij) -> None:
    """Issue 17 point 4: no pseudonym or ``eh:KvK:hash`` anywhere; the name the person gives is
    in the header and in the audit log, and a second login does not ask again."""
    eherkenning_inloggen(page, "eh3-bakkerij")
    expect(_h1(page)).to_have_text(GEGEVENS)
    kop = page.get_by_role("banner")
    expect(kop).to_contain_text("eHerkenning-gebruiker")
    expect(kop).not_to_contain_text("eh:")
    gegevens_invullen(page, "Fatima El Amrani", "fatima@bakkerij.example")

    verwacht_dashboard(page, BAKKERIJ, "69201843")
    expect(page.get_by_test_id("persoon")).to_have_text("Fatima El Amrani")
    expect(page.get_by_role("status").first).to_contain_text("Uw e-mailadres is bevestigd")
    page.goto(f"/werknemers/{eherkenning.zieke.uuid}/")
    assert "eh:69201843" not in page.content()

    page.get_by_role("button", name="Uitloggen").click()
    eherkenning_inloggen(page, "eh3-bakkerij")
    expect(_h1(page)).to_have_text(f"Overzicht {BAKKERIJ}")
    expect(page.get_by_test_id("persoon")).to_have_text("Fatima El Amrani")
    page.get_by_role("link", name="Mijn gegevens").click()
    expect(page.get_by_label("Uw naam")).to_have_value("Fatima El Amrani")
