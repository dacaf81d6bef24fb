"""Deny by default: the access fetchers and the acting context (ADR 0002, DOMAIN §9).

The per-URL matrix lives in ``test_toegang_per_view.py``; this module tests the building blocks
and the flows around the acting werkgever (revocation, choosing, tampering).
"""

from dataclasses import asdict

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import Client
from django.urls import reverse

from conftest import Omgeving, ingelogde_client
from tests.factories import (
    GebruikerFactory,
    LidmaatschapFactory,
    LoonheffingennummerFactory,
    VerzuimgevalFactory,
    WerkgeverFactory,
    WerknemerFactory,
)
from verzuimportaal.eherkenning.sessie import SESSIE_EHERKENNING, EHerkenningContext
from verzuimportaal.toegang import access
from verzuimportaal.toegang.acterend import SESSIE_WERKGEVER
from verzuimportaal.toegang.actor import Actor, Route
from verzuimportaal.toegang.diensten import Dienst


def detail_url(omgeving: Omgeving) -> str:
    return reverse("werknemers:detail", args=[omgeving.werknemer.uuid])


def zet_sessie(client: Client, **waarden: object) -> None:
    sessie = client.session
    sessie.update(waarden)
    sessie.save()


# --- the fetchers ----------------------------------------------------------------------------


def test_lijsten_bevatten_alleen_eigen_werkgever(werkgever_a, werkgever_b):
    actor = werkgever_a.actor
    assert list(access.werknemers(actor)) == [werkgever_a.werknemer]
    assert list(access.verzuimgevallen(actor)) == [werkgever_a.verzuimgeval]
    assert {m.verzuimgeval for m in access.mutaties(actor)} == {werkgever_a.verzuimgeval}
    assert list(access.loonheffingennummers(actor)) == [werkgever_a.loonheffingennummer]


def test_inactief_loonheffingennummer_verbergt_zijn_werknemers_en_verzuimen(werkgever_a):
    inactief = LoonheffingennummerFactory(werkgever=werkgever_a.werkgever, actief=False)
    werknemer = WerknemerFactory(loonheffingennummer=inactief)
    geval = VerzuimgevalFactory(werknemer=werknemer)
    actor = werkgever_a.actor

    assert inactief not in access.loonheffingennummers(actor)
    assert werknemer not in access.werknemers(actor)
    assert geval not in access.verzuimgevallen(actor)
    assert not access.mutaties(actor).filter(verzuimgeval=geval).exists()
    with pytest.raises(Http404):
        access.werknemer(actor, uuid=werknemer.uuid)
    with pytest.raises(Http404):
        access.verzuimgeval(actor, uuid=geval.uuid)


def test_object_van_andere_werkgever_geeft_404(werkgever_a, werkgever_b):
    actor = werkgever_a.actor
    assert access.werknemer(actor, uuid=werkgever_a.werknemer.uuid) == werkgever_a.werknemer
    assert access.verzuimgeval(actor, uuid=werkgever_a.verzuimgeval.uuid) == (
        werkgever_a.verzuimgeval
    )
    with pytest.raises(Http404):
        access.werknemer(actor, uuid=werkgever_b.werknemer.uuid)
    with pytest.raises(Http404):
        access.verzuimgeval(actor, uuid=werkgever_b.verzuimgeval.uuid)


@pytest.mark.parametrize("uuid", ["geen-uuid", "", "00000000-0000-0000-0000-000000000000"])
def test_onbekende_of_ongeldige_uuid_geeft_404(werkgever_a, uuid):
    with pytest.raises(Http404):
        access.werknemer(werkgever_a.actor, uuid=uuid)
    with pytest.raises(Http404):
        access.verzuimgeval(werkgever_a.actor, uuid=uuid)


def test_werknemer_uuid_is_geen_verzuimgeval_uuid(werkgever_a):
    with pytest.raises(Http404):
        access.verzuimgeval(werkgever_a.actor, uuid=werkgever_a.werknemer.uuid)


def test_vereis_recht_weigert_zonder_dienst_met_nederlandse_uitleg(werkgever_a):
    actor = Actor(
        werkgever=werkgever_a.werkgever,
        rechten=frozenset({Dienst.WERKNEMERSGEGEVENS}),
        route=Route.EHERKENNING,
        gebruiker=None,
        weergavenaam="eHerkenning-gebruiker",
    )
    access.vereis_recht(actor, Dienst.WERKNEMERSGEGEVENS)
    access.vereis_recht(actor, Dienst.VERZUIM_MELDEN, Dienst.WERKNEMERSGEGEVENS)
    with pytest.raises(PermissionDenied) as fout:
        access.vereis_recht(actor, Dienst.VERZUIM_MELDEN)
    assert "niet gemachtigd" in str(fout.value)
    assert "Melden en inzien verzuimgegevens Ziektewet en WAZO" in str(fout.value)
    access.vereis_recht(werkgever_a.actor, Dienst.VERZUIM_MELDEN)  # the owner holds every service


# --- the acting werkgever across requests ----------------------------------------------------


def test_ingetrokken_lidmaatschap_werkt_direct_bij_volgend_verzoek(werkgever_a, eigenaar):
    assert eigenaar.get(detail_url(werkgever_a)).status_code == 200
    assert eigenaar.session[SESSIE_WERKGEVER] == werkgever_a.werkgever.pk

    werkgever_a.lidmaatschap.actief = False
    werkgever_a.lidmaatschap.save()

    assert eigenaar.get(detail_url(werkgever_a)).status_code == 403
    assert SESSIE_WERKGEVER not in eigenaar.session
    assert eigenaar.get(reverse("portaal:dashboard")).status_code == 403


def test_account_zonder_lidmaatschap_krijgt_403_met_uitleg(db):
    client = Client()
    client.force_login(GebruikerFactory(), backend="django.contrib.auth.backends.ModelBackend")
    response = client.get(reverse("portaal:dashboard"))
    assert response.status_code == 403
    assert "niet gekoppeld aan een werkgever" in response.content.decode()


@pytest.fixture
def twee_werkgevers(werkgever_a: Omgeving) -> tuple[Client, int]:
    """An account of werkgever A that is also a member of a second werkgever C."""
    gebruiker = werkgever_a.lidmaatschap.gebruiker
    werkgever_c = WerkgeverFactory()
    LidmaatschapFactory(gebruiker=gebruiker, werkgever=werkgever_c)
    return ingelogde_client(werkgever_a.lidmaatschap), werkgever_c.pk


def test_twee_werkgevers_gaat_eerst_naar_keuzepagina(werkgever_a, twee_werkgevers):
    client, werkgever_c = twee_werkgevers
    kies = reverse("toegang:kies_werkgever")

    response = client.get(detail_url(werkgever_a))
    assert response.status_code == 302 and response["Location"] == kies

    pagina = client.get(kies).content.decode()
    assert werkgever_a.werkgever.naam in pagina
    assert f'value="{werkgever_c}"' in pagina


def test_keuze_voor_eigen_werkgever_geeft_toegang_tot_die_werkgever(
    werkgever_a, werkgever_b, twee_werkgevers
):
    client, _ = twee_werkgevers
    response = client.post(
        reverse("toegang:kies_werkgever"), {"werkgever": werkgever_a.werkgever.pk}
    )
    assert response.status_code == 302 and response["Location"] == reverse("portaal:dashboard")
    assert client.get(detail_url(werkgever_a)).status_code == 200
    assert client.get(detail_url(werkgever_b)).status_code == 404


@pytest.mark.parametrize("keuze", ["b", "ingetrokken", "onzin", "leeg"])
def test_keuze_voor_andere_werkgever_geweigerd(werkgever_a, werkgever_b, twee_werkgevers, keuze):
    client, _ = twee_werkgevers
    ingetrokken = LidmaatschapFactory(
        gebruiker=werkgever_a.lidmaatschap.gebruiker, actief=False
    ).werkgever
    waarde = {
        "b": werkgever_b.werkgever.pk,
        "ingetrokken": ingetrokken.pk,
        "onzin": "1 OR 1=1",
        "leeg": "",
    }[keuze]

    response = client.post(reverse("toegang:kies_werkgever"), {"werkgever": waarde})

    assert response.status_code == 200
    assert "Kies een werkgever uit de lijst." in response.content.decode()
    assert SESSIE_WERKGEVER not in client.session
    assert client.get(detail_url(werkgever_b)).status_code == 302  # still no acting werkgever
    assert client.get(detail_url(werkgever_a)).status_code == 302


def test_gemanipuleerde_werkgever_in_sessie_geeft_geen_toegang(werkgever_a, werkgever_b, eigenaar):
    zet_sessie(eigenaar, **{SESSIE_WERKGEVER: werkgever_b.werkgever.pk})

    assert eigenaar.get(detail_url(werkgever_b)).status_code == 404
    # the actor falls back to the account's only own werkgever, never to B
    assert eigenaar.session[SESSIE_WERKGEVER] == werkgever_a.werkgever.pk
    assert eigenaar.get(detail_url(werkgever_a)).status_code == 200


@pytest.mark.parametrize("waarde", ["abc", "1; DROP TABLE", [1], {"id": 1}, 1.5, True])
def test_ongeldige_werkgeverwaarde_in_sessie_geeft_geen_fout_en_geen_toegang(
    werkgever_a, werkgever_b, twee_werkgevers, waarde
):
    client, _ = twee_werkgevers
    zet_sessie(client, **{SESSIE_WERKGEVER: waarde})

    response = client.get(detail_url(werkgever_a))

    assert response.status_code == 302
    assert response["Location"] == reverse("toegang:kies_werkgever")
    assert SESSIE_WERKGEVER not in client.session


def test_werkgever_kiezen_als_anoniem_gaat_naar_inloggen(werkgever_a):
    response = Client().post(reverse("toegang:kies_werkgever"), {"werkgever": 1})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


# --- eHerkenning: rights come only from the assertion ----------------------------------------


def eherkenning_client(kvk_nummer: str, *diensten: str, gebruiker=None) -> Client:
    client = Client()
    client.force_login(
        gebruiker or GebruikerFactory(), backend="django.contrib.auth.backends.ModelBackend"
    )
    context = EHerkenningContext(
        pseudoniem="pseudo-abcdef123",
        kvk_nummer=kvk_nummer,
        intermediair_kvk_nummer=None,
        niveau="EH3",
        diensten=tuple(diensten),
        ingelogd_op="2026-11-23T09:00:00+01:00",
    )
    zet_sessie(client, **{SESSIE_EHERKENNING: asdict(context)})
    return client


def test_eherkenning_actor_krijgt_alleen_de_diensten_uit_de_assertie(werkgever_a, werkgever_b):
    client = eherkenning_client(werkgever_a.werkgever.kvk_nummer, Dienst.WERKNEMERSGEGEVENS)

    assert client.get(detail_url(werkgever_a)).status_code == 200
    assert client.get(detail_url(werkgever_b)).status_code == 404
    assert client.get(reverse("verzuim:lopend")).status_code == 403
    verzuim = reverse("verzuim:detail", args=[werkgever_a.verzuimgeval.uuid])
    assert client.get(verzuim).status_code == 403


def test_eherkenning_login_kan_geen_andere_werkgever_kiezen(werkgever_a, werkgever_b):
    """One eHerkenning login represents exactly one organisation (DOMAIN §2), even for an
    account that also has a local membership of another werkgever."""
    gebruiker = werkgever_b.lidmaatschap.gebruiker
    client = eherkenning_client(
        werkgever_a.werkgever.kvk_nummer, Dienst.VERZUIM_MELDEN, gebruiker=gebruiker
    )
    assert client.get(detail_url(werkgever_a)).status_code == 200

    response = client.post(
        reverse("toegang:kies_werkgever"), {"werkgever": werkgever_b.werkgever.pk}
    )

    assert "Kies een werkgever uit de lijst." in response.content.decode()
    assert client.get(detail_url(werkgever_b)).status_code == 404


def test_eherkenning_voor_onbekende_kvk_logt_uit(werkgever_a):
    client = eherkenning_client("99999999", Dienst.VERZUIM_MELDEN)
    response = client.get(reverse("portaal:dashboard"))
    assert response.status_code == 302
    assert response["Location"] == reverse("eherkenning:geweigerd")
    assert "_auth_user_id" not in client.session
