"""eHerkenning via SAML (django-digid-eherkenning): configuration for EH3 on KvK, the generated
AuthnRequest and dienstcatalogus, and the mapping to the portal's ``Assertie`` (DOMAIN §2, §9).

Keys, certificates and the makelaar's certificate are generated per run; nothing secret is stored.
"""

import base64
import datetime as dt
import os
import stat
from collections.abc import Iterator
from io import BytesIO, StringIO
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from digid_eherkenning.models import ConfigCertificate, EherkenningConfiguration
from digid_eherkenning.saml2.eherkenning import generate_dienst_catalogus_metadata
from digid_eherkenning.settings import EHERKENNING_DS_XSD
from digid_eherkenning.utils import validate_xml
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from django.utils.functional import empty
from lxml import etree
from onelogin.saml2.errors import OneLogin_Saml2_ValidationError
from onelogin.saml2.idp_metadata_parser import OneLogin_Saml2_IdPMetadataParser
from onelogin.saml2.utils import OneLogin_Saml2_Utils
from privates.storages import private_media_storage

from tests.factories import WerkgeverFactory
from verzuimportaal.eherkenning.assertie import AssertieFout, lees_assertie
from verzuimportaal.eherkenning.backend import SESSIE_WEIGERING, gebruikersnaam
from verzuimportaal.eherkenning.saml import (
    KVK_QUALIFIER,
    EHerkenningSamlBackend,
    PortaalEHerkenningClient,
    SamlConfiguratieFout,
    assertie_uit_saml,
    configureer_saml,
    genereer_dienstcatalogus,
    genereer_sp_metadata,
    login_index,
)
from verzuimportaal.toegang.diensten import CATALOGUSNUMMER, Dienst, service_id

OIN = "00000001234567890000"
MAKELAAR = "00000009999999999999"
ENTITY_ID = f"urn:etoegang:DV:{OIN}:entities:9000"
BASE_URL = "https://verzuimportaal.example"
SSO_POST = "https://makelaar.example/saml/sso/post"
LOA2 = "urn:etoegang:core:assurance-class:loa2"
LOA2PLUS = "urn:etoegang:core:assurance-class:loa2plus"
LOA3 = "urn:etoegang:core:assurance-class:loa3"
LOA4 = "urn:etoegang:core:assurance-class:loa4"
RSIN_QUALIFIER = "urn:etoegang:1.9:EntityConcernedID:RSIN"
COMPANY_NAME = "urn:etoegang:1.11:attribute-represented:CompanyName"
FIXTURES = Path(__file__).parent / "saml_fixtures"
NS = {
    "esc": "urn:etoegang:1.13:service-catalog",
    "saml": "urn:oasis:names:tc:SAML:2.0:assertion",
    "samlp": "urn:oasis:names:tc:SAML:2.0:protocol",
    "md": "urn:oasis:names:tc:SAML:2.0:metadata",
    "ds": "http://www.w3.org/2000/09/xmldsig#",
}


def _sleutelpaar(naam: str) -> tuple[bytes, bytes]:
    """A self-signed certificate and its private key, both PEM."""
    sleutel = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    onderwerp = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, naam)])
    nu = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(onderwerp)
        .issuer_name(onderwerp)
        .public_key(sleutel.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(nu - dt.timedelta(days=1))
        .not_valid_after(nu + dt.timedelta(days=365))
        .sign(sleutel, hashes.SHA256())
    )
    return (
        cert.public_bytes(serialization.Encoding.PEM),
        sleutel.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
    )


SP_CERT, SP_SLEUTEL = _sleutelpaar("verzuimportaal test")
IDP_CERT, _ = _sleutelpaar("makelaar test")


def _idp_metadata() -> bytes:
    der = x509.load_pem_x509_certificate(IDP_CERT).public_bytes(serialization.Encoding.DER)
    sjabloon = (FIXTURES / "idp-metadata.xml").read_text()
    return sjabloon.replace("{certificaat}", base64.b64encode(der).decode()).encode()


@pytest.fixture(autouse=True)
def omgeving(settings, tmp_path: Path) -> Iterator[Path]:
    """Private files in a temporary directory; the portal's OIN as in production settings."""
    settings.STORAGES = {
        **settings.STORAGES,
        "privates": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "privates")},
        },
    }
    settings.EHERKENNING = {**settings.EHERKENNING, "DIENSTVERLENER_OIN": OIN}
    private_media_storage._wrapped = empty  # type: ignore[assignment]  # privates caches it
    (tmp_path / "sp.crt").write_bytes(SP_CERT)
    (tmp_path / "sp.key").write_bytes(SP_SLEUTEL)
    (tmp_path / "idp.xml").write_bytes(_idp_metadata())
    yield tmp_path
    private_media_storage._wrapped = empty  # type: ignore[assignment]


def _configureer(map: Path, **anders: Any) -> EherkenningConfiguration:
    argumenten: dict[str, Any] = {
        "entity_id": ENTITY_ID,
        "base_url": BASE_URL + "/",
        "makelaar_id": MAKELAAR,
        "oin": OIN,
        "idp_metadata_xml_of_url": _idp_metadata(),
        "certificaat_pem_pad": map / "sp.crt",
        "sleutel_pem_pad": map / "sp.key",
        "privacy_url": f"{BASE_URL}/privacy/",
        "organisatie_naam": "Verzuimportaal Test B.V.",
        "gevraagde_attributen": [COMPANY_NAME],
        **anders,
    }
    return configureer_saml(**argumenten)


@pytest.fixture
def configuratie(db, omgeving: Path) -> EherkenningConfiguration:
    return _configureer(omgeving)


# --- Configuration ----------------------------------------------------------------------------


def test_configuratie_vraagt_eh3_op_kvk_zonder_eidas(configuratie: EherkenningConfiguration):
    config = EherkenningConfiguration.get_solo()
    assert config.eh_loa == LOA3
    assert config.base_url == BASE_URL
    assert config.no_eidas is True
    assert config.eh_attribute_consuming_service_index == "1"
    assert config.idp_service_entity_id == "urn:etoegang:HM:00000009999999999999:entities:9000"
    assert config.eh_requested_attributes == [{"name": COMPANY_NAME, "required": False}]
    gekoppeld = ConfigCertificate.objects.for_config(EherkenningConfiguration).get()
    assert gekoppeld.is_ready_for_authn_requests


def test_sleutel_alleen_leesbaar_voor_eigenaar(configuratie: EherkenningConfiguration):
    certificaat = ConfigCertificate.objects.for_config(EherkenningConfiguration).get().certificate
    assert stat.S_IMODE(os.stat(certificaat.private_key.path).st_mode) == 0o600


def test_opnieuw_configureren_voegt_geen_certificaat_toe(
    configuratie: EherkenningConfiguration, omgeving: Path
):
    uuid_voor = configuratie.eh_service_uuid
    _configureer(omgeving, service_naam="Verzuim melden")
    assert ConfigCertificate.objects.for_config(EherkenningConfiguration).count() == 1
    config = EherkenningConfiguration.get_solo()
    assert config.service_name == "Verzuim melden"
    assert config.eh_service_uuid == uuid_voor  # registered at the makelaar: must stay stable


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("anders", "melding"),
    [
        ({"oin": "00000001111111111111"}, "wijkt af"),
        ({"makelaar_id": "123"}, "20"),
        ({"idp_metadata_xml_of_url": b"<geen-xml"}, "geen geldige XML"),
        ({"idp_metadata_xml_of_url": "http://makelaar.example/metadata"}, "https"),
        ({"service_uuid": "geen-uuid"}, "UUID"),
        ({"organisatie_naam": "x" * 65}, "64"),
    ],
)
def test_ongeldige_configuratie_geweigerd(omgeving: Path, anders: dict[str, Any], melding: str):
    with pytest.raises(SamlConfiguratieFout, match=melding):
        _configureer(omgeving, **anders)


@pytest.mark.django_db
def test_metadata_zonder_post_binding_geweigerd(omgeving: Path):
    zonder_post = _idp_metadata().replace(b"bindings:HTTP-POST", b"bindings:HTTP-Artifact")
    with pytest.raises(SamlConfiguratieFout, match="HTTP-POST"):
        _configureer(omgeving, idp_metadata_xml_of_url=zonder_post)


@pytest.mark.django_db
def test_sleutel_van_ander_certificaat_geweigerd(omgeving: Path):
    _, andere_sleutel = _sleutelpaar("ander")
    (omgeving / "ander.key").write_bytes(andere_sleutel)
    with pytest.raises(SamlConfiguratieFout, match="hoort niet bij"):
        _configureer(omgeving, sleutel_pem_pad=omgeving / "ander.key")
    assert not ConfigCertificate.objects.exists()


@pytest.mark.django_db
def test_metadata_via_url(omgeving: Path, monkeypatch: pytest.MonkeyPatch):
    opgehaald: list[str] = []

    def haal_op(url: str, **_: Any) -> bytes:
        opgehaald.append(url)
        return _idp_metadata()

    monkeypatch.setattr(OneLogin_Saml2_IdPMetadataParser, "get_metadata", haal_op)
    config = _configureer(omgeving, idp_metadata_xml_of_url="https://makelaar.example/metadata.xml")
    assert opgehaald == ["https://makelaar.example/metadata.xml"]
    assert config.metadata_file_source == "https://makelaar.example/metadata.xml"
    assert config.idp_service_entity_id == "urn:etoegang:HM:00000009999999999999:entities:9000"


# --- (a) Dienstcatalogus ----------------------------------------------------------------------


def test_dienstcatalogus_eh3_op_kvk_met_alle_diensten(configuratie: EherkenningConfiguration):
    xml = genereer_dienstcatalogus()
    assert validate_xml(BytesIO(xml), EHERKENNING_DS_XSD) is None
    doc = etree.fromstring(xml)

    assert doc.xpath("string(//esc:ServiceProvider/esc:ServiceProviderID)", namespaces=NS) == OIN
    definities = doc.xpath("//esc:ServiceDefinition", namespaces=NS)
    assert len(definities) == len(Dienst)
    for definitie in definities:
        assert definitie.xpath("string(saml:AuthnContextClassRef)", namespaces=NS) == LOA3
        assert definitie.xpath("string(esc:HerkenningsmakelaarId)", namespaces=NS) == MAKELAAR
        assert definitie.xpath("esc:EntityConcernedTypesAllowed/text()", namespaces=NS) == [
            KVK_QUALIFIER
        ]
        assert definitie.xpath("esc:RequestedAttribute/@Name", namespaces=NS) == [COMPANY_NAME]
    assert b"RSIN" not in xml

    hoofd = doc.xpath(
        "//esc:ServiceDefinition[esc:ServiceUUID=$uuid]",
        uuid=str(configuratie.eh_service_uuid),
        namespaces=NS,
    )[0]
    assert hoofd.xpath("string(esc:ServiceName[@xml:lang='nl'])", namespaces=NS) == (
        Dienst.VERZUIM_MELDEN.label
    )

    instanties = {
        i.xpath("string(esc:ServiceID)", namespaces=NS): i
        for i in doc.xpath("//esc:ServiceInstance", namespaces=NS)
    }
    assert set(instanties) == {service_id(OIN, d) for d in Dienst}
    hoofdinstantie = instanties[service_id(OIN, Dienst.VERZUIM_MELDEN)]
    assert hoofdinstantie.xpath("string(esc:InstanceOfService)", namespaces=NS) == str(
        configuratie.eh_service_uuid
    )
    assert hoofdinstantie.xpath("string(esc:ServiceUUID)", namespaces=NS) == str(
        configuratie.eh_service_instance_uuid
    )


def test_dienstcatalogus_van_de_bibliotheek_zelf_is_ook_eh3(configuratie: EherkenningConfiguration):
    xml = generate_dienst_catalogus_metadata(configuratie)  # validates against the XSD itself
    doc = etree.fromstring(xml)
    assert doc.xpath("//esc:ServiceDefinition/saml:AuthnContextClassRef/text()", namespaces=NS) == [
        LOA3
    ]


def test_sp_metadata_met_een_dienst_per_index(configuratie: EherkenningConfiguration):
    doc = etree.fromstring(genereer_sp_metadata())
    assert doc.get("entityID") == ENTITY_ID
    diensten = doc.xpath("//md:AttributeConsumingService", namespaces=NS)
    assert sorted(int(d.get("index")) for d in diensten) == sorted(CATALOGUSNUMMER.values())
    assert [d.get("index") for d in diensten if d.get("isDefault") == "true"] == ["1"]
    acs = doc.xpath("//md:AssertionConsumerService", namespaces=NS)[0]
    assert acs.get("Location") == f"{BASE_URL}/eherkenning/saml/acs/"
    assert acs.get("Binding").endswith("HTTP-Artifact")
    assert doc.xpath("/md:EntityDescriptor/ds:Signature", namespaces=NS)


# --- (b) AuthnRequest -------------------------------------------------------------------------


def _authn_request(**kwargs: Any) -> tuple[str, Any, bytes]:
    request = RequestFactory().get("/eherkenning/saml/login/")
    url, parameters = PortaalEHerkenningClient().create_authn_request(request, **kwargs)
    xml = base64.b64decode(parameters["SAMLRequest"])
    return url, etree.fromstring(xml), xml


def test_authn_request_vraagt_eh3_en_is_ondertekend(configuratie: EherkenningConfiguration):
    url, doc, xml = _authn_request()

    assert url == SSO_POST
    assert doc.get("Destination") == SSO_POST
    assert doc.xpath("string(saml:Issuer)", namespaces=NS) == ENTITY_ID
    context = doc.xpath("samlp:RequestedAuthnContext", namespaces=NS)[0]
    assert context.get("Comparison") == "minimum"
    assert context.xpath("saml:AuthnContextClassRef/text()", namespaces=NS) == [LOA3]
    assert doc.get("AttributeConsumingServiceIndex") == "1"
    assert doc.get("ForceAuthn") == "true"
    assert doc.get("AssertionConsumerServiceURL") == f"{BASE_URL}/eherkenning/saml/acs/"

    handtekening = doc.xpath("ds:Signature", namespaces=NS)
    assert handtekening
    assert handtekening[0].xpath(
        "string(ds:SignedInfo/ds:SignatureMethod/@Algorithm)", namespaces=NS
    ) == ("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256")
    pad = "/samlp:AuthnRequest/ds:Signature"
    assert OneLogin_Saml2_Utils.validate_sign(
        xml, cert=SP_CERT.decode(), xpath=pad, raise_exceptions=True
    )
    assert not OneLogin_Saml2_Utils.validate_sign(xml, cert=IDP_CERT.decode(), xpath=pad)


def test_authn_request_per_dienst_en_onbekende_index_geweigerd(
    configuratie: EherkenningConfiguration,
):
    _, doc, _ = _authn_request(attr_consuming_service_index=login_index(Dienst.BEZWAAR))
    assert doc.get("AttributeConsumingServiceIndex") == str(CATALOGUSNUMMER[Dienst.BEZWAAR])
    with pytest.raises(ValueError, match="Onbekende"):
        _authn_request(attr_consuming_service_index="9052")


# --- (c) Assertion mapping --------------------------------------------------------------------


def _name_id(waarde: str, qualifier: str = KVK_QUALIFIER) -> dict[str, Any]:
    return {"NameID": {"Format": None, "NameQualifier": qualifier, "value": waarde}}


def attributen(**anders: Any) -> dict[str, Any]:
    basis: dict[str, Any] = {
        "urn:etoegang:core:ActingSubjectID": [
            _name_id("pseudo-123", "urn:etoegang:EJ:00000001234567890000")
        ],
        "urn:etoegang:core:LegalSubjectID": [_name_id("69201843")],
        "urn:etoegang:core:ServiceID": [service_id(OIN, Dienst.VERZUIM_MELDEN)],
        "urn:etoegang:core:ServiceUUID": ["0b1e2d3c-0000-4000-8000-000000000001"],
        "AuthnContextClassRef": [LOA3],
    }
    basis.update(anders)
    return {k: v for k, v in basis.items() if v is not None}


def test_assertie_zelfde_als_oidc_route(settings):
    saml = assertie_uit_saml(attributen())
    oidc = lees_assertie(
        {
            "acr": LOA3,
            "urn:etoegang:core:ActingSubjectID": "pseudo-123",
            "urn:etoegang:core:LegalSubjectID": {
                "NameQualifier": KVK_QUALIFIER,
                "value": "69201843",
            },
            "urn:etoegang:core:ServiceID": [service_id(OIN, Dienst.VERZUIM_MELDEN)],
        },
        settings.EHERKENNING,
    )
    assert saml == oidc
    assert saml.kvk_nummer == "69201843"
    assert saml.niveau == "EH3"
    assert saml.diensten == frozenset({Dienst.VERZUIM_MELDEN})
    assert saml.intermediair_kvk_nummer is None


@pytest.mark.parametrize("niveau", [LOA2, LOA2PLUS])
def test_niveau_onder_eh3_geweigerd(niveau: str):
    with pytest.raises(AssertieFout) as fout:
        assertie_uit_saml(attributen(AuthnContextClassRef=[niveau]))
    assert fout.value.reden == "niveau"


def test_eh4_geaccepteerd():
    assert assertie_uit_saml(attributen(AuthnContextClassRef=LOA4)).niveau == "EH4"


def test_kvk_uit_legal_subject_id_rsin_genegeerd():
    assertie = assertie_uit_saml(
        attributen(
            **{
                "urn:etoegang:core:LegalSubjectID": [
                    _name_id("123456782", RSIN_QUALIFIER),
                    _name_id("69201843"),
                ]
            }
        )
    )
    assert assertie.kvk_nummer == "69201843"


@pytest.mark.parametrize(
    "anders",
    [
        pytest.param(
            {"urn:etoegang:core:LegalSubjectID": [_name_id("123456782", RSIN_QUALIFIER)]},
            id="alleen-rsin",
        ),
        pytest.param(
            {"urn:etoegang:core:LegalSubjectID": [_name_id("69201843"), _name_id("58823417")]},
            id="twee-kvk-nummers",
        ),
        pytest.param({"urn:etoegang:core:LegalSubjectID": ["69201843"]}, id="kvk-zonder-type"),
        pytest.param({"AuthnContextClassRef": None}, id="geen-niveau"),
        pytest.param({"urn:etoegang:core:ActingSubjectID": None}, id="geen-pseudoniem"),
        pytest.param(
            {"urn:etoegang:core:IntermediateSubjectID": [_name_id("123456782", RSIN_QUALIFIER)]},
            id="intermediair-zonder-kvk",
        ),
    ],
)
def test_onvolledige_assertie_geweigerd(anders: dict[str, Any]):
    with pytest.raises(AssertieFout) as fout:
        assertie_uit_saml(attributen(**anders))
    assert fout.value.reden == "onvolledig"


@pytest.mark.parametrize(
    "anders",
    [
        {"urn:etoegang:1.9:IntermediateEntityID:KvKnr": ["40000004"]},
        {"urn:etoegang:core:IntermediateSubjectID": [_name_id("40000004")]},
    ],
)
def test_intermediair_uit_ketenmachtiging(anders: dict[str, Any]):
    assert assertie_uit_saml(attributen(**anders)).intermediair_kvk_nummer == "40000004"


def test_onbekende_dienst_geweigerd():
    with pytest.raises(AssertieFout) as fout:
        assertie_uit_saml(
            attributen(**{"urn:etoegang:core:ServiceID": ["urn:etoegang:DV:1:services:1"]})
        )
    assert fout.value.reden == "geen_dienst"


# --- Backend ----------------------------------------------------------------------------------


class _Response:
    def __init__(self, waarden: dict[str, Any]) -> None:
        self.waarden = dict(waarden)
        self.niveaus = self.waarden.pop("AuthnContextClassRef", [])

    def get_attributes(self) -> dict[str, Any]:
        return self.waarden

    def get_authn_contexts(self) -> list[str]:
        return self.niveaus


def _inloggen(monkeypatch: pytest.MonkeyPatch, waarden: dict[str, Any]) -> tuple[Any, Any]:
    monkeypatch.setattr(
        PortaalEHerkenningClient, "artifact_resolve", lambda self, request, art: _Response(waarden)
    )
    request = RequestFactory().get("/eherkenning/saml/acs/", {"SAMLart": "AAQ"})
    request.session = SessionStore()
    return EHerkenningSamlBackend().authenticate(request, eherkenning_saml_art="AAQ"), request


@pytest.mark.django_db
def test_backend_maakt_gebruiker_op_pseudoniem_en_kvk(monkeypatch: pytest.MonkeyPatch):
    WerkgeverFactory(kvk_nummer="69201843")
    gebruiker, _ = _inloggen(monkeypatch, attributen())
    assert gebruiker is not None
    assert gebruiker.username == gebruikersnaam(gebruiker.eherkenning_assertie)
    assert gebruiker.username.startswith("eh:69201843:")
    assert not gebruiker.has_usable_password()
    opnieuw, _ = _inloggen(monkeypatch, attributen())
    assert opnieuw.pk == gebruiker.pk


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("waarden", "reden"),
    [
        (attributen(), "kvk_onbekend"),
        (attributen(AuthnContextClassRef=[LOA2PLUS]), "niveau"),
    ],
)
def test_backend_weigert_zonder_sessie(
    monkeypatch: pytest.MonkeyPatch, waarden: dict[str, Any], reden: str
):
    gebruiker, request = _inloggen(monkeypatch, waarden)
    assert gebruiker is None
    assert request.session[SESSIE_WEIGERING]["reden"] == reden


@pytest.mark.django_db
def test_backend_artifact_niet_op_te_lossen(monkeypatch: pytest.MonkeyPatch):
    def fout(self: Any, request: Any, art: str) -> None:
        raise OneLogin_Saml2_ValidationError("handtekening ongeldig")

    monkeypatch.setattr(PortaalEHerkenningClient, "artifact_resolve", fout)
    request = RequestFactory().get("/eherkenning/saml/acs/", {"SAMLart": "AAQ"})
    request.session = SessionStore()
    assert EHerkenningSamlBackend().authenticate(request, eherkenning_saml_art="AAQ") is None
    assert request.session[SESSIE_WEIGERING] == {"reden": "mislukt"}


# --- Management command -----------------------------------------------------------------------


@pytest.fixture
def env(omgeving: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    for naam in list(os.environ):
        if naam.startswith("EHERKENNING_SAML_"):
            monkeypatch.delenv(naam)
    waarden = {
        "EHERKENNING_SAML_ENTITY_ID": ENTITY_ID,
        "EHERKENNING_SAML_BASE_URL": BASE_URL,
        "EHERKENNING_SAML_MAKELAAR_ID": MAKELAAR,
        "EHERKENNING_DIENSTVERLENER_OIN": OIN,
        "EHERKENNING_SAML_IDP_METADATA_FILE": str(omgeving / "idp.xml"),
        "EHERKENNING_SAML_CERT_FILE": str(omgeving / "sp.crt"),
        "EHERKENNING_SAML_KEY_FILE": str(omgeving / "sp.key"),
        "EHERKENNING_SAML_ORGANISATIE_NAAM": "Verzuimportaal Test B.V.",
        "EHERKENNING_SAML_PRIVACY_URL": f"{BASE_URL}/privacy/",
    }
    for naam, waarde in waarden.items():
        monkeypatch.setenv(naam, waarde)
    return waarden


@pytest.mark.django_db
def test_commando_configureert_en_schrijft_metadata(env: dict[str, str], omgeving: Path):
    uitvoer = StringIO()
    call_command(
        "eherkenning_saml_configureren",
        sp_metadata=omgeving / "sp-metadata.xml",
        dienstcatalogus=omgeving / "dienstcatalogus.xml",
        stdout=uitvoer,
    )
    assert "geconfigureerd" in uitvoer.getvalue()
    assert EherkenningConfiguration.get_solo().eh_loa == LOA3
    catalogus = (omgeving / "dienstcatalogus.xml").read_bytes()
    assert validate_xml(BytesIO(catalogus), EHERKENNING_DS_XSD) is None
    assert etree.fromstring((omgeving / "sp-metadata.xml").read_bytes()).get("entityID") == (
        ENTITY_ID
    )


@pytest.mark.django_db
def test_commando_noemt_alle_ontbrekende_variabelen(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.delenv("EHERKENNING_SAML_KEY_FILE")
    monkeypatch.delenv("EHERKENNING_SAML_IDP_METADATA_FILE")
    with pytest.raises(CommandError) as fout:
        call_command("eherkenning_saml_configureren")
    assert "EHERKENNING_SAML_KEY_FILE" in str(fout.value)
    assert "EHERKENNING_SAML_IDP_METADATA_URL of EHERKENNING_SAML_IDP_METADATA_FILE" in str(
        fout.value
    )
    assert not EherkenningConfiguration.objects.exists()


@pytest.mark.django_db
def test_commando_weigert_url_en_bestand_tegelijk(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("EHERKENNING_SAML_IDP_METADATA_URL", "https://makelaar.example/md")
    with pytest.raises(CommandError, match="niet allebei"):
        call_command("eherkenning_saml_configureren")


@pytest.mark.django_db
def test_commando_geeft_fout_van_configuratie_door(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("EHERKENNING_SAML_MAKELAAR_ID", "geen-oin")
    with pytest.raises(CommandError, match="makelaar_id"):
        call_command("eherkenning_saml_configureren")


def test_inlogpagina_biedt_saml_aan_als_het_is_ingericht(db, client, omgeving: Path):
    """Issue 17 point 12: the SAML login is reachable from the login page once configured."""
    assert b'data-testid="eherkenning-saml"' not in client.get("/account/inloggen/").content
    _configureer(omgeving)
    pagina = client.get("/account/inloggen/?next=/verzuim/").content.decode()
    assert 'href="/eherkenning/saml/inloggen/?next=/verzuim/"' in pagina
    assert client.get("/eherkenning/saml/inloggen/?next=/verzuim/").status_code == 200
