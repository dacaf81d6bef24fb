"""Shared fixtures: two werkgevers (A and B) and users in the roles the access tests need."""

import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage
from django.test import Client
from django.utils import translation
from freezegun import freeze_time
from freezegun.api import FrozenDateTimeFactory, StepTickTimeFactory, TickingDateTimeFactory
from privates.storages import private_media_storage

from tests.factories import (
    GebruikerFactory,
    LidmaatschapFactory,
    LoonheffingennummerFactory,
    VerzuimgevalFactory,
    WerknemerFactory,
    actor_voor,
)
from verzuimportaal.eherkenning.sessie import SESSIE_EHERKENNING, EHerkenningContext
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.models import Lidmaatschap
from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.werkgevers.models import Loonheffingennummer, Werkgever
from verzuimportaal.werknemers.models import Werknemer


@dataclass
class Omgeving:
    """One werkgever with a number, an employee, an open spell and its owner account."""

    werkgever: Werkgever
    loonheffingennummer: Loonheffingennummer
    werknemer: Werknemer
    verzuimgeval: Verzuimgeval
    lidmaatschap: Lidmaatschap

    @property
    def actor(self) -> Actor:
        return actor_voor(self.lidmaatschap)


def _omgeving() -> Omgeving:
    lhnr = LoonheffingennummerFactory()
    werknemer = WerknemerFactory(loonheffingennummer=lhnr)
    return Omgeving(
        werkgever=lhnr.werkgever,
        loonheffingennummer=lhnr,
        werknemer=werknemer,
        verzuimgeval=VerzuimgevalFactory(werknemer=werknemer),
        lidmaatschap=LidmaatschapFactory(werkgever=lhnr.werkgever),
    )


def _machinedatum() -> str:
    """Today by the machine's clock and time zone (what ``faketime "2028-02-29 12:00"`` sets)."""
    return datetime.now().astimezone().date().isoformat()


def pytest_configure(config: pytest.Config) -> None:
    """``make test-datums`` runs the suite under libfaketime with ``TESTDATUM`` set (ADR 0012):
    stop at once when the machine clock did not move, instead of passing on the real date."""
    verwacht = os.environ.get("TESTDATUM")
    if verwacht and _machinedatum() != verwacht:
        pytest.exit(
            f"FOUT: TESTDATUM={verwacht}, maar de klok staat op {_machinedatum()}; "
            "draai de suite via `faketime` (make test-datums).",
            returncode=4,
        )


def pytest_report_header(config: pytest.Config) -> str:
    return f"klok van de machine: {_machinedatum()}"


Klok = FrozenDateTimeFactory | StepTickTimeFactory | TickingDateTimeFactory


@pytest.fixture(autouse=True)
def klok(request: pytest.FixtureRequest) -> Iterator[Klok | None]:
    """One clock for a test's fixtures and its body (ADR 0012).

    ``@pytest.mark.klok("2026-11-23")`` (on a test, a class or a module's ``pytestmark``) freezes
    time with freezegun before any function-scoped fixture runs: pytest sets up autouse fixtures
    first, so the data the fixtures make and the code under test see the same day. A
    ``@freeze_time`` decorator would freeze the test body only, while its fixtures ran on the real
    date. The marker's keyword arguments go to ``freeze_time`` (``tick=True``, ``tz_offset``).
    A test that moves the clock asks for this fixture: ``klok.move_to(...)``, ``klok.tick(...)``.
    Without the marker the fixture is ``None`` and the tests run on the machine's clock.
    """
    marker = request.node.get_closest_marker("klok")
    if marker is None:
        yield None
        return
    with freeze_time(*marker.args, **marker.kwargs) as bevroren:
        yield bevroren


@pytest.fixture(autouse=True)
def _lege_cache() -> None:
    """Every test starts with an empty cache (dashboard figures, rate limits)."""
    cache.clear()


@pytest.fixture(autouse=True)
def _nederlands() -> Iterator[None]:
    """Every test starts in Dutch, the default (ADR 0044). The language middleware activates a
    request's language and leaves it on the thread (a streamed download is written after the
    middleware returned); a later test that calls a service directly must not inherit English."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def werkgever_a(db) -> Omgeving:
    return _omgeving()


@pytest.fixture
def werkgever_b(db) -> Omgeving:
    return _omgeving()


def ingelogde_gebruiker(gebruiker: Any, **client_kwargs: object) -> Client:
    """A local account logged in with its second factor done (accounts.inlogstap, DOMAIN §9)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_email.models import EmailDevice

    client = Client(**client_kwargs)
    client.force_login(gebruiker, backend="django.contrib.auth.backends.ModelBackend")
    apparaat, _ = EmailDevice.objects.get_or_create(
        user=gebruiker, defaults={"name": "E-mail", "confirmed": True}
    )
    sessie = client.session
    sessie[DEVICE_ID_SESSION_KEY] = apparaat.persistent_id
    sessie.save()
    return client


def ingelogde_client(lidmaatschap: Lidmaatschap, **client_kwargs: object) -> Client:
    return ingelogde_gebruiker(lidmaatschap.gebruiker, **client_kwargs)


def eherkenning_client(
    kvk_nummer: str,
    *diensten: str,
    pseudoniem: str = "pseudo-test",
    intermediair_kvk_nummer: str | None = None,
    niveau: str = "EH3",
    **client_kwargs: object,
) -> Client:
    """An eHerkenning login for ``kvk_nummer`` with only the ``diensten`` the broker asserted
    (DOMAIN §2); ``intermediair_kvk_nummer`` makes it a ketenmachtiging."""
    client = Client(**client_kwargs)
    client.force_login(GebruikerFactory(), backend="django.contrib.auth.backends.ModelBackend")
    sessie = client.session
    sessie[SESSIE_EHERKENNING] = asdict(
        EHerkenningContext(
            pseudoniem=pseudoniem,
            kvk_nummer=kvk_nummer,
            intermediair_kvk_nummer=intermediair_kvk_nummer,
            niveau=niveau,
            diensten=tuple(diensten),
            ingelogd_op="2026-11-23T09:00:00+01:00",
        )
    )
    sessie.save()
    return client


@pytest.fixture
def prive_opslag(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Documents and letters go to a temporary private storage, never the repository's
    private_media (apps that store files use it autouse in their tests/conftest.py)."""
    locatie = tmp_path / "privates"
    monkeypatch.setattr(private_media_storage, "_wrapped", FileSystemStorage(location=locatie))
    return locatie


@pytest.fixture
def eigenaar(werkgever_a: Omgeving) -> Client:
    """Account of werkgever A with the right 'alles'."""
    return ingelogde_client(werkgever_a.lidmaatschap)


@pytest.fixture
def buitenstaander(werkgever_b: Omgeving) -> Client:
    """Account of werkgever B: must never see anything of werkgever A."""
    return ingelogde_client(werkgever_b.lidmaatschap)
