"""Helpers for the browser tests: logging in through the real form and running axe-core."""

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.factories import (
    LidmaatschapFactory,
    LoonheffingennummerFactory,
    VerzuimgevalFactory,
    WerknemerFactory,
    actor_voor,
)
from verzuimportaal.toegang.models import Lidmaatschap
from verzuimportaal.verzuim import service as verzuim_service
from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.werkgevers.models import Loonheffingennummer, Werkgever
from verzuimportaal.werknemers.models import Werknemer

WACHTWOORD = "Wachtwoord-123"  # set by tests.factories.GebruikerFactory

AXE_BRON = (Path(__file__).parent / "assets" / "axe.min.js").read_text(encoding="utf-8")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
ERNSTIG = {"serious", "critical"}


@dataclass
class Omgeving:
    """One werkgever with a loonheffingennummer and a local account with the right 'alles'."""

    werkgever: Werkgever
    loonheffingennummer: Loonheffingennummer
    lidmaatschap: Lidmaatschap

    @property
    def gebruiker(self) -> User:
        return self.lidmaatschap.gebruiker

    def werknemer(self, **kwargs: Any) -> Werknemer:
        return WerknemerFactory.create(loonheffingennummer=self.loonheffingennummer, **kwargs)

    def ziek(self, werknemer: Werknemer, *, dagen_geleden: int) -> Verzuimgeval:
        """An open spell with its ziekmelding, starting ``dagen_geleden`` days before today."""
        return VerzuimgevalFactory.create(
            werknemer=werknemer,
            eerste_ziektedag=timezone.localdate() - timedelta(days=dagen_geleden),
        )

    def gedeeltelijk_hersteld(
        self, geval: Verzuimgeval, *, dagen_geleden: int, percentage: int
    ) -> None:
        verzuim_service.meld_gedeeltelijk_hersteld(
            door=actor_voor(self.lidmaatschap),
            verzuimgeval=geval,
            ingangsdatum=timezone.localdate() - timedelta(days=dagen_geleden),
            percentage_arbeidsongeschikt=percentage,
        )


def maak_omgeving() -> Omgeving:
    lhnr = LoonheffingennummerFactory()
    lidmaatschap = LidmaatschapFactory(
        werkgever=lhnr.werkgever,
        gebruiker__first_name="Fatima",
        gebruiker__last_name="El Amrani",
    )
    return Omgeving(werkgever=lhnr.werkgever, loonheffingennummer=lhnr, lidmaatschap=lidmaatschap)


def inloggen(page: Page, gebruikersnaam: str, wachtwoord: str = WACHTWOORD) -> None:
    """Log in through the login form, like a user does (no force_login), with the SMS code.

    The account gets an SMS device if it has none; the code is read from the test gateway's
    outbox (``accounts.SmsBericht``), as a user reads it from the phone (DOMAIN §9).
    """
    from verzuimportaal.accounts.models import SmsApparaat, SmsBericht

    gebruiker = User.objects.get(username=gebruikersnaam)
    SmsApparaat.objects.get_or_create(
        user=gebruiker, defaults={"name": "Sms", "telefoonnummer": "0612345678", "confirmed": True}
    )
    page.goto("/account/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
    page.get_by_label("Wachtwoord").fill(wachtwoord)
    page.get_by_role("button", name="Inloggen").click()
    if "/account/inloggen/code/" in page.url:
        bericht = SmsBericht.objects.filter(gebruiker=gebruiker).first()
        assert bericht is not None, "geen sms met een code verstuurd"
        page.get_by_label("Verificatiecode").fill(re.findall(r"\b\d{6}\b", bericht.tekst)[0])
        page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()


def controleer_stijlen_geladen(page: Page) -> None:
    """The portal CSS is served: the header has its dark blue background, not transparent."""
    achtergrond = page.locator("header.vp-kop").evaluate(
        "el => getComputedStyle(el).backgroundColor"
    )
    assert achtergrond == "rgb(21, 66, 115)", f"portaal.css niet geladen: {achtergrond}"


def axe_resultaat(page: Page) -> dict[str, Any]:
    """Run axe-core (WCAG 2.2 A/AA tags) on the current page.

    The pages send ``script-src 'self'``, so a script tag with axe would be blocked; evaluating
    the source through the DevTools protocol is not subject to the page's CSP.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_BRON)
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        AXE_TAGS,
    )


def beschrijf(schendingen: list[dict[str, Any]]) -> str:
    regels = []
    for s in schendingen:
        regels.append(f"[{s['impact']}] {s['id']}: {s['help']} ({s['helpUrl']})")
        for node in s["nodes"][:5]:
            regels.append(f"    {json.dumps(node['target'])}: {node['failureSummary']}")
            regels.append(f"        {re.sub(r'\\s+', ' ', node['html'])[:200]}")
    return "\n".join(regels)


def controleer_toegankelijkheid(page: Page) -> list[dict[str, Any]]:
    """Fail on serious or critical axe violations; return the lesser ones for reporting."""
    controleer_stijlen_geladen(page)
    schendingen = axe_resultaat(page)["violations"]
    ernstig = [s for s in schendingen if s["impact"] in ERNSTIG]
    assert not ernstig, f"axe op {page.url}:\n{beschrijf(ernstig)}"
    return schendingen


def vul_datum(page: Page, veld: str, datum: date) -> None:
    """Fill a day/month/year date input (``utils.forms.DatumInput``), as a user types it."""
    groep = page.get_by_role(
        "group", name=re.compile(rf"^{re.escape(veld)}( \(niet verplicht\))?$")
    )
    groep.get_by_label("Dag").fill(str(datum.day))
    groep.get_by_label("Maand").fill(str(datum.month))
    groep.get_by_label("Jaar").fill(str(datum.year))
