"""Route B in chromium (seed 002): the werkgever grants a known advisor access, confirms it with
the e-mailed link, the advisor logs in and works for the werkgever; after revocation the advisor's
next request is refused. The e-mail is read from Django's locmem outbox: the live server runs in
this process, so its outbox is ``django.core.mail.outbox``.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import Page, expect
from pytest_playwright import CreateContextCallback

from tests.browser.hulp import Omgeving, controleer_toegankelijkheid, inloggen
from verzuimportaal.machtigingen.tests.factories import AdviseurFactory, AdviseurMedewerkerFactory

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_werkgever_verleent_adviseur_toegang_en_trekt_die_in(
    page: Page, new_context: CreateContextCallback, omgeving: Omgeving
) -> None:
    omgeving.gebruiker.email = "hr@bakkerij.example"
    omgeving.gebruiker.save(update_fields=["email"])
    werknemer = omgeving.werknemer(voornaam="Ilse", achternaam="Zeeman")
    adviseur = AdviseurFactory.create(naam="Advies Oost B.V.", kvk_nummer="73019552")
    medewerker = AdviseurMedewerkerFactory.create(
        adviseur=adviseur, gebruiker__first_name="Sven", gebruiker__last_name="Bakker"
    )

    # The werkgever requests access for the advisor's KvK, level "bekijken".
    inloggen(page, omgeving.gebruiker.username)
    page.goto("/machtigingen/toegang-verlenen/")
    controleer_toegankelijkheid(page)
    page.get_by_label("KvK-nummer van uw adviseur").fill("73019552")
    page.get_by_label("Bekijken", exact=True).check()
    page.get_by_role("button", name="Toegang aanvragen").click()
    expect(page.get_by_text("Wacht op bevestiging")).to_be_visible()
    controleer_toegankelijkheid(page)

    # Before the confirmation the advisor has no access at all.
    adviseur_pagina = new_context().new_page()
    inloggen(adviseur_pagina, medewerker.gebruiker.username)
    adviseur_pagina.goto("/werknemers/")
    expect(adviseur_pagina.get_by_text("nog door geen enkele werkgever")).to_be_visible()

    # The werkgever opens the link from the e-mail and confirms.
    assert [m.to for m in mail.outbox] == [["hr@bakkerij.example"]]
    link = re.search(r"https?://\S+/machtigingen/bevestigen/\?t=[\w-]+", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    delen = urlsplit(link.group(0))
    page.goto(f"{delen.path}?{delen.query}")
    expect(page.get_by_text("Advies Oost B.V. (KvK 73019552)")).to_be_visible()
    controleer_toegankelijkheid(page)
    page.get_by_role("button", name="Toegang bevestigen").click()
    rij = page.get_by_test_id("adviseurtoegang")
    expect(rij).to_contain_text("Actief")
    expect(rij).to_contain_text("Bekijken")

    # The advisor now works for the werkgever, view only.
    adviseur_pagina.goto("/werknemers/")
    expect(adviseur_pagina.get_by_test_id("acterend-voor")).to_have_text(omgeving.werkgever.naam)
    expect(adviseur_pagina.get_by_text("namens Advies Oost B.V.")).to_be_visible()
    expect(adviseur_pagina.get_by_role("link", name=re.compile("Zeeman"))).to_be_visible()
    expect(adviseur_pagina.get_by_role("link", name="Werknemer aanmelden")).to_have_count(0)
    controleer_toegankelijkheid(adviseur_pagina)

    # The werkgever revokes; the advisor's next request is refused.
    page.get_by_role("link", name="Intrekken voor Advies Oost B.V.").click()
    page.get_by_role("button", name="Intrekken").click()
    expect(page.get_by_text("Ingetrokken toegang (1)")).to_be_visible()

    adviseur_pagina.goto(f"/werknemers/{werknemer.uuid}/")
    expect(adviseur_pagina.get_by_text("ingetrokken of niet meer geldig")).to_be_visible()
    expect(adviseur_pagina.get_by_text("Zeeman")).to_have_count(0)
