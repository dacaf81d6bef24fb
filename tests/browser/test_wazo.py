"""End to end in chromium: a WAZO aanvraag from the werkgever's melding to the operator's decision
and the decision letter in the werkgever's inbox (DOMAIN §7.1, ADR 0026, ADR 0027).

Dates are relative to today (the leave starts in 20 days, inside the application window), so the
test does not age.
"""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.utils import timezone
from playwright.sync_api import Page, expect

from conftest import ingelogde_gebruiker
from tests.browser.hulp import Omgeving, controleer_toegankelijkheid, vul_datum
from tests.factories import GebruikerFactory

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def _als(page: Page, gebruiker, adres: str) -> None:
    """A logged-in session with its second factor done (the login flow is tested elsewhere)."""
    page.context.clear_cookies()
    cookie = ingelogde_gebruiker(gebruiker).cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": adres}])


def test_wazo_aanvraag_tot_besluit(
    page: Page, omgeving: Omgeving, live_server, prive_opslag
) -> None:
    werkneemster = omgeving.werknemer(voornaam="Noor", achternaam="Bakker")
    ingang = timezone.localdate() + timedelta(days=20)
    uitgerekend = ingang + timedelta(days=41)
    laatste = uitgerekend + timedelta(days=70)

    # The werkgever reports the leave from the employee's page.
    _als(page, omgeving.gebruiker, live_server.url)
    page.goto(f"/werknemers/{werkneemster.uuid}/")
    page.get_by_test_id("zwangerschapsverlof-melden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Zwangerschaps- en bevallingsverlof melden"
    )
    controleer_toegankelijkheid(page)
    vul_datum(page, "Uitgerekende datum", uitgerekend)
    vul_datum(page, "Ingangsdatum zwangerschapsverlof", ingang)
    page.get_by_role("button", name="Verlof melden").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Zwangerschaps- en bevallingsverlof")
    expect(page.get_by_test_id("periode")).to_contain_text(
        f"{ingang:%d-%m-%Y} tot en met {laatste:%d-%m-%Y}"
    )
    expect(page.get_by_test_id("zaak")).to_be_visible()
    zaaknummer = page.get_by_test_id("zaak").inner_text()
    expect(page.get_by_role("main")).to_contain_text("ontvangen")
    controleer_toegankelijkheid(page)

    # A behandelaar of the operator takes the case and decides.
    behandelaar = GebruikerFactory(is_staff=True, first_name="Bea", last_name="Handelaar")
    behandelaar.user_permissions.add(
        Permission.objects.get(codename="behandelen", content_type__app_label="aanvragen")
    )
    _als(page, behandelaar, live_server.url)
    page.goto("/beheer/behandeling/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Zaken in behandeling")
    controleer_toegankelijkheid(page)
    page.get_by_role("link", name=zaaknummer).click()
    page.get_by_test_id("toewijzen").click()
    expect(page.get_by_test_id("status")).to_have_text("In behandeling")
    controleer_toegankelijkheid(page)
    page.get_by_test_id("besluit-nemen").click()
    page.get_by_label("Toegekend").check()
    page.get_by_label("Toelichting (motivering)").fill(
        "Het verlof past in de wettelijke termijnen."
    )
    controleer_toegankelijkheid(page)
    page.get_by_role("button", name="Besluit nemen").click()
    expect(page.get_by_test_id("status")).to_contain_text("Besluit genomen: toegekend")

    # The werkgever sees the decision, the history and the letter in its inbox.
    _als(page, omgeving.gebruiker, live_server.url)
    page.goto("/aanvragen/")
    page.get_by_role("link", name=zaaknummer).click()
    expect(page.get_by_test_id("besluit")).to_contain_text("Toegekend")
    expect(page.get_by_test_id("historie")).to_contain_text("In behandeling genomen")
    controleer_toegankelijkheid(page)
    page.get_by_role("link", name="besluitbrief").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Besluit op uw aanvraag {zaaknummer}"
    )
