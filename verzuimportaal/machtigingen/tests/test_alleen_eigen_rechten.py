"""Grant only what you hold (DOMAIN §3, ADR 0016) on every way rights are given: route B grants and
their level, local accounts, casemanager assignments — all through ``toegang.verlenen``."""

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import ingelogde_client
from tests.factories import GebruikerFactory, LidmaatschapFactory, actor_voor
from verzuimportaal.machtigingen import service
from verzuimportaal.machtigingen.models import (
    CASEMANAGERDIENSTEN,
    Adviseurtoegang,
    Casemanagertoewijzing,
)
from verzuimportaal.machtigingen.tests.factories import AdviseurFactory, AdviseurtoegangFactory
from verzuimportaal.toegang import verlenen
from verzuimportaal.toegang.actor import Actor, Niveau, Route, beheerder
from verzuimportaal.toegang.diensten import Dienst

pytestmark = pytest.mark.django_db

R, W, V, OV = (
    Dienst.RECHTENBEHEER,
    Dienst.WERKNEMERSGEGEVENS,
    Dienst.VERZUIM_MELDEN,
    Dienst.OVERZICHTEN,
)


@pytest.fixture
def beperkte_beheerder(werkgever_a):
    """The account from the attack: rechtenbeheer + werknemersgegevens, nothing else."""
    lid = LidmaatschapFactory(werkgever=werkgever_a.werkgever, rechten=[R, W])
    lid.gebruiker.email = "beheer@a.example"
    lid.gebruiker.save(update_fields=["email"])
    return lid


def test_niveau_verhogen_zonder_eigen_wijzigrecht_geweigerd(werkgever_a, beperkte_beheerder):
    toegang = AdviseurtoegangFactory(werkgever=werkgever_a.werkgever, diensten=[V, W, OV])
    with pytest.raises(ValidationError) as fout:
        service.wijzig_niveau(
            door=actor_voor(beperkte_beheerder), toegang=toegang, niveau=Niveau.WIJZIGEN
        )
    assert "Melden en inzien verzuimgegevens" in " ".join(fout.value.messages)
    toegang.refresh_from_db()
    assert toegang.niveau == Niveau.BEKIJKEN


def test_niveau_verhogen_via_de_pagina_en_adviseur_kan_daarna_niet_ziekmelden(
    werkgever_a, beperkte_beheerder
):
    """The attack: 302 on the level change, then 201 on POST /api/v1/ziekmeldingen/."""
    from verzuimportaal.machtigingen.tests.factories import AdviseurMedewerkerFactory

    toegang = AdviseurtoegangFactory(werkgever=werkgever_a.werkgever, diensten=[V, W, OV])
    client = ingelogde_client(beperkte_beheerder)
    adres = reverse("machtigingen:wijzigen", args=[toegang.uuid])
    antwoord = client.post(adres, {"niveau": Niveau.WIJZIGEN})
    assert antwoord.status_code == 200
    assert "die u zelf heeft" in antwoord.content.decode()
    toegang.refresh_from_db()
    assert toegang.niveau == Niveau.BEKIJKEN

    medewerker = AdviseurMedewerkerFactory(adviseur=toegang.adviseur)
    from conftest import ingelogde_gebruiker

    adviseur = ingelogde_gebruiker(medewerker.gebruiker)
    adviseur.get(reverse("portaal:dashboard"))  # the only werkgever is chosen
    melding = adviseur.post(
        "/api/v1/ziekmeldingen/",
        {"werknemer": str(werkgever_a.werknemer.uuid), "eerste_ziektedag": "2026-11-02"},
        content_type="application/json",
    )
    assert melding.status_code == 403


def test_aanvraag_met_dienst_die_de_aanvrager_niet_heeft_geweigerd(werkgever_a, beperkte_beheerder):
    adviseur = AdviseurFactory()
    with pytest.raises(ValidationError) as fout:
        service.vraag_toegang_aan(
            door=actor_voor(beperkte_beheerder),
            kvk_nummer=adviseur.kvk_nummer,
            niveau=Niveau.BEKIJKEN,
            diensten=[W, V],
        )
    assert "Melden en inzien verzuimgegevens" in " ".join(fout.value.messages)
    assert not Adviseurtoegang.objects.exists()
    # What the account does hold it may hand on, also at "bekijken en wijzigen".
    toegang = service.vraag_toegang_aan(
        door=actor_voor(beperkte_beheerder),
        kvk_nummer=adviseur.kvk_nummer,
        niveau=Niveau.WIJZIGEN,
        diensten=[W],
    )
    assert toegang.diensten == [W]


def test_alleen_bekijken_geeft_geen_wijzigen_door(werkgever_a):
    """An actor holding a service at "bekijken" may hand on "bekijken", not "wijzigen"."""
    door = Actor(
        werkgever=werkgever_a.werkgever,
        rechten=frozenset({R, V}),
        wijzigrechten=frozenset({R}),
        route=Route.EHERKENNING,
        gebruiker=werkgever_a.lidmaatschap.gebruiker,
        weergavenaam="HR",
    )
    adviseur = AdviseurFactory()
    with pytest.raises(ValidationError) as fout:
        service.vraag_toegang_aan(
            door=door, kvk_nummer=adviseur.kvk_nummer, niveau=Niveau.WIJZIGEN, diensten=[V]
        )
    assert "op het niveau 'bekijken en wijzigen'" in " ".join(fout.value.messages)
    toegang = service.vraag_toegang_aan(
        door=door,
        kvk_nummer=adviseur.kvk_nummer,
        niveau=Niveau.BEKIJKEN,
        diensten=[V],
        email="hr@a.example",
    )
    assert toegang.niveau == Niveau.BEKIJKEN


def test_niveau_verlagen_vraagt_ook_de_rechten(werkgever_a, beperkte_beheerder):
    """Taking "wijzigen" away is a change of rights too (as for local accounts)."""
    toegang = AdviseurtoegangFactory(werkgever=werkgever_a.werkgever, diensten=[V], wijzigen=True)
    with pytest.raises(ValidationError):
        service.wijzig_niveau(
            door=actor_voor(beperkte_beheerder), toegang=toegang, niveau=Niveau.BEKIJKEN
        )
    # Revoking stays possible for every rechtenbeheerder: ending access is always safe.
    service.trek_in(door=actor_voor(beperkte_beheerder), toegang=toegang)


def test_eigenaar_met_alle_rechten_mag_verhogen(werkgever_a):
    toegang = AdviseurtoegangFactory(werkgever=werkgever_a.werkgever, diensten=[V, W, OV])
    service.wijzig_niveau(door=werkgever_a.actor, toegang=toegang, niveau=Niveau.WIJZIGEN)
    toegang.refresh_from_db()
    assert toegang.niveau == Niveau.WIJZIGEN


def test_lokaal_account_via_dezelfde_regel(werkgever_a, beperkte_beheerder):
    from verzuimportaal.accounts import service as accounts_service

    with pytest.raises(ValidationError) as fout:
        accounts_service.maak_account(
            door=actor_voor(beperkte_beheerder),
            voornaam="Anna",
            achternaam="Jansen",
            email="anna@example.com",
            telefoonnummer="0612345678",
            rechten=[W, V],
        )
    assert fout.value.message_dict["rechten"] == [
        "U kunt alleen rechten toekennen of afnemen die u zelf heeft. Niet toegestaan: "
        "Ziek- en herstelmeldingen doen."
    ]


def test_casemanager_toewijzen_alleen_door_beheerder_met_permissie(werkgever_a):
    casemanager = GebruikerFactory()
    zonder = GebruikerFactory(is_staff=True)
    with pytest.raises(ValidationError):
        service.wijs_casemanager_toe(
            door=beheerder(zonder), casemanager=casemanager, werkgever=werkgever_a.werkgever
        )
    assert not Casemanagertoewijzing.objects.exists()

    met = GebruikerFactory(is_staff=True)
    met.user_permissions.add(Permission.objects.get(codename="add_casemanagertoewijzing"))
    met = type(met).objects.get(pk=met.pk)  # fresh permission cache
    toewijzing = service.wijs_casemanager_toe(
        door=beheerder(met), casemanager=casemanager, werkgever=werkgever_a.werkgever
    )
    assert toewijzing.toegewezen_door == met
    # The operator hands out the casemanager services at "bekijken", never "wijzigen".
    verlener = service.casemanagerverlener(met)
    assert not verlenen.niet_gehouden(verlener, CASEMANAGERDIENSTEN, wijzigen=False)
    assert verlenen.niet_gehouden(verlener, CASEMANAGERDIENSTEN, wijzigen=True)
