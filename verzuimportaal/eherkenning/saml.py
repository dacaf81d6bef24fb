"""eHerkenning via SAML with a real herkenningsmakelaar (django-digid-eherkenning), DOMAIN §2, §9.

The library keeps one singleton configuration (``EherkenningConfiguration``) plus key pairs in
simple_certmanager. This module fills that configuration for the portal and adds what the library
does not do itself:

- requested level **EH3** (loa3), in the dienstcatalogus and as ``RequestedAuthnContext``
  (``minimum``) in the AuthnRequest; the library's client leaves ``RequestedAuthnContext`` out;
- all portal services (``toegang.diensten``) in the dienstcatalogus and the SP metadata, each with
  ServiceID ``urn:etoegang:DV:<OIN>:services:<catalogusnummer>``; the library models one service;
- the represented organisation identified by **KvK-nummer only** (the library also allows RSIN and
  its backend keys users on RSIN);
- the SAML attributes mapped to the same ``Assertie`` as the OIDC route, so the portal's own level
  check (≥ EH3) and KvK check apply identically. The library does not check the returned level.

URL routes are wired elsewhere; ``PortaalEHerkenningClient`` builds the AuthnRequest and
``EHerkenningSamlBackend`` resolves the artifact at the ACS.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from digid_eherkenning.choices import (
    AssuranceLevels,
    ConfigTypes,
    DigestAlgorithms,
    SignatureAlgorithms,
    XMLContentTypes,
)
from digid_eherkenning.exceptions import CertificateProblem
from digid_eherkenning.models import ConfigCertificate, EherkenningConfiguration
from digid_eherkenning.saml2.eherkenning import create_service_catalogus, eHerkenningClient
from digid_eherkenning.types import EHerkenningConfig, ServiceConfig
from django.conf import settings
from django.contrib.auth.backends import BaseBackend
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from onelogin.saml2.constants import OneLogin_Saml2_Constants
from onelogin.saml2.errors import OneLogin_Saml2_Error, OneLogin_Saml2_ValidationError
from onelogin.saml2.idp_metadata_parser import OneLogin_Saml2_IdPMetadataParser
from onelogin.saml2.settings import OneLogin_Saml2_Settings
from simple_certmanager.constants import CertificateTypes
from simple_certmanager.models import Certificate

from verzuimportaal.toegang.diensten import CATALOGUSNUMMER, Dienst

from .assertie import Assertie, AssertieFout, lees_assertie
from .backend import SESSIE_WEIGERING, gebruikersnaam, kvk_weigering

logger = logging.getLogger(__name__)

NIVEAU_EH3 = AssuranceLevels.substantial.value  # urn:etoegang:core:assurance-class:loa3
KVK_QUALIFIER = "urn:etoegang:1.9:EntityConcernedID:KvKnr"
ATTR_LEGAL_SUBJECT = "urn:etoegang:core:LegalSubjectID"
ATTR_ACTING_SUBJECT = "urn:etoegang:core:ActingSubjectID"
ATTR_SERVICE_ID = "urn:etoegang:core:ServiceID"
# Intermediary of a ketenmachtiging: the backward-compatible attribute (value = KvK-nummer) and the
# newer IntermediateSubjectID (a NameID typed by its NameQualifier).
ATTR_INTERMEDIAIR = "urn:etoegang:1.9:IntermediateEntityID:KvKnr"
ATTR_INTERMEDIAIR_SUBJECT = "urn:etoegang:core:IntermediateSubjectID"
# Not an attribute: the level comes from the AuthnStatement (``attributen_uit_response``).
AUTHN_CONTEXT_CLASS_REF = "AuthnContextClassRef"

HOOFDDIENST = Dienst.VERZUIM_MELDEN
ACS_PAD_STANDAARD = "/eherkenning/saml/acs/"
MAX_NAAM = 64  # ServiceName and OrganizationDisplayName in the dienstcatalogus XSD

_SAML_CLAIMS = {
    "CLAIM_PSEUDONIEM": "pseudoniem",
    "CLAIM_NIVEAU": "niveau",
    "CLAIM_KVK": "kvk",
    "CLAIM_INTERMEDIAIR": "intermediair",
    "CLAIM_DIENSTEN": "diensten",
}
_DV_ENTITY_ID = re.compile(r"^urn:etoegang:DV:(\d{20}):entities:\d+$")


class SamlConfiguratieFout(Exception):
    """The SAML configuration cannot be stored; the message says what to fix (Dutch)."""


# --- Configuration ----------------------------------------------------------------------------


def acs_pad() -> str:
    """Path of the assertion consumer service (HTTP-Artifact); the route is mounted elsewhere."""
    return str(getattr(settings, "EHERKENNING_SAML_ACS_PAD", ACS_PAD_STANDAARD))


@transaction.atomic
def configureer_saml(
    *,
    entity_id: str,
    base_url: str,
    makelaar_id: str,
    oin: str,
    idp_metadata_xml_of_url: str | bytes,
    certificaat_pem_pad: str | Path,
    sleutel_pem_pad: str | Path,
    service_naam: str = HOOFDDIENST.label,
    service_omschrijving: str = "Verzuim melden en inzien bij het Verzuimportaal",
    privacy_url: str,
    organisatie_naam: str,
    organisatie_url: str = "",
    service_uuid: str | None = None,
    service_instance_uuid: str | None = None,
    gevraagde_attributen: Sequence[str | Mapping[str, Any]] = (),
    asserties_versleuteld: bool = False,
    artifact_content_type: str = XMLContentTypes.text_xml,
    technisch_contact_email: str = "",
    technisch_contact_telefoon: str = "",
) -> EherkenningConfiguration:
    """Fill the library's singleton eHerkenning configuration for a real makelaar.

    ``idp_metadata_xml_of_url`` is the makelaar's metadata itself or an https URL to fetch it
    from (the library can then refresh it with ``update_stored_metadata eherkenning``). The key
    pair is stored through simple_certmanager; running this again with the same certificate does
    not add a copy, a new certificate is added next to the old one (rollover).
    """
    if oin != settings.EHERKENNING["DIENSTVERLENER_OIN"]:
        raise SamlConfiguratieFout(
            f"De OIN ({oin}) wijkt af van EHERKENNING['DIENSTVERLENER_OIN'] in de instellingen "
            f"({settings.EHERKENNING['DIENSTVERLENER_OIN']}); ServiceID's zouden dan nooit op "
            "een dienst passen. Start het portaal met dezelfde EHERKENNING_DIENSTVERLENER_OIN."
        )
    if (match := _DV_ENTITY_ID.match(entity_id)) and match.group(1) != oin:
        raise SamlConfiguratieFout(f"De entity ID {entity_id} hoort bij een andere OIN dan {oin}.")
    for veld, waarde in (("servicenaam", service_naam), ("organisatienaam", organisatie_naam)):
        if not waarde or len(waarde) > MAX_NAAM:
            raise SamlConfiguratieFout(
                f"De {veld} moet 1 tot {MAX_NAAM} tekens zijn (dienstcatalogus): {waarde!r}."
            )

    certificaat = _koppel_certificaat(Path(certificaat_pem_pad), Path(sleutel_pem_pad))

    config = EherkenningConfiguration.get_solo()
    config.entity_id = entity_id
    config.base_url = base_url.rstrip("/")
    config.makelaar_id = makelaar_id
    config.oin = oin
    config.service_name = service_naam
    config.service_description = service_omschrijving
    config.privacy_policy = privacy_url
    config.organization_name = organisatie_naam
    config.organization_url = organisatie_url
    config.technical_contact_person_email = technisch_contact_email
    config.technical_contact_person_telephone = technisch_contact_telefoon
    config.eh_loa = NIVEAU_EH3
    config.eidas_loa = NIVEAU_EH3
    config.no_eidas = True  # eIDAS gives no KvK-nummer; the portal could not map the login
    config.eh_attribute_consuming_service_index = str(CATALOGUSNUMMER[HOOFDDIENST])
    config.eh_requested_attributes = [
        dict(a) if isinstance(a, Mapping) else {"name": a, "required": False}
        for a in gevraagde_attributen
    ]
    if service_uuid:
        config.eh_service_uuid = _uuid(service_uuid, "service-UUID")
    if service_instance_uuid:
        config.eh_service_instance_uuid = _uuid(service_instance_uuid, "service-instance-UUID")
    config.want_assertions_signed = True
    config.want_assertions_encrypted = asserties_versleuteld
    config.signature_algorithm = SignatureAlgorithms.rsa_sha256
    config.digest_algorithm = DigestAlgorithms.sha256
    config.artifact_resolve_content_type = artifact_content_type

    if isinstance(idp_metadata_xml_of_url, str) and re.match(r"^\w+://", idp_metadata_xml_of_url):
        if not idp_metadata_xml_of_url.startswith("https://"):
            raise SamlConfiguratieFout(
                "Haal de metadata van de makelaar alleen via https op, "
                f"niet via {idp_metadata_xml_of_url}."
            )
        config.metadata_file_source = idp_metadata_xml_of_url
        _valideer(config)
        try:
            config.save(force_metadata_update=True)  # the library fetches and stores it
        except ValidationError as exc:
            raise SamlConfiguratieFout(
                f"Metadata van de makelaar niet op te halen: {'; '.join(exc.messages)}"
            ) from exc
        with config.idp_metadata_file.open("rb") as bestand:
            _lees_idp_metadata(bestand.read())
    else:
        xml = (
            idp_metadata_xml_of_url.encode()
            if isinstance(idp_metadata_xml_of_url, str)
            else idp_metadata_xml_of_url
        )
        urls = _lees_idp_metadata(xml)
        config.metadata_file_source = ""
        config.populate_xml_fields(urls, xml)
        _valideer(config)
        config.save()

    logger.info(
        "eHerkenning SAML geconfigureerd: entity %s, makelaar %s, certificaat %s",
        entity_id,
        makelaar_id,
        certificaat.label,
    )
    return config


def _valideer(config: EherkenningConfiguration) -> None:
    try:
        # Fields the library declares required but which are optional for the portal.
        leeg_toegestaan = ["idp_metadata_file", "metadata_file_source", "service_description_url"]
        config.full_clean(exclude=[v for v in leeg_toegestaan if not getattr(config, v)])
    except ValidationError as exc:
        fouten = "; ".join(
            f"{veld}: {' '.join(meldingen)}" for veld, meldingen in exc.message_dict.items()
        )
        raise SamlConfiguratieFout(f"Ongeldige eHerkenning-configuratie: {fouten}") from exc


def _uuid(waarde: str, naam: str) -> uuid.UUID:
    try:
        return uuid.UUID(waarde)
    except ValueError as exc:
        raise SamlConfiguratieFout(f"De {naam} is geen geldige UUID: {waarde!r}.") from exc


def _lees_idp_metadata(xml: bytes) -> dict[str, str]:
    """Check the makelaar's metadata: entityID, an HTTP-POST SSO endpoint and a certificate."""
    try:
        idp = OneLogin_Saml2_IdPMetadataParser.parse(
            xml, required_sso_binding=OneLogin_Saml2_Constants.BINDING_HTTP_POST
        ).get("idp")
    except Exception as exc:  # python3-saml raises plain exceptions for broken XML
        raise SamlConfiguratieFout(
            f"De metadata van de makelaar is geen geldige XML: {exc}"
        ) from exc
    if not idp or not idp.get("entityId"):
        raise SamlConfiguratieFout(
            "De metadata van de makelaar bevat geen EntityDescriptor met IDPSSODescriptor."
        )
    sso_url = idp.get("singleSignOnService", {}).get("url")
    if not sso_url:
        raise SamlConfiguratieFout(
            "De metadata van de makelaar bevat geen SingleSignOnService met HTTP-POST-binding; "
            "het portaal verstuurt het AuthnRequest als formulier (HTTP-POST)."
        )
    if not (idp.get("x509cert") or idp.get("x509certMulti")):
        raise SamlConfiguratieFout(
            "De metadata van de makelaar bevat geen certificaat; zonder certificaat kan het "
            "portaal de handtekening op de assertie niet controleren."
        )
    return {
        "entityId": idp["entityId"],
        "sso_url": sso_url,
        "slo_url": idp.get("singleLogoutService", {}).get("url", ""),
    }


def _koppel_certificaat(certificaat_pad: Path, sleutel_pad: Path) -> Certificate:
    """Store the key pair in simple_certmanager and link it to the eHerkenning configuration."""
    try:
        cert_pem = certificaat_pad.read_bytes()
        sleutel_pem = sleutel_pad.read_bytes()
    except OSError as exc:
        raise SamlConfiguratieFout(f"Bestand niet te lezen: {exc}") from exc
    try:
        cert = x509.load_pem_x509_certificate(cert_pem)
    except ValueError as exc:
        raise SamlConfiguratieFout(f"{certificaat_pad} is geen PEM-certificaat.") from exc
    try:
        sleutel = serialization.load_pem_private_key(sleutel_pem, password=None)
    except TypeError as exc:
        raise SamlConfiguratieFout(
            f"{sleutel_pad} is met een wachtwoord versleuteld; de bibliotheek ondersteunt alleen "
            "een onversleutelde PEM-sleutel (bewaar die alleen leesbaar voor het portaal)."
        ) from exc
    except ValueError as exc:
        raise SamlConfiguratieFout(f"{sleutel_pad} is geen PEM-privésleutel.") from exc
    publiek = serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    if cert.public_key().public_bytes(*publiek) != sleutel.public_key().public_bytes(*publiek):
        raise SamlConfiguratieFout(
            f"De sleutel {sleutel_pad} hoort niet bij het certificaat {certificaat_pad}."
        )
    nu = timezone.now()
    if not cert.not_valid_before_utc <= nu <= cert.not_valid_after_utc:
        raise SamlConfiguratieFout(
            f"Het certificaat is niet geldig op dit moment (geldig van "
            f"{cert.not_valid_before_utc:%Y-%m-%d} tot {cert.not_valid_after_utc:%Y-%m-%d})."
        )

    vingerafdruk = cert.fingerprint(hashes.SHA256())
    for gekoppeld in ConfigCertificate.objects.for_config(EherkenningConfiguration):
        try:
            bestaand = gekoppeld.certificate.certificate.fingerprint(hashes.SHA256())
        except (FileNotFoundError, ValueError):  # unreadable old certificate: not this one
            continue
        if bestaand == vingerafdruk:
            return gekoppeld.certificate

    certificaat = Certificate(
        label=(
            f"eHerkenning SAML {vingerafdruk.hex()[:16]} (tot {cert.not_valid_after_utc:%Y-%m-%d})"
        ),
        type=CertificateTypes.key_pair,
    )
    certificaat.public_certificate.save("eherkenning-saml.crt", ContentFile(cert_pem), save=False)
    certificaat.private_key.save("eherkenning-saml.key", ContentFile(sleutel_pem), save=False)
    certificaat.save()
    # Not readable for other local users; storages without local paths are left alone.
    with contextlib.suppress(NotImplementedError, AttributeError):
        os.chmod(certificaat.private_key.path, 0o600)
    ConfigCertificate.objects.create(config_type=ConfigTypes.eherkenning, certificate=certificaat)
    return certificaat


# --- Services: dienstcatalogus and SP metadata ------------------------------------------------


def saml_conf(config: EherkenningConfiguration | None = None) -> EHerkenningConfig:
    """The library's configuration dict, extended with all portal services and KvK only.

    The library models one eHerkenning service (plus eIDAS, switched off here). The portal's main
    service is ``HOOFDDIENST`` (catalogusnummer 1) with the configured UUIDs; every other service
    of ``toegang.diensten`` gets UUIDs derived from those (uuid5), so they stay stable as long as
    the configured UUIDs do.
    """
    config = config or EherkenningConfiguration.get_solo()
    try:
        conf = config.as_dict()
    except CertificateProblem as exc:
        raise SamlConfiguratieFout(
            "Geen geldig certificaat gekoppeld; draai eherkenning_saml_configureren."
        ) from exc
    hoofd = conf["services"][0]
    hoofd["entity_concerned_types_allowed"] = [{"set_number": "1", "name": KVK_QUALIFIER}]
    services: list[ServiceConfig] = [hoofd]
    for dienst in Dienst:
        nummer = CATALOGUSNUMMER[dienst.value]
        if dienst == HOOFDDIENST:
            continue
        service = hoofd.copy()
        service["service_uuid"] = str(uuid.uuid5(uuid.UUID(hoofd["service_uuid"]), f"{nummer}"))
        service["service_instance_uuid"] = str(
            uuid.uuid5(uuid.UUID(hoofd["service_instance_uuid"]), f"{nummer}")
        )
        service["service_name"] = dienst.label
        service["service_description"] = dienst.label
        service["attribute_consuming_service_index"] = str(nummer)
        service["mark_default"] = False
        services.append(service)
    conf["services"] = services
    conf["acs_path"] = acs_pad()
    return conf


def saml_ingericht() -> bool:
    """Whether this portal has a usable SAML configuration (the login page then offers it)."""
    try:
        saml_conf()
    except SamlConfiguratieFout:
        return False
    return True


def genereer_dienstcatalogus(config: EherkenningConfiguration | None = None) -> bytes:
    """The dienstcatalogus for the makelaar, validated by the library against its XSD.

    Same steps as the library's ``generate_dienst_catalogus_metadata``, on ``saml_conf``.
    """
    conf = saml_conf(config)
    for service in conf["services"]:
        naam, omschrijving = service["service_name"], service["service_description"]
        privacy, beschrijving = service["privacy_policy_url"], service["service_description_url"]
        assert isinstance(naam, str) and isinstance(omschrijving, str)
        assert isinstance(privacy, str)
        service["service_name"] = {"nl": naam, "en": naam}
        service["service_description"] = {"nl": omschrijving, "en": omschrijving}
        service["privacy_policy_url"] = {"nl": privacy}
        service["service_description_url"] = (
            {"nl": beschrijving} if isinstance(beschrijving, str) and beschrijving else None
        )
    return create_service_catalogus(conf, validate=True)


def genereer_sp_metadata() -> bytes:
    """The portal's SAML metadata for the makelaar (one AttributeConsumingService per service)."""
    client = PortaalEHerkenningClient()
    client.saml2_setting_kwargs = {"sp_validation_only": True}
    metadata = client.create_metadata()
    if not metadata.startswith(b"<?xml"):
        metadata = b'<?xml version="1.0" encoding="UTF-8"?>\n' + metadata
    return metadata


def login_index(dienst: str) -> str:
    """AttributeConsumingServiceIndex to log in for one portal service."""
    return str(CATALOGUSNUMMER[dienst])


class PortaalEHerkenningClient(eHerkenningClient):
    """The library's client with the portal's services, loa3 requested and the POST SSO URL."""

    @property
    def conf(self) -> EHerkenningConfig:
        if not hasattr(self, "_conf"):
            self._conf = saml_conf()
        return self._conf

    def create_config_dict(self, conf: EHerkenningConfig) -> Any:
        config_dict = super().create_config_dict(conf)
        # The library sends the AuthnRequest as an HTTP-POST form but takes the SSO URL of the
        # HTTP-Redirect binding; post to the endpoint the makelaar publishes for HTTP-POST.
        metadata_file: Any = conf["metadata_file"]
        with metadata_file.open("rb") as bestand:
            idp = OneLogin_Saml2_IdPMetadataParser.parse(
                bestand.read(),
                required_sso_binding=OneLogin_Saml2_Constants.BINDING_HTTP_POST,
                entity_id=conf["service_entity_id"],
            ).get("idp", {})
        if "idp" in config_dict and idp.get("singleSignOnService"):
            config_dict["idp"]["singleSignOnService"] = idp["singleSignOnService"]
        return config_dict

    def create_config(self, config_dict: Any) -> OneLogin_Saml2_Settings:
        saml_settings = super().create_config(config_dict)
        # The library switches RequestedAuthnContext off; ask for at least the configured level
        # (Comparison="minimum"). The portal still checks the level it gets back
        # (assertie_uit_saml): a higher level is accepted, a lower one refused.
        security = saml_settings.get_security_data()
        security["requestedAuthnContext"] = [self.conf["services"][0]["loa"]]
        security["requestedAuthnContextComparison"] = "minimum"
        return saml_settings

    def create_authn_request(
        self,
        request: HttpRequest,
        return_to: str | None = None,
        attr_consuming_service_index: str | None = None,
        **kwargs: Any,
    ) -> tuple[str, dict[str, str]]:
        indexen = [s["attribute_consuming_service_index"] for s in self.conf["services"]]
        index = attr_consuming_service_index or indexen[0]
        if index not in indexen:
            raise ValueError(f"Onbekende AttributeConsumingServiceIndex: {index!r}")
        return super().create_authn_request(
            request, return_to=return_to, attr_consuming_service_index=index
        )


# --- Assertion --------------------------------------------------------------------------------


def _waarden(attributen: Mapping[str, Any], naam: str) -> list[Any]:
    waarde = attributen.get(naam)
    if waarde is None:
        return []
    return list(waarde) if isinstance(waarde, list | tuple) else [waarde]


def _name_id(waarde: Any) -> tuple[str | None, str | None]:
    """(NameQualifier, value) of an attribute value: a python3-saml NameID dict or a string."""
    if isinstance(waarde, str):
        return None, waarde.strip() or None
    if isinstance(waarde, Mapping):
        name_id = waarde.get("NameID", waarde)
        if isinstance(name_id, Mapping):
            tekst = name_id.get("value")
            return name_id.get("NameQualifier"), tekst.strip() if isinstance(tekst, str) else None
    return None, None


def _enkel(teksten: Sequence[str | None]) -> str | None:
    """The one distinct value, or None when there is none or more than one (ambiguous)."""
    verschillend = {t for t in teksten if t}
    return verschillend.pop() if len(verschillend) == 1 else None


def _intermediair(attributen: Mapping[str, Any]) -> str | None:
    teksten = [_name_id(w)[1] for w in _waarden(attributen, ATTR_INTERMEDIAIR)]
    for waarde in _waarden(attributen, ATTR_INTERMEDIAIR_SUBJECT):
        qualifier, tekst = _name_id(waarde)
        # An intermediary known by something other than its KvK-nummer cannot be mapped; "" makes
        # lees_assertie refuse the login instead of hiding that an intermediary acts.
        teksten.append(tekst if qualifier == KVK_QUALIFIER else "")
    if not teksten:
        return None
    verschillend = set(teksten)
    return verschillend.pop() if len(verschillend) == 1 else ""


def assertie_uit_saml(
    attributen: Mapping[str, Any], *, config: Mapping[str, Any] | None = None
) -> Assertie:
    """Map SAML attributes (python3-saml ``get_attributes()`` shape) to the portal's ``Assertie``.

    ``attributen[AUTHN_CONTEXT_CLASS_REF]`` holds the AuthnContextClassRef of the AuthnStatement
    (see ``attributen_uit_response``). The represented organisation is taken only from a
    LegalSubjectID with NameQualifier KvKnr; RSIN-qualified ids are ignored, so a login without a
    KvK-nummer is refused as "onvolledig". Level and KvK are checked by ``lees_assertie``, the
    same code the OIDC route uses.
    """
    kvk_nummers = [
        tekst
        for qualifier, tekst in map(_name_id, _waarden(attributen, ATTR_LEGAL_SUBJECT))
        if qualifier == KVK_QUALIFIER
    ]
    claims = {
        "pseudoniem": _enkel([_name_id(w)[1] for w in _waarden(attributen, ATTR_ACTING_SUBJECT)]),
        "niveau": _enkel([_name_id(w)[1] for w in _waarden(attributen, AUTHN_CONTEXT_CLASS_REF)]),
        "kvk": _enkel(kvk_nummers),
        "intermediair": _intermediair(attributen),
        "diensten": [
            tekst for _, tekst in map(_name_id, _waarden(attributen, ATTR_SERVICE_ID)) if tekst
        ],
    }
    basis = settings.EHERKENNING if config is None else config
    return lees_assertie(claims, {**basis, **_SAML_CLAIMS})


def attributen_uit_response(response: Any) -> dict[str, Any]:
    """Attributes of a resolved python3-saml response plus the AuthnContextClassRef."""
    return {**response.get_attributes(), AUTHN_CONTEXT_CLASS_REF: response.get_authn_contexts()}


class EHerkenningSamlBackend(BaseBackend):
    """Authentication backend for the SAML ACS: artifact → ``Assertie`` → user on (pseudonym, KvK).

    Replaces the library's ``eHerkenningBackend`` (which keys users on RSIN). A refusal is kept in
    the session under ``SESSIE_WEIGERING`` for the existing ``eherkenning:geweigerd`` page.
    """

    def authenticate(
        self,
        request: HttpRequest | None,
        eherkenning_saml_art: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        if request is None or not eherkenning_saml_art:
            return None
        try:
            response = PortaalEHerkenningClient().artifact_resolve(request, eherkenning_saml_art)
            attributen = attributen_uit_response(response)
        except (
            OneLogin_Saml2_Error,
            OneLogin_Saml2_ValidationError,
            requests.RequestException,
        ) as exc:
            logger.warning("eHerkenning SAML-artifact niet op te lossen: %s", exc)
            request.session[SESSIE_WEIGERING] = {"reden": "mislukt"}
            return None
        try:
            assertie = assertie_uit_saml(attributen)
            # a werkgever, or an advisor with access (route B)
            if (weigering := kvk_weigering(assertie)) is not None:
                raise weigering
        except AssertieFout as fout:
            request.session[SESSIE_WEIGERING] = {"reden": fout.reden, **fout.details}
            logger.info("eHerkenning-login (SAML) geweigerd: %s", fout.reden)
            return None
        try:
            gebruiker = User.objects.get(username=gebruikersnaam(assertie))
        except User.DoesNotExist:
            gebruiker = User.objects.create_user(username=gebruikersnaam(assertie), password=None)
        if not gebruiker.is_active:
            return None
        gebruiker.eherkenning_assertie = assertie  # type: ignore[attr-defined]
        return gebruiker

    def get_user(self, user_id: int) -> User | None:
        return User.objects.filter(pk=user_id, is_active=True).first()
