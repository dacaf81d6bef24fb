"""Shared fixtures: two werkgevers (A and B) and users in the roles the access tests need."""

from dataclasses import dataclass

import pytest
from django.test import Client

from tests.factories import (
    LidmaatschapFactory,
    LoonheffingennummerFactory,
    VerzuimgevalFactory,
    WerknemerFactory,
    actor_voor,
)
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


@pytest.fixture
def werkgever_a(db) -> Omgeving:
    return _omgeving()


@pytest.fixture
def werkgever_b(db) -> Omgeving:
    return _omgeving()


def ingelogde_client(lidmaatschap: Lidmaatschap) -> Client:
    client = Client()
    client.force_login(lidmaatschap.gebruiker, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.fixture
def eigenaar(werkgever_a: Omgeving) -> Client:
    """Account of werkgever A with the right 'alles'."""
    return ingelogde_client(werkgever_a.lidmaatschap)


@pytest.fixture
def buitenstaander(werkgever_b: Omgeving) -> Client:
    """Account of werkgever B: must never see anything of werkgever A."""
    return ingelogde_client(werkgever_b.lidmaatschap)
