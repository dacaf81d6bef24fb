"""Configure eHerkenning via SAML for a real makelaar from the environment (docs/eherkenning.md)."""

import os
from pathlib import Path
from typing import Any

from digid_eherkenning.choices import XMLContentTypes
from django.core.management.base import BaseCommand, CommandError, CommandParser

from verzuimportaal.eherkenning.saml import (
    HOOFDDIENST,
    SamlConfiguratieFout,
    configureer_saml,
    genereer_dienstcatalogus,
    genereer_sp_metadata,
)

VERPLICHT = (
    "EHERKENNING_SAML_ENTITY_ID",
    "EHERKENNING_SAML_BASE_URL",
    "EHERKENNING_SAML_MAKELAAR_ID",
    "EHERKENNING_DIENSTVERLENER_OIN",
    "EHERKENNING_SAML_CERT_FILE",
    "EHERKENNING_SAML_KEY_FILE",
    "EHERKENNING_SAML_ORGANISATIE_NAAM",
    "EHERKENNING_SAML_PRIVACY_URL",
)
METADATA_URL = "EHERKENNING_SAML_IDP_METADATA_URL"
METADATA_FILE = "EHERKENNING_SAML_IDP_METADATA_FILE"
JA = {"1", "true", "ja", "yes", "on"}
NEE = {"", "0", "false", "nee", "no", "off"}


def _env(naam: str, standaard: str = "") -> str:
    return os.environ.get(naam, standaard).strip()


def _ja_nee(naam: str) -> bool:
    waarde = _env(naam).lower()
    if waarde in JA:
        return True
    if waarde in NEE:
        return False
    raise CommandError(f"{naam} moet 'true' of 'false' zijn, niet {waarde!r}.")


class Command(BaseCommand):
    help = (
        "Configureert eHerkenning via SAML (django-digid-eherkenning) uit omgevingsvariabelen: "
        "makelaar, metadata, sleutel en certificaat, niveau EH3, diensten, identificatie op KvK."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--sp-metadata",
            type=Path,
            help="Schrijf de SAML-metadata van het portaal naar dit pad.",
        )
        parser.add_argument(
            "--dienstcatalogus", type=Path, help="Schrijf de dienstcatalogus naar dit pad."
        )

    def handle(self, *args: Any, **opties: Any) -> None:
        ontbrekend = [naam for naam in VERPLICHT if not _env(naam)]
        url, bestand = _env(METADATA_URL), _env(METADATA_FILE)
        if url and bestand:
            raise CommandError(f"Zet {METADATA_URL} óf {METADATA_FILE}, niet allebei.")
        if not (url or bestand):
            ontbrekend.append(f"{METADATA_URL} of {METADATA_FILE}")
        if ontbrekend:
            raise CommandError(
                "eHerkenning SAML niet geconfigureerd; deze omgevingsvariabelen ontbreken: "
                + ", ".join(ontbrekend)
                + ". Zie docs/eherkenning.md."
            )
        metadata: str | bytes = url
        if bestand:
            try:
                metadata = Path(bestand).read_bytes()
            except OSError as exc:
                raise CommandError(f"{METADATA_FILE} is niet te lezen: {exc}") from exc

        content_type = _env("EHERKENNING_SAML_ARTIFACT_CONTENT_TYPE", XMLContentTypes.text_xml)
        if content_type not in XMLContentTypes.values:
            raise CommandError(
                "EHERKENNING_SAML_ARTIFACT_CONTENT_TYPE moet een van "
                f"{', '.join(XMLContentTypes.values)} zijn."
            )
        attributen = [a.strip() for a in _env("EHERKENNING_SAML_GEVRAAGDE_ATTRIBUTEN").split(",")]
        try:
            config = configureer_saml(
                entity_id=_env("EHERKENNING_SAML_ENTITY_ID"),
                base_url=_env("EHERKENNING_SAML_BASE_URL"),
                makelaar_id=_env("EHERKENNING_SAML_MAKELAAR_ID"),
                oin=_env("EHERKENNING_DIENSTVERLENER_OIN"),
                idp_metadata_xml_of_url=metadata,
                certificaat_pem_pad=_env("EHERKENNING_SAML_CERT_FILE"),
                sleutel_pem_pad=_env("EHERKENNING_SAML_KEY_FILE"),
                service_naam=_env("EHERKENNING_SAML_SERVICE_NAAM", HOOFDDIENST.label),
                service_omschrijving=_env(
                    "EHERKENNING_SAML_SERVICE_OMSCHRIJVING",
                    "Verzuim melden en inzien bij het Verzuimportaal",
                ),
                privacy_url=_env("EHERKENNING_SAML_PRIVACY_URL"),
                organisatie_naam=_env("EHERKENNING_SAML_ORGANISATIE_NAAM"),
                organisatie_url=_env("EHERKENNING_SAML_ORGANISATIE_URL"),
                service_uuid=_env("EHERKENNING_SAML_SERVICE_UUID") or None,
                service_instance_uuid=_env("EHERKENNING_SAML_SERVICE_INSTANCE_UUID") or None,
                gevraagde_attributen=[a for a in attributen if a],
                asserties_versleuteld=_ja_nee("EHERKENNING_SAML_ASSERTIES_VERSLEUTELD"),
                artifact_content_type=content_type,
                technisch_contact_email=_env("EHERKENNING_SAML_TECHNISCH_CONTACT_EMAIL"),
                technisch_contact_telefoon=_env("EHERKENNING_SAML_TECHNISCH_CONTACT_TELEFOON"),
            )
            sp_metadata = genereer_sp_metadata() if opties["sp_metadata"] else None
            catalogus = genereer_dienstcatalogus(config) if opties["dienstcatalogus"] else None
        except SamlConfiguratieFout as fout:
            raise CommandError(str(fout)) from fout

        for pad, inhoud in (
            (opties["sp_metadata"], sp_metadata),
            (opties["dienstcatalogus"], catalogus),
        ):
            if pad and inhoud:
                pad.write_bytes(inhoud)
                self.stdout.write(f"Geschreven: {pad}")
        self.stdout.write(
            self.style.SUCCESS(
                f"eHerkenning SAML geconfigureerd voor {config.entity_id} bij makelaar "
                f"{config.makelaar_id} (niveau {config.eh_loa}; service-UUID "
                f"{config.eh_service_uuid}, instance-UUID {config.eh_service_instance_uuid})."
            )
        )
