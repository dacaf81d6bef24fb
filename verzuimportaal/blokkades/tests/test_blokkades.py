"""Blocks (seed 003 art. 4.6, 5.1; DOMAIN §8; ADR 0006): ended on the next request, refused at
login, lifting recorded and access restored."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import eherkenning_client, ingelogde_client
from tests.factories import GebruikerFactory, LidmaatschapFactory, WerkgeverFactory
from tests.html import tekst
from verzuimportaal.blokkades import service
from verzuimportaal.blokkades.models import Blokkade, Soort
from verzuimportaal.toegang.acterend import SESSIE_WERKGEVER
from verzuimportaal.toegang.actor import beheerder
from verzuimportaal.toegang.diensten import Dienst

DASHBOARD = "/"
GEBLOKKEERD = "Uw toegang is geblokkeerd"


def is_ingelogd(client: Client) -> bool:
    return "_auth_user_id" in client.session


def blokkeer_account(gebruiker, **extra) -> Blokkade:
    return service.blokkeer(
        door=beheerder(None),
        soort=Soort.ACCOUNT,
        gebruiker=gebruiker,
        reden="Test: misbruik",
        **extra,
    )


def test_open_sessie_van_geblokkeerd_account_eindigt_bij_het_volgende_verzoek(
    werkgever_a, eigenaar
):
    assert eigenaar.get(DASHBOARD).status_code == 200
    blokkeer_account(werkgever_a.lidmaatschap.gebruiker)

    response = eigenaar.get(DASHBOARD)

    assert response.status_code == 403
    assert GEBLOKKEERD in tekst(response)
    assert not is_ingelogd(eigenaar)
    vervolg = eigenaar.get(DASHBOARD)
    assert vervolg.status_code == 302
    assert urlsplit(vervolg["Location"]).path == reverse("accounts:login")


def test_api_krijgt_json_403_en_de_sessie_eindigt(werkgever_a, eigenaar):
    blokkeer_account(werkgever_a.lidmaatschap.gebruiker)
    response = eigenaar.get("/api/v1/verzuimgevallen/")
    assert response.status_code == 403
    assert response.json() == {
        "detail": "Uw toegang tot het Verzuimportaal is geblokkeerd.",
        "geblokkeerd_tot": None,
    }
    assert not is_ingelogd(eigenaar)


def test_een_post_van_een_geblokkeerde_wordt_niet_verwerkt(werkgever_a, eigenaar):
    eigenaar.get(DASHBOARD)
    werkgever_a.verzuimgeval.refresh_from_db()
    blokkeer_account(werkgever_a.lidmaatschap.gebruiker)
    adres = reverse("verzuim:hersteld_melden", args=[werkgever_a.verzuimgeval.uuid])
    response = eigenaar.post(adres, {"soort": "volledig", "datum": "2026-11-20"})
    assert response.status_code == 403
    werkgever_a.verzuimgeval.refresh_from_db()
    assert werkgever_a.verzuimgeval.einddatum is None


def test_geblokkeerd_account_kan_niet_inloggen(werkgever_a):
    blokkeer_account(werkgever_a.lidmaatschap.gebruiker)
    client = ingelogde_client(werkgever_a.lidmaatschap)  # login() itself is refused
    assert not is_ingelogd(client)
    assert client.get(DASHBOARD).status_code == 302


def test_geblokkeerde_werkgever_kvk_kan_niet_inloggen_via_eherkenning(werkgever_a):
    kvk = werkgever_a.werkgever.kvk_nummer
    service.blokkeer(door=beheerder(None), soort=Soort.WERKGEVER, kvk_nummer=kvk, reden="Fraude")
    response = eherkenning_client(kvk, Dienst.VERZUIM_MELDEN, pseudoniem="pseudo-blok-1").get(
        DASHBOARD
    )
    assert response.status_code == 403 and GEBLOKKEERD in tekst(response)


def test_geblokkeerde_werkgever_ook_als_intermediair(werkgever_a):
    tussenpersoon = WerkgeverFactory()
    service.blokkeer(
        door=beheerder(None),
        soort=Soort.WERKGEVER,
        kvk_nummer=tussenpersoon.kvk_nummer,
        reden="Fraude",
    )
    client = eherkenning_client(
        werkgever_a.werkgever.kvk_nummer,
        Dienst.VERZUIM_MELDEN,
        pseudoniem="pseudo-blok-2",
        intermediair_kvk_nummer=tussenpersoon.kvk_nummer,
    )
    assert client.get(DASHBOARD).status_code == 403


def test_geblokkeerde_werkgever_blokkeert_lokaal_account_met_alleen_die_werkgever(werkgever_a):
    service.blokkeer(
        door=beheerder(None),
        soort=Soort.WERKGEVER,
        kvk_nummer=werkgever_a.werkgever.kvk_nummer,
        reden="x",
    )
    assert not is_ingelogd(ingelogde_client(werkgever_a.lidmaatschap))


def test_lid_van_twee_werkgevers_kan_de_andere_nog_kiezen(werkgever_a, werkgever_b):
    gebruiker = werkgever_a.lidmaatschap.gebruiker
    LidmaatschapFactory(gebruiker=gebruiker, werkgever=werkgever_b.werkgever)
    service.blokkeer(
        door=beheerder(None),
        soort=Soort.WERKGEVER,
        kvk_nummer=werkgever_a.werkgever.kvk_nummer,
        reden="x",
    )
    client = ingelogde_client(werkgever_a.lidmaatschap)
    assert is_ingelogd(client)
    sessie = client.session
    sessie[SESSIE_WERKGEVER] = werkgever_b.werkgever.pk
    sessie.save()
    assert client.get(DASHBOARD).status_code == 200
    sessie = client.session
    sessie[SESSIE_WERKGEVER] = werkgever_a.werkgever.pk  # acting for the blocked werkgever
    sessie.save()
    assert client.get(DASHBOARD).status_code == 403
    assert not is_ingelogd(client)


def test_geblokkeerd_pseudoniem_kan_niet_inloggen_ook_niet_voor_andere_kvk(
    werkgever_a, werkgever_b
):
    service.blokkeer(
        door=beheerder(None), soort=Soort.PSEUDONIEM, pseudoniem="pseudo-blok-3", reden="x"
    )
    for kvk in (werkgever_a.werkgever.kvk_nummer, werkgever_b.werkgever.kvk_nummer):
        assert (
            eherkenning_client(kvk, Dienst.VERZUIM_MELDEN, pseudoniem="pseudo-blok-3")
            .get(DASHBOARD)
            .status_code
            == 403
        )
    assert eherkenning_client(
        werkgever_a.werkgever.kvk_nummer, Dienst.VERZUIM_MELDEN, pseudoniem="pseudo-ander"
    ).get(DASHBOARD).status_code in (200, 302)


def test_pseudoniem_blokkade_voor_een_kvk_geldt_alleen_daar(werkgever_a, werkgever_b):
    service.blokkeer(
        door=beheerder(None),
        soort=Soort.PSEUDONIEM,
        pseudoniem="pseudo-blok-4",
        kvk_nummer=werkgever_a.werkgever.kvk_nummer,
        reden="x",
    )
    for omgeving, verwacht in ((werkgever_a, 403), (werkgever_b, 200)):
        kvk = omgeving.werkgever.kvk_nummer
        client = eherkenning_client(kvk, Dienst.VERZUIM_MELDEN, pseudoniem="pseudo-blok-4")
        assert client.get(DASHBOARD).status_code == verwacht


def test_opheffen_wordt_vastgelegd_en_herstelt_de_toegang(werkgever_a):
    operator = GebruikerFactory(is_staff=True)
    blokkade = blokkeer_account(werkgever_a.lidmaatschap.gebruiker)
    assert not is_ingelogd(ingelogde_client(werkgever_a.lidmaatschap))

    service.hef_op(door=beheerder(operator), blokkade=blokkade, reden="Onderzoek afgerond")

    blokkade.refresh_from_db()
    assert blokkade.opgeheven_door == operator
    assert blokkade.opgeheven_op is not None
    assert blokkade.reden_opheffing == "Onderzoek afgerond"
    assert Blokkade.objects.count() == 1  # kept as history
    client = ingelogde_client(werkgever_a.lidmaatschap)
    assert is_ingelogd(client) and client.get(DASHBOARD).status_code == 200
    with pytest.raises(ValidationError, match="al opgeheven"):
        service.hef_op(door=beheerder(operator), blokkade=blokkade)


def test_tijdelijke_blokkade_verloopt_vanzelf(werkgever_a, eigenaar):
    nu = timezone.now()
    blokkeer_account(
        werkgever_a.lidmaatschap.gebruiker, van=nu - timedelta(days=2), tot=nu - timedelta(days=1)
    )
    assert eigenaar.get(DASHBOARD).status_code == 200
    blokkeer_account(werkgever_a.lidmaatschap.gebruiker, tot=nu + timedelta(days=1))
    response = eigenaar.get(DASHBOARD)
    assert response.status_code == 403
    assert "geblokkeerd tot" in tekst(response)


def test_controle_is_een_query_per_verzoek(werkgever_a, eigenaar):
    eigenaar.get(DASHBOARD)
    with CaptureQueriesContext(connection) as queries:
        eigenaar.get(DASHBOARD)
    assert len([q for q in queries.captured_queries if "blokkades_blokkade" in q["sql"]]) == 1


@pytest.mark.parametrize(
    ("velden", "fout"),
    [
        ({"soort": Soort.ACCOUNT}, "gebruiker"),
        ({"soort": Soort.PSEUDONIEM, "pseudoniem": " "}, "pseudoniem"),
        ({"soort": Soort.WERKGEVER, "kvk_nummer": "1234"}, "kvk_nummer"),
        ({"soort": Soort.WERKGEVER, "kvk_nummer": "12345678", "reden": ""}, "reden"),
    ],
)
def test_onvolledige_blokkade_geweigerd(db, velden, fout):
    with pytest.raises(ValidationError) as uitzondering:
        service.blokkeer(door=beheerder(None), **{"reden": "x", **velden})
    assert fout in uitzondering.value.message_dict
    assert not Blokkade.objects.exists()
