"""The portal's own checks on the eHerkenning ID token and assertion (DOMAIN §2, §9)."""

import time
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.contrib.sessions.backends.db import SessionStore
from django.core.exceptions import SuspiciousOperation
from django.test import RequestFactory

from tests.factories import WerkgeverFactory
from verzuimportaal.eherkenning.backend import SESSIE_WEIGERING, EHerkenningBackend, gebruikersnaam
from verzuimportaal.toegang.diensten import Dienst, service_id

ISSUER = "https://broker.example/o"
CLIENT_ID = "verzuimportaal-test"
OIN = "00000001234567890000"


def _sleutel() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


SLEUTEL = _sleutel()
ANDERE_SLEUTEL = _sleutel()
PUBLIEK = SLEUTEL.public_key().public_bytes(
    serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
)


def claims(**anders: Any) -> dict[str, Any]:
    nu = int(time.time())
    basis = {
        "iss": ISSUER,
        "aud": CLIENT_ID,
        "sub": "pseudo-123",
        "iat": nu,
        "exp": nu + 300,
        "nonce": "n-1",
        "acr": "urn:etoegang:core:assurance-class:loa3",
        "urn:etoegang:core:ActingSubjectID": "pseudo-123",
        "urn:etoegang:core:LegalSubjectID": {
            "NameQualifier": "urn:etoegang:1.9:EntityConcernedID:KvKnr",
            "value": "69201843",
        },
        "urn:etoegang:core:ServiceID": [service_id(OIN, Dienst.VERZUIM_MELDEN)],
    }
    basis.update(anders)
    return {k: v for k, v in basis.items() if v is not None}


def token(inhoud: dict[str, Any], sleutel: rsa.RSAPrivateKey = SLEUTEL) -> str:
    return jwt.encode(inhoud, sleutel, algorithm="RS256", headers={"kid": "k1"})


@pytest.fixture
def backend(settings) -> EHerkenningBackend:
    settings.OIDC_OP_ISSUER = ISSUER
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_IDP_SIGN_KEY = PUBLIEK
    settings.EHERKENNING = {**settings.EHERKENNING, "DIENSTVERLENER_OIN": OIN}
    b = EHerkenningBackend()
    request = RequestFactory().get("/oidc/callback/")
    request.session = SessionStore()
    b.request = request
    return b


def test_geldig_token_wordt_geaccepteerd(backend: EHerkenningBackend) -> None:
    assert backend.verify_token(token(claims()), nonce="n-1")["sub"] == "pseudo-123"


@pytest.mark.parametrize(
    ("omschrijving", "inhoud", "sleutel", "nonce"),
    [
        (
            "verlopen",
            claims(exp=int(time.time()) - 3600, iat=int(time.time()) - 7200),
            SLEUTEL,
            "n-1",
        ),
        ("andere audience", claims(aud="andere-portal"), SLEUTEL, "n-1"),
        ("andere issuer", claims(iss="https://nep-broker.example/o"), SLEUTEL, "n-1"),
        ("verkeerde nonce", claims(), SLEUTEL, "n-2"),
        ("andere sleutel", claims(), ANDERE_SLEUTEL, "n-1"),
        ("zonder exp", claims(exp=None), SLEUTEL, "n-1"),
    ],
)
def test_ongeldig_token_wordt_geweigerd(
    backend: EHerkenningBackend, omschrijving: str, inhoud: dict, sleutel: Any, nonce: str
) -> None:
    with pytest.raises(SuspiciousOperation):
        backend.verify_token(token(inhoud, sleutel), nonce=nonce)


def test_gemanipuleerd_token_wordt_geweigerd(backend: EHerkenningBackend) -> None:
    kop, inhoud, handtekening = token(claims()).split(".")
    vervalst = jwt.utils.base64url_encode(
        jwt.utils.base64url_decode(inhoud).replace(b"69201843", b"58823417")
    ).decode()
    with pytest.raises(SuspiciousOperation):
        backend.verify_token(f"{kop}.{vervalst}.{handtekening}", nonce="n-1")


def test_alg_none_wordt_geweigerd(backend: EHerkenningBackend) -> None:
    onveilig = jwt.encode(claims(), key=None, algorithm="none")
    with pytest.raises(SuspiciousOperation):
        backend.verify_token(onveilig, nonce="n-1")


@pytest.mark.django_db
def test_eh3_met_bekende_kvk_geeft_gebruiker_op_pseudoniem(backend: EHerkenningBackend) -> None:
    WerkgeverFactory(kvk_nummer="69201843")
    gebruiker = backend.get_or_create_user("at", "idt", claims())
    assert gebruiker.username == gebruikersnaam(backend.assertie)
    assert "pseudo-123" not in gebruiker.username  # pseudonym hashed, KvK-scoped
    assert not gebruiker.has_usable_password()
    assert gebruiker.eherkenning_assertie.diensten == {Dienst.VERZUIM_MELDEN}
    # Same person and KvK → same account; another KvK → another account (DOMAIN §2).
    assert backend.get_or_create_user("at", "idt", claims()).pk == gebruiker.pk


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("niveau", "toegestaan"),
    [("loa2", False), ("loa2plus", False), ("loa3", True), ("loa4", True)],
)
def test_niveau_minimaal_eh3(backend: EHerkenningBackend, niveau: str, toegestaan: bool) -> None:
    """DOMAIN §2: the portal checks the level itself; below loa3 is refused."""
    WerkgeverFactory(kvk_nummer="69201843")
    inhoud = claims(acr=f"urn:etoegang:core:assurance-class:{niveau}")
    if toegestaan:
        assert backend.get_or_create_user("at", "idt", inhoud)
    else:
        with pytest.raises(SuspiciousOperation):
            backend.get_or_create_user("at", "idt", inhoud)
        assert backend.request.session[SESSIE_WEIGERING]["reden"] == "niveau"


@pytest.mark.django_db
def test_onbekende_kvk_wordt_geweigerd(backend: EHerkenningBackend) -> None:
    with pytest.raises(SuspiciousOperation):
        backend.get_or_create_user("at", "idt", claims())
    assert backend.request.session[SESSIE_WEIGERING] == {"reden": "kvk_onbekend", "kvk": "69201843"}


@pytest.mark.django_db
def test_zonder_dienst_van_dit_portaal_geweigerd(backend: EHerkenningBackend) -> None:
    WerkgeverFactory(kvk_nummer="69201843")
    inhoud = claims(**{"urn:etoegang:core:ServiceID": ["urn:etoegang:DV:999:services:1"]})
    with pytest.raises(SuspiciousOperation):
        backend.get_or_create_user("at", "idt", inhoud)
    assert backend.request.session[SESSIE_WEIGERING]["reden"] == "geen_dienst"


@pytest.mark.django_db
def test_ketenmachtiging_neemt_intermediair_over(backend: EHerkenningBackend) -> None:
    WerkgeverFactory(kvk_nummer="69201843")
    inhoud = claims(**{"urn:etoegang:1.9:IntermediateEntityID:KvKnr": "73019552"})
    gebruiker = backend.get_or_create_user("at", "idt", inhoud)
    assert gebruiker.eherkenning_assertie.intermediair_kvk_nummer == "73019552"


@pytest.mark.django_db
def test_claimpaden_komen_uit_configuratie(backend: EHerkenningBackend, settings) -> None:
    """Another broker's claim names work by configuration alone."""
    settings.EHERKENNING = {
        **settings.EHERKENNING,
        "CLAIM_KVK": "kvk",
        "CLAIM_PSEUDONIEM": "sub",
        "CLAIM_NIVEAU": "loa",
    }
    WerkgeverFactory(kvk_nummer="12345678")
    inhoud = claims(kvk="12345678", loa="urn:etoegang:core:assurance-class:loa4")
    assert backend.get_or_create_user("at", "idt", inhoud).eherkenning_assertie.niveau == "EH4"
