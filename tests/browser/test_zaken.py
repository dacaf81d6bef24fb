"""End to end in chromium: an ontslagaanvraag with its documents from the werkgever to the
operator's decision, the operator's question answered on the way, and a bezwaar against the
decision that the operator then decides (DOMAIN §7.6, ADR 0027, ADR 0028).

The werkgever logs in with eHerkenning: "Indienen ontslagaanvraag" and "Bezwaar maken" are
services only a machtiging gives (DOMAIN §3). Dates are today's, so the test does not age.
"""

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from playwright.sync_api import Page, expect

from conftest import eherkenning_client, ingelogde_gebruiker
from tests.browser.hulp import Omgeving, controleer_toegankelijkheid
from tests.factories import GebruikerFactory
from verzuimportaal.aanvragen.models import Zaak
from verzuimportaal.toegang.diensten import Dienst

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _cookie(page: Page, client, adres: str) -> None:
    page.context.clear_cookies()
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": adres}])


def _als_werkgever(page: Page, omgeving: Omgeving, adres: str) -> None:
    client = eherkenning_client(
        omgeving.werkgever.kvk_nummer,
        Dienst.ONTSLAGAANVRAAG,
        Dienst.BEZWAAR,
        Dienst.VERZUIM_MELDEN,
        pseudoniem="pseudo-browser",
    )
    _cookie(page, client, adres)


def _als_behandelaar(page: Page, behandelaar, adres: str) -> None:
    _cookie(page, ingelogde_gebruiker(behandelaar), adres)


def _pdf(naam: str) -> dict:
    return {"name": naam, "mimeType": "application/pdf", "buffer": PDF}


def _naar_zaak(page: Page, omgeving: Omgeving, adres: str, zaaknummer: str, besluit: str) -> None:
    """The werkgever opens its case from its list and sees the decision."""
    _als_werkgever(page, omgeving, adres)
    page.goto("/aanvragen/")
    page.get_by_role("link", name=zaaknummer).click()
    expect(page.get_by_test_id("besluit")).to_contain_text(besluit)


def _besluit(page: Page, zaaknummer: str, keuze: str, toelichting: str) -> None:
    page.goto("/beheer/behandeling/")
    page.get_by_role("link", name=zaaknummer).click()
    page.get_by_test_id("besluit-nemen").click()
    page.get_by_label(keuze).check()
    page.get_by_label("Toelichting (motivering)").fill(toelichting)
    page.get_by_role("button", name="Besluit nemen").click()
    expect(page.get_by_test_id("status")).to_contain_text(f"Besluit genomen: {keuze.lower()}")


def test_ontslagaanvraag_tot_besluit_en_bezwaar(
    page: Page, omgeving: Omgeving, live_server, prive_opslag
) -> None:
    werknemer = omgeving.werknemer(voornaam="Piet", achternaam="Reorganisatie")
    behandelaar = GebruikerFactory(is_staff=True, first_name="Bea", last_name="Handelaar")
    behandelaar.user_permissions.add(
        Permission.objects.get(codename="behandelen", content_type__app_label="aanvragen")
    )

    # The werkgever applies with the four documents of the bedrijfseconomische route.
    _als_werkgever(page, omgeving, live_server.url)
    page.goto("/ontslag/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Ontslag en compensatie transitievergoeding"
    )
    controleer_toegankelijkheid(page)
    page.get_by_label("Werknemer").select_option(str(werknemer.uuid))
    page.get_by_label("Soort aanvraag").select_option("ontslagaanvraag")
    page.get_by_role("button", name="Verder").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ontslagaanvraag")
    page.get_by_role("radio", name="Bedrijfseconomische redenen").check()
    page.get_by_role("button", name="Aanvraag indienen").click()
    # Nothing uploaded: every missing document is named, nothing is stored.
    expect(page.get_by_role("main")).to_contain_text("Formulier A: gegevens van de werkgever")
    expect(page.get_by_role("main")).to_contain_text("ontbreekt")
    assert not Zaak.objects.exists()
    controleer_toegankelijkheid(page)
    page.get_by_role("radio", name="Bedrijfseconomische redenen").check()
    page.get_by_label("Ik heb het afspiegelingsbeginsel toegepast").check()
    page.get_by_label("Herplaatsing in een andere passende functie").check()
    for label, naam in (
        ("Formulier A", "a.pdf"),
        ("Formulier B", "b.pdf"),
        ("Formulier C", "c.pdf"),
        ("Bijlagen: onderbouwing", "bijlagen.pdf"),
    ):
        page.get_by_label(label).set_input_files(_pdf(naam))
    page.get_by_role("button", name="Aanvraag indienen").click()
    expect(page.get_by_test_id("status")).to_have_text("Ontvangen")
    expect(page.get_by_test_id("bijlagen")).to_contain_text("bijlagen.pdf")
    zaaknummer = Zaak.objects.get().zaaknummer
    controleer_toegankelijkheid(page)

    # The behandelaar takes the case and asks a question.
    _als_behandelaar(page, behandelaar, live_server.url)
    page.goto("/beheer/behandeling/")
    page.get_by_role("link", name=zaaknummer).click()
    expect(page.get_by_test_id("ontslagaanvraag")).to_contain_text("Bedrijfseconomische redenen")
    page.get_by_test_id("toewijzen").click()
    expect(page.get_by_test_id("status")).to_have_text("In behandeling")
    page.get_by_role("link", name="Informatie vragen").click()
    page.get_by_label("Vraag aan de werkgever").fill("Hoeveel functies vervallen er?")
    page.get_by_role("button", name="Informatie vragen").click()
    expect(page.get_by_test_id("status")).to_have_text("Informatie gevraagd")

    # The werkgever answers in the portal.
    _als_werkgever(page, omgeving, live_server.url)
    page.goto("/aanvragen/")
    page.get_by_role("link", name=zaaknummer).click()
    expect(page.get_by_test_id("open-vraag")).to_contain_text("Hoeveel functies vervallen er?")
    page.get_by_test_id("beantwoorden").click()
    controleer_toegankelijkheid(page)
    page.get_by_label("Uw antwoord").fill("Drie functies in de bezorging.")
    page.get_by_role("button", name="Antwoord versturen").click()
    expect(page.get_by_test_id("status")).to_have_text("In behandeling")
    expect(page.get_by_test_id("historie")).to_contain_text("Drie functies in de bezorging.")

    # The behandelaar refuses, with a motivation; the letter goes to the inbox.
    _als_behandelaar(page, behandelaar, live_server.url)
    _besluit(page, zaaknummer, "Afgewezen", "De herplaatsingsmogelijkheden zijn niet onderzocht.")

    # The werkgever objects against the decision, from the case in its list.
    _naar_zaak(page, omgeving, live_server.url, zaaknummer, "Afgewezen")
    page.get_by_test_id("bezwaar-maken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bezwaar maken tegen een besluit")
    expect(page.get_by_test_id("besluitgegevens")).to_contain_text(werknemer.bsn)
    expect(page.get_by_test_id("termijn")).to_contain_text("tot en met")
    controleer_toegankelijkheid(page)
    page.get_by_label("Waarom bent u het niet eens met het besluit?").fill(
        "De herplaatsing is wel onderzocht; zie bijlage B."
    )
    page.get_by_role("button", name="Bezwaar indienen").click()
    expect(page.get_by_test_id("bezwaar")).to_contain_text(zaaknummer)
    expect(page.get_by_test_id("status")).to_have_text("Ontvangen")
    bezwaarnummer = Zaak.objects.exclude(zaaknummer=zaaknummer).get().zaaknummer
    controleer_toegankelijkheid(page)

    # The bezwaar is a case the behandelaar decides.
    _als_behandelaar(page, behandelaar, live_server.url)
    _besluit(page, bezwaarnummer, "Toegekend", "Het bezwaar is gegrond.")
    _naar_zaak(page, omgeving, live_server.url, bezwaarnummer, "Toegekend")
