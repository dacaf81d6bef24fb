"""Factories for advisors, their grants (route B) and casemanager assignments."""

from datetime import date, timedelta
from typing import Any

import factory
from django.utils import timezone

from tests.factories import GebruikerFactory, WerkgeverFactory
from verzuimportaal.machtigingen.models import (
    STANDAARD_ADVISEURDIENSTEN,
    Adviseur,
    AdviseurMedewerker,
    Adviseurtoegang,
    Casemanagertoewijzing,
    Soort,
    Status,
)
from verzuimportaal.toegang.actor import Niveau


class AdviseurFactory(factory.django.DjangoModelFactory[Adviseur]):
    class Meta:
        model = Adviseur

    kvk_nummer = factory.Sequence(lambda n: f"{30000000 + n:08d}")
    naam = factory.Sequence(lambda n: f"Adviesbureau {n} B.V.")
    soort = Soort.ADVISEUR
    vergunning_gecontroleerd_op = date(2026, 1, 15)
    actief = True


class AdviseurMedewerkerFactory(factory.django.DjangoModelFactory[AdviseurMedewerker]):
    class Meta:
        model = AdviseurMedewerker

    gebruiker = factory.SubFactory(GebruikerFactory)
    adviseur = factory.SubFactory(AdviseurFactory)


class AdviseurtoegangFactory(factory.django.DjangoModelFactory[Adviseurtoegang]):
    """A grant; default active at level "bekijken" for all numbers. Traits give other states:
    ``wijzigen``, ``onbevestigd``, ``ingetrokken``, ``verlopen`` (unconfirmed, link expired)."""

    class Meta:
        model = Adviseurtoegang
        skip_postgeneration_save = True

    werkgever = factory.SubFactory(WerkgeverFactory)
    adviseur = factory.SubFactory(AdviseurFactory)
    niveau = Niveau.BEKIJKEN
    diensten = factory.LazyFunction(lambda: list(STANDAARD_ADVISEURDIENSTEN))
    status = Status.ACTIEF
    aangevraagd_door_naam = "Test Aanvrager"
    aangevraagd_op = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    bevestigd_op = factory.LazyFunction(timezone.now)
    bevestigd_door_naam = "Test Aanvrager"

    class Params:
        wijzigen = factory.Trait(niveau=Niveau.WIJZIGEN)
        onbevestigd = factory.Trait(
            status=Status.WACHT_OP_BEVESTIGING,
            bevestigd_op=None,
            bevestigd_door_naam="",
            bevestiging_verloopt_op=factory.LazyFunction(
                lambda: timezone.now() + timedelta(days=7)
            ),
        )
        verlopen = factory.Trait(
            status=Status.WACHT_OP_BEVESTIGING,
            bevestigd_op=None,
            bevestigd_door_naam="",
            bevestiging_verloopt_op=factory.LazyFunction(
                lambda: timezone.now() - timedelta(days=1)
            ),
        )
        ingetrokken = factory.Trait(
            status=Status.INGETROKKEN,
            ingetrokken_op=factory.LazyFunction(timezone.now),
            ingetrokken_door_naam="Test Intrekker",
        )

    @factory.post_generation
    def loonheffingennummers(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.loonheffingennummers.set(extracted)


class CasemanagertoewijzingFactory(factory.django.DjangoModelFactory[Casemanagertoewijzing]):
    """An active assignment of a casemanager (a local account) to a werkgever."""

    class Meta:
        model = Casemanagertoewijzing

    gebruiker = factory.SubFactory(GebruikerFactory, first_name="Carla", last_name="Casemanager")
    werkgever = factory.SubFactory(WerkgeverFactory)
    actief = True


def adviseurtoegang_van(omgeving: Any) -> Adviseurtoegang:
    """An active grant for werkgever A of a test ``Omgeving`` (access table, conftest.py)."""
    bestaand = Adviseurtoegang.objects.filter(werkgever=omgeving.werkgever).first()
    return bestaand or AdviseurtoegangFactory(werkgever=omgeving.werkgever)
