"""Browser tests: Debian chromium via Playwright against pytest-django's live server.

The browser is never downloaded: pytest-playwright's fixtures launch the chromium given in
``CHROMIUM_PATH`` (default ``/usr/bin/chromium``). Without it the browser tests fail; they never
skip. Playwright's sync API runs an event loop in the test thread, so Django's async-safety check
is switched off for the ORM calls the tests make (the Makefile sets the same variable).
"""

import os
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Error, Page, Request, Response

from tests.browser.hulp import Omgeving, maak_omgeving

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_STANDAARD = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",  # the suite runs as root
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    # The machine has no network: nothing may phone home.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
STANDAARD_TIMEOUT_MS = 10_000


@pytest.fixture(autouse=True)
def _klok_van_de_machine(request: pytest.FixtureRequest) -> None:
    """Browser tests run on the machine's clock (``make test-datums`` moves it for the live server
    and Chromium alike, ADR 0012). A frozen Python clock would not reach Chromium, which decides
    itself whether the session cookie has expired."""
    if request.node.get_closest_marker("klok"):
        pytest.fail(
            "Een browsertest gebruikt de klok van de machine, niet de marker klok (ADR 0012).",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def chromium_pad() -> str:
    """The chromium binary; its absence fails the run loudly instead of skipping."""
    pad = os.environ.get("CHROMIUM_PATH") or CHROMIUM_STANDAARD
    if not (os.path.isfile(pad) and os.access(pad, os.X_OK)):
        pytest.fail(
            f"FOUT: chromium niet gevonden op {pad!r} (CHROMIUM_PATH). Installeer het "
            "Debian-pakket chromium (zie .ci/run); 'playwright install' wordt niet gebruikt.",
            pytrace=False,
        )
    return pad


@pytest.fixture(scope="session")
def browser_type_launch_args(
    browser_type_launch_args: dict[str, Any], chromium_pad: str
) -> dict[str, Any]:
    args = CHROMIUM_ARGS
    if browser_type_launch_args.get("headless") is False:  # pytest --headed
        args = [a for a in args if not a.startswith("--headless")]
    return {**browser_type_launch_args, "executable_path": chromium_pad, "args": args}


@pytest.fixture(scope="session")
def base_url(live_server) -> str:
    """Relative URLs in page.goto() and expect().to_have_url() go to the live server."""
    return live_server.url


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_context_args,
        "locale": "nl-NL",
        "timezone_id": "Europe/Amsterdam",
        "viewport": {"width": 1280, "height": 900},
    }


@pytest.fixture
def page(page: Page) -> Iterator[Page]:
    """pytest-playwright's page with a shorter timeout.

    A JavaScript error, or a static file (CSS, JS) that does not load, fails the test: the live
    server must serve the real assets for the layout and the axe contrast checks to mean anything.
    """
    page.set_default_timeout(STANDAARD_TIMEOUT_MS)
    js_fouten: list[Error] = []
    statisch_mislukt: list[str] = []

    def antwoord(response: Response) -> None:
        if "/static/" in response.url and response.status not in (200, 304):
            statisch_mislukt.append(f"{response.status} {response.url}")

    def mislukt(request: Request) -> None:
        # ERR_ABORTED is the browser cancelling a pending load because the test navigated on
        # (a click before the stylesheet finished); a missing or broken file is a response
        # status above or a connection error here.
        if "/static/" in request.url and request.failure != "net::ERR_ABORTED":
            statisch_mislukt.append(f"{request.failure} {request.url}")

    page.on("pageerror", lambda fout: js_fouten.append(fout))
    page.on("response", antwoord)
    page.on("requestfailed", mislukt)
    yield page
    assert not js_fouten, f"JavaScript-fouten op de pagina: {js_fouten}"
    assert not statisch_mislukt, f"Statische bestanden niet geladen: {statisch_mislukt}"


@pytest.fixture
def omgeving(live_server) -> Omgeving:
    """Werkgever A; ``live_server`` makes the test transactional so the server sees the data."""
    return maak_omgeving()


@pytest.fixture
def andere_omgeving(live_server) -> Omgeving:
    """Werkgever B: its data must stay invisible to the account of werkgever A."""
    return maak_omgeving()
