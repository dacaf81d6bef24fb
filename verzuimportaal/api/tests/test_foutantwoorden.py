"""Every error the API gives is in the contract for that operation (docs/api/openapi.yaml)."""

import json
import re
import uuid
from typing import Any

import pytest
from django.test import Client
from drf_spectacular.generators import SchemaGenerator

from conftest import eherkenning_client, ingelogde_client
from tests.factories import GebruikerFactory
from verzuimportaal.toegang.diensten import Dienst

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def contract() -> dict[str, Any]:
    return SchemaGenerator().get_schema(request=None, public=True)


def gedocumenteerd(contract: dict[str, Any], methode: str, pad: str) -> set[str]:
    for sjabloon, operaties in contract["paths"].items():
        if re.fullmatch(re.sub(r"\{[^}]+\}", "[^/]+", sjabloon), pad):
            return set(operaties[methode.lower()]["responses"])
    raise AssertionError(f"{methode} {pad} staat niet in het contract")


def test_elke_operatie_noemt_de_foutcodes(contract):
    for pad, operaties in contract["paths"].items():
        for methode, operatie in operaties.items():
            codes = set(operatie["responses"])
            assert {"401", "403", "404"} <= codes, (methode, pad)
            if methode == "post":
                assert {"400", "409", "422", "503"} <= codes, (methode, pad)
            for code in codes - {"200", "201"}:
                assert operatie["responses"][code]["description"], (methode, pad, code)


def test_werkelijke_fouten_staan_in_het_contract(contract, werkgever_a, werkgever_b):
    eigenaar = ingelogde_client(werkgever_a.lidmaatschap)
    vreemd = str(uuid.uuid4())
    zonder_dienst = eherkenning_client(werkgever_a.werkgever.kvk_nummer, Dienst.OVERZICHTEN)
    zonder_tweede_factor = Client()
    zonder_tweede_factor.force_login(werkgever_a.lidmaatschap.gebruiker)
    zonder_werkgever = ingelogde_client_zonder_werkgever()
    ziek = "/api/v1/ziekmeldingen/"
    gevallen: list[tuple[Client, str, str, Any, int]] = [
        (zonder_tweede_factor, "GET", "/api/v1/werknemers/", None, 401),
        (zonder_dienst, "GET", "/api/v1/verzuimgevallen/", None, 403),
        (zonder_werkgever, "GET", "/api/v1/werknemers/", None, 403),
        (Client(), "POST", ziek, {}, 401),
        (eigenaar, "GET", f"/api/v1/werknemers/{vreemd}/", None, 404),
        (eigenaar, "GET", f"/api/v1/werknemers/{werkgever_b.werknemer.uuid}/", None, 404),
        (eigenaar, "GET", "/api/v1/werknemers/?page=99", None, 404),
        (eigenaar, "POST", ziek, {"werknemer": vreemd, "eerste_ziektedag": "2026-11-20"}, 404),
        (eigenaar, "POST", ziek, {"werknemer": "x"}, 400),
        (eigenaar, "POST", f"/api/v1/verzuimgevallen/{vreemd}/herstelmelding/", {}, 404),
    ]
    for client, methode, pad, data, verwacht in gevallen:
        if methode == "GET":
            antwoord = client.get(pad)
        else:
            antwoord = client.post(pad, json.dumps(data), content_type="application/json")
        assert antwoord.status_code == verwacht, (methode, pad, antwoord.content[:200])
        assert str(verwacht) in gedocumenteerd(contract, methode, pad.split("?")[0]), (
            methode,
            pad,
        )


def ingelogde_client_zonder_werkgever() -> Client:
    from conftest import ingelogde_gebruiker

    return ingelogde_gebruiker(GebruikerFactory())
