"""The discovery document and JWKS the portal configures itself with."""

from urllib.parse import urlparse

import pytest
from django.test import Client

from .helpers import discovery

pytestmark = pytest.mark.django_db


def test_discovery_document_noemt_endpoints_en_s256():
    document = discovery()

    # Derived from the request unless OIDC_ISS_ENDPOINT pins it (dev settings).
    assert document["issuer"].endswith("/eherkenning-simulator/o")
    verwacht = {
        "authorization_endpoint": "/eherkenning-simulator/o/authorize/",
        "token_endpoint": "/eherkenning-simulator/o/token/",
        "jwks_uri": "/eherkenning-simulator/o/.well-known/jwks.json",
        "userinfo_endpoint": "/eherkenning-simulator/o/userinfo/",
        "end_session_endpoint": "/eherkenning-simulator/o/logout/",
    }
    for sleutel, pad in verwacht.items():
        assert urlparse(document[sleutel]).path == pad
        # The portal derives its endpoints from the issuer (verzuimportaal/conf/base.py).
        assert document[sleutel].startswith(document["issuer"] + "/")
    assert document["code_challenge_methods_supported"] == ["S256"]
    assert document["response_types_supported"] == ["code"]
    assert document["id_token_signing_alg_values_supported"] == ["RS256"]
    assert {"openid", "eherkenning"} <= set(document["scopes_supported"])
    assert "urn:etoegang:core:assurance-class:loa3" in document["acr_values_supported"]
    assert "urn:etoegang:core:ActingSubjectID" in document["claims_supported"]


def test_jwks_bevat_rsa_sleutel():
    jwks = Client().get(urlparse(discovery()["jwks_uri"]).path).json()

    assert len(jwks["keys"]) == 1
    sleutel = jwks["keys"][0]
    assert sleutel["kty"] == "RSA"
    assert sleutel["alg"] == "RS256"
    assert "d" not in sleutel  # never the private part
