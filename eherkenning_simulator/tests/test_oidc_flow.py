"""The whole authorization-code flow with PKCE, as the portal runs it over HTTP."""

import re
import uuid

import pytest
from django.test import Client

from eherkenning_simulator.models import Aanmelding

from .helpers import CLIENT_ID, log_in

pytestmark = pytest.mark.django_db

OIN = "00000001234567890000"
LOA3 = "urn:etoegang:core:assurance-class:loa3"


def service_ids(*nummers: int) -> list[str]:
    return [f"urn:etoegang:DV:{OIN}:services:{n}" for n in nummers]


def test_eh3_persoon_krijgt_alle_claims_in_ondertekend_id_token(demo):
    claims = log_in("eh3-bakkerij")

    pseudoniem = claims["urn:etoegang:core:ActingSubjectID"]
    assert re.fullmatch(r"[0-9a-f]{40}", pseudoniem)
    assert claims["sub"] == pseudoniem
    assert "eh3-bakkerij" not in pseudoniem
    assert claims["urn:etoegang:core:LegalSubjectID"] == {
        "NameQualifier": "urn:etoegang:1.9:EntityConcernedID:KvKnr",
        "value": "69201843",
    }
    assert claims["urn:etoegang:1.9:EntityConcernedID:KvKnr"] == "69201843"
    assert claims["urn:etoegang:core:ServiceID"] == service_ids(*range(1, 13))
    assert len(claims["urn:etoegang:core:ServiceUUID"]) == 12
    assert all(uuid.UUID(u) for u in claims["urn:etoegang:core:ServiceUUID"])
    assert "urn:etoegang:1.9:IntermediateEntityID:KvKnr" not in claims
    assert claims["acr"] == LOA3
    assert claims["urn:etoegang:core:assurance-class"] == LOA3
    assert claims["aud"] == CLIENT_ID
    assert claims["iat"] <= claims["auth_time"] + 5
    assert claims["exp"] > claims["iat"]


def test_userinfo_geeft_dezelfde_attributen(demo):
    claims = log_in("eh3-bakkerij")
    access_token = claims["_tokens"]["access_token"]

    antwoord = Client().get(
        "/eherkenning-simulator/o/userinfo/", HTTP_AUTHORIZATION=f"Bearer {access_token}"
    )

    assert antwoord.status_code == 200
    userinfo = antwoord.json()
    for naam in (
        "sub",
        "acr",
        "urn:etoegang:core:ActingSubjectID",
        "urn:etoegang:core:LegalSubjectID",
        "urn:etoegang:1.9:EntityConcernedID:KvKnr",
        "urn:etoegang:core:ServiceID",
        "urn:etoegang:core:ServiceUUID",
    ):
        assert userinfo[naam] == claims[naam]


def test_eh2_persoon_logt_in_met_loa2_zonder_sms(demo):
    claims = log_in("eh2-bakkerij")

    assert claims["acr"] == "urn:etoegang:core:assurance-class:loa2"
    assert claims["urn:etoegang:core:assurance-class"] == "urn:etoegang:core:assurance-class:loa2"
    assert claims["urn:etoegang:core:ServiceID"] == service_ids(*range(1, 13))


def test_persoon_met_een_dienst_krijgt_alleen_die_dienst(demo):
    claims = log_in("eh3-zonder-dienst")

    assert claims["urn:etoegang:core:ServiceID"] == service_ids(2)


def test_intermediair_via_ketenmachtiging(demo):
    claims = log_in("eh3-intermediair")

    assert claims["urn:etoegang:core:LegalSubjectID"]["value"] == "69201843"
    assert claims["urn:etoegang:1.9:EntityConcernedID:KvKnr"] == "69201843"
    assert claims["urn:etoegang:1.9:IntermediateEntityID:KvKnr"] == "73019552"
    assert claims["urn:etoegang:core:ServiceID"] == service_ids(1, 10, 12)


def test_meerdere_organisaties_keuzepagina_en_gekozen_kvk_in_token(demo):
    client = Client()
    installatie = log_in("eh3-meerdere", kvk="58823417", client=client)
    bakkerij = log_in("eh3-meerdere", kvk="69201843", client=client)

    assert installatie["urn:etoegang:core:LegalSubjectID"]["value"] == "58823417"
    assert bakkerij["urn:etoegang:core:LegalSubjectID"]["value"] == "69201843"
    assert installatie["sub"] == bakkerij["sub"]


def test_pseudoniem_stabiel_en_per_persoon_verschillend(demo):
    eerste = log_in("eh3-bakkerij")
    tweede = log_in("eh3-bakkerij")
    ander = log_in("eh3-zonder-dienst")

    assert eerste["sub"] == tweede["sub"]
    assert eerste["sub"] != ander["sub"]
    assert eerste["sub"] != "eh3-bakkerij"


def test_aanmelding_is_na_gebruik_gemarkeerd(demo):
    log_in("eh3-bakkerij")

    assert Aanmelding.objects.get().gebruikt_op is not None
