"""Factories for test data; numbers are valid (11-check) and unique per sequence."""

import itertools
from datetime import date
from decimal import Decimal
from typing import Any

import factory
from django.contrib.auth.models import User
from django.utils import timezone

from verzuimportaal.dossier import termijnstand
from verzuimportaal.toegang.actor import Actor, Route
from verzuimportaal.toegang.models import Lidmaatschap, alle_lokale_rechten
from verzuimportaal.verzuim.models import MutatieSoort, Verzuimgeval, Verzuimmutatie
from verzuimportaal.werkgevers.models import Intermediair, Loonheffingennummer, Werkgever
from verzuimportaal.werkgevers.service import markeer_gegevens_gewijzigd
from verzuimportaal.werknemers.models import Werknemer

_ELFPROEF: list[str] = []


def elfproef_nummer(n: int) -> str:
    """The n-th 9-digit number (from 100000000 up) that passes the 11-check (memoised)."""
    kandidaat = int(_ELFPROEF[-1]) + 1 if _ELFPROEF else 100_000_000
    while len(_ELFPROEF) <= n:
        s = str(kandidaat)
        som = sum(int(c) * w for c, w in zip(s, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))
        if som % 11 == 0:
            _ELFPROEF.append(s)
        kandidaat += 1
    return _ELFPROEF[n]


class WerkgeverFactory(factory.django.DjangoModelFactory[Werkgever]):
    class Meta:
        model = Werkgever

    kvk_nummer = factory.Sequence(lambda n: f"{10000000 + n:08d}")
    naam = factory.Sequence(lambda n: f"Werkgever {n} B.V.")


class IntermediairFactory(factory.django.DjangoModelFactory[Intermediair]):
    class Meta:
        model = Intermediair

    kvk_nummer = factory.Sequence(lambda n: f"{20000000 + n:08d}")
    naam = factory.Sequence(lambda n: f"Adviesbureau {n}")


class LoonheffingennummerFactory(factory.django.DjangoModelFactory[Loonheffingennummer]):
    class Meta:
        model = Loonheffingennummer

    werkgever = factory.SubFactory(WerkgeverFactory)
    nummer = factory.Sequence(lambda n: f"{elfproef_nummer(n)}L01")
    actief = True
    geactiveerd_op = factory.LazyFunction(timezone.now)  # activated by verificatiecode (seed 003)


def als_service(werkgever_id: int) -> None:
    """Data made by a factory counts as a write: the werkgever's data version goes up, as in
    the services, so no cached figure hides it (ADR 0011)."""
    markeer_gegevens_gewijzigd(werkgever_ids=[werkgever_id])


class WerknemerFactory(factory.django.DjangoModelFactory[Werknemer]):
    class Meta:
        model = Werknemer
        skip_postgeneration_save = True

    loonheffingennummer = factory.SubFactory(LoonheffingennummerFactory)
    bsn = factory.Sequence(lambda n: elfproef_nummer(500 + n))
    voornaam = factory.Sequence(lambda n: f"Voornaam{n}")
    achternaam = factory.Sequence(lambda n: f"Achternaam{n}")
    geboortedatum = date(1985, 3, 14)
    datum_in_dienst = date(2020, 1, 1)
    contracturen_per_week = Decimal("40")
    deeltijdfactor = Decimal("1.000")

    @factory.post_generation
    def gegevensversie(obj, create, extracted, **kwargs):
        if create:
            als_service(obj.loonheffingennummer.werkgever_id)


class GebruikerFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Gebruiker{n}")
    password = factory.PostGenerationMethodCall("set_password", "Wachtwoord-123")

    @factory.post_generation
    def opslaan(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class LidmaatschapFactory(factory.django.DjangoModelFactory[Lidmaatschap]):
    class Meta:
        model = Lidmaatschap

    gebruiker = factory.SubFactory(GebruikerFactory)
    werkgever = factory.SubFactory(WerkgeverFactory)
    rechten = factory.LazyFunction(alle_lokale_rechten)  # the four local rights (seed 004)


class VerzuimgevalFactory(factory.django.DjangoModelFactory[Verzuimgeval]):
    """An open spell with its ziekmelding mutation (100 %)."""

    class Meta:
        model = Verzuimgeval
        skip_postgeneration_save = True

    werknemer = factory.SubFactory(WerknemerFactory)
    # Own prefix: never collides with numbers the service hands out (YYYY-NNNNN).
    verzuimnummer = factory.Sequence(lambda n: f"F-{n + 1:06d}")
    werkgever = factory.LazyAttribute(lambda o: o.werknemer.loonheffingennummer.werkgever)
    eerste_ziektedag = date(2026, 11, 2)
    gemeld_op = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def ziekmelding(obj, create, extracted, **kwargs):
        if create:
            Verzuimmutatie.objects.create(
                verzuimgeval=obj,
                soort=MutatieSoort.ZIEKMELDING,
                ingangsdatum=obj.eerste_ziektedag,
                percentage_arbeidsongeschikt=100,
                geregistreerd_op=timezone.now(),
                geregistreerd_door_naam="Test",
            )
            als_service(obj.werknemer.loonheffingennummer.werkgever_id)
            # The open Poortwachter steps stored per werknemer, as the services keep them.
            termijnstand.werk_bij(werknemer_ids=[obj.werknemer_id])


def actor_voor(lidmaatschap: Lidmaatschap) -> Actor:
    rechten, wijzigrechten = lidmaatschap.dienstrechten()
    return Actor(
        werkgever=lidmaatschap.werkgever,
        rechten=rechten,
        wijzigrechten=wijzigrechten,
        route=Route.LOKAAL,
        gebruiker=lidmaatschap.gebruiker,
        weergavenaam=lidmaatschap.gebruiker.get_full_name(),
    )


_bsn_prefixen = itertools.count(20_000_000)


def geldig_bsn() -> str:
    """A fresh BSN passing the 11-check, computed directly; never equal to a factory BSN."""
    for prefix in _bsn_prefixen:
        cijfers = str(prefix)
        controle = sum(int(c) * w for c, w in zip(cijfers, range(9, 1, -1), strict=True)) % 11
        if controle < 10:
            return f"{cijfers}{controle}"
    raise AssertionError("unreachable")


def werknemer_bij(omgeving: Any, **velden: object) -> Werknemer:
    """A werknemer on the loonheffingennummer of a test ``Omgeving`` (conftest.py)."""
    return WerknemerFactory(
        loonheffingennummer=omgeving.loonheffingennummer, bsn=geldig_bsn(), **velden
    )
