"""Fill the eHerkenning simulator with demo data (idempotent; ``--opnieuw`` starts from scratch).

The KvK numbers match the portal's demo werkgevers. Never run against production: the simulator
is not installed there.
"""

import os
import uuid
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from oauth2_provider.models import get_application_model

from eherkenning_simulator import service
from eherkenning_simulator.models import (
    Aanmelding,
    Beheerder,
    Dienst,
    Dienstverlener,
    Ketenmachtiging,
    KetenmachtigingGebruiker,
    Leverancier,
    Machtiging,
    Middel,
    Niveau,
    Organisatie,
    Persoon,
    SmsBericht,
)

WACHTWOORD = "Simulatie-2026"
CLIENT_ID = "verzuimportaal-demo"
STANDAARD_REDIRECT = "http://127.0.0.1:8000/oidc/callback/ http://localhost:8000/oidc/callback/"
# The portal home, and the portal's login page it returns to after RP-initiated logout.
STANDAARD_POST_LOGOUT = (
    "http://127.0.0.1:8000/ http://localhost:8000/ "
    "http://127.0.0.1:8000/account/inloggen/ http://localhost:8000/account/inloggen/"
)
OIN = "00000001234567890000"
# Stable pseudonyms across --opnieuw: person identifiers derive from the username.
NAAMRUIMTE = uuid.UUID("6f1c7b0e-3c1a-4d55-9a51-2f4f0b9e6a10")

DIENSTEN = [
    "Melden en inzien verzuimgegevens Ziektewet en WAZO",
    "Inzien uitkeringsgegevens Ziektewet en WAZO",
    "Indienen ontslagaanvraag",
    "Inzien re-integratiegegevens voor eigenrisicodragers WW",
    "Inzien financiële gegevens voor eigenrisicodragers WGA en WW",
    "Banenafspraak en quotum arbeidsbeperkten",
    "Controle eigenrisicodragers",
    "Bezwaar maken",
    "Aanleveren en inzien re-integratiegegevens WIA",
    "Werknemersgegevens beheren",
    "Rechtenbeheer",
    "Overzichten inzien",
]

LEVERANCIERS = [
    ("Reconi Simulatie", True),
    ("KPN Simulatie", True),
    ("Digidentity Simulatie", False),
]

ORGANISATIES = [
    ("69201843", "Bakkerij Van den Broek B.V.", "Reconi Simulatie"),
    ("58823417", "Installatiebedrijf Hendriks & Zn. B.V.", "Reconi Simulatie"),
    ("41178230", "Stichting Zorggroep De Linde", "KPN Simulatie"),
    ("73019552", "Verzuimservice Desk B.V.", "Reconi Simulatie"),
    ("39999999", "Onbekend B.V.", "Digidentity Simulatie"),
]

ALLE = list(range(1, 13))
# (gebruikersnaam, naam, niveau, medewerker van KvK, telefoon, {KvK: dienstnummers})
PERSONEN: list[tuple[str, str, str, str, str, dict[str, list[int]]]] = [
    ("eh3-bakkerij", "Bea Bakker", Niveau.EH3, "69201843", "0612345601", {"69201843": ALLE}),
    (
        "eh3-meerdere",
        "Mehmet Meerdere",
        Niveau.EH3,
        "69201843",
        "0612345602",
        {"69201843": ALLE, "58823417": ALLE},
    ),
    ("eh2-bakkerij", "Erik Tweede", Niveau.EH2, "69201843", "0612345603", {"69201843": ALLE}),
    ("eh3-zonder-dienst", "Zoë Zonder", Niveau.EH3, "69201843", "0612345604", {"69201843": [2]}),
    ("eh3-intermediair", "Ingrid Intermediair", Niveau.EH3, "73019552", "0612345605", {}),
    ("eh3-onbekend", "Otto Onbekend", Niveau.EH3, "39999999", "0612345606", {"39999999": ALLE}),
    ("beheer-bakkerij", "Bram Beheer", Niveau.EH3, "69201843", "0612345607", {}),
    ("beheer-vsd", "Vera Beheer", Niveau.EH3, "73019552", "0612345608", {}),
    ("beheer-anker", "Anouk Anker", Niveau.EH3, "41178230", "0612345609", {}),
]
BEHEERDERS = [
    ("beheer-bakkerij", "69201843"),
    ("beheer-vsd", "73019552"),
    ("beheer-anker", "41178230"),
]
# Form A: Bakkerij → Verzuimservice Desk for every service except Rechtenbeheer (11);
# form B: eh3-intermediair for 1, 10 and 12.
KETEN_DIENSTEN = [n for n in ALLE if n != 11]
KETEN_GEBRUIKER_DIENSTEN = [1, 10, 12]


class Command(BaseCommand):
    help = "Vult de eHerkenning simulator met demodata (idempotent; --opnieuw wist eerst alles)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--opnieuw",
            action="store_true",
            help="Wis eerst alle gegevens van de simulator en de demo-OIDC-client.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            if options["opnieuw"]:
                self._wis()
            self._vul()
        self._toon_overzicht()

    def _wis(self) -> None:
        gebruikers = list(Persoon.objects.values_list("gebruiker_id", flat=True))
        for model in (
            Aanmelding,
            SmsBericht,
            KetenmachtigingGebruiker,
            Ketenmachtiging,
            Machtiging,
            Beheerder,
            Middel,
            Persoon,
            Organisatie,
            Dienst,
            Dienstverlener,
            Leverancier,
        ):
            model.objects.all().delete()
        get_user_model().objects.filter(pk__in=gebruikers).delete()
        get_application_model().objects.filter(client_id=CLIENT_ID).delete()
        self.stdout.write("Alle gegevens van de simulator zijn gewist.")

    def _vul(self) -> None:
        leveranciers = {
            naam: Leverancier.objects.update_or_create(
                naam=naam, defaults={"biedt_ketenmachtiging": keten}
            )[0]
            for naam, keten in LEVERANCIERS
        }
        organisaties = {
            kvk: Organisatie.objects.update_or_create(
                kvk_nummer=kvk, defaults={"naam": naam, "leverancier": leveranciers[lev]}
            )[0]
            for kvk, naam, lev in ORGANISATIES
        }
        self._client()
        dienstverlener, _nieuw = Dienstverlener.objects.update_or_create(
            oin=OIN, defaults={"naam": "Verzuimportaal", "client_id": CLIENT_ID}
        )
        diensten: dict[int, Dienst] = {}
        for nummer, naam in enumerate(DIENSTEN, start=1):
            sid = service.service_id(oin=OIN, nummer=nummer)
            diensten[nummer] = Dienst.objects.update_or_create(
                dienstverlener=dienstverlener,
                nummer=nummer,
                defaults={
                    "naam": naam,
                    "service_id": sid,
                    "service_uuid": uuid.uuid5(uuid.NAMESPACE_URL, sid),
                },
            )[0]

        personen: dict[str, Persoon] = {}
        for gebruikersnaam, naam, niveau, kvk, telefoon, machtigingen in PERSONEN:
            persoon = self._persoon(
                gebruikersnaam, naam, niveau, organisaties[kvk], telefoon, leveranciers
            )
            personen[gebruikersnaam] = persoon
            for kvk_m, nummers in machtigingen.items():
                service.verleen_machtiging(
                    door=None,
                    organisatie=organisaties[kvk_m],
                    persoon=persoon,
                    diensten=[diensten[n] for n in nummers],
                )
        for gebruikersnaam, kvk in BEHEERDERS:
            service.maak_beheerder(persoon=personen[gebruikersnaam], organisatie=organisaties[kvk])

        keten = service.verleen_ketenmachtiging(
            door=personen["beheer-bakkerij"],
            organisatie=organisaties["69201843"],
            intermediair=organisaties["73019552"],
            diensten=[diensten[n] for n in KETEN_DIENSTEN],
        )
        service.machtig_onder_ketenmachtiging(
            door=personen["beheer-vsd"],
            ketenmachtiging=keten,
            persoon=personen["eh3-intermediair"],
            diensten=[diensten[n] for n in KETEN_GEBRUIKER_DIENSTEN],
        )
        try:
            with transaction.atomic():
                service.verleen_ketenmachtiging(
                    door=personen["beheer-anker"],
                    organisatie=organisaties["41178230"],
                    intermediair=organisaties["73019552"],
                    diensten=[diensten[1]],
                )
        except ValidationError as fout:
            self.stdout.write(
                f"Verwacht geweigerd (Stichting Zorggroep De Linde → VSD): {fout.messages[0]}"
            )

    def _persoon(
        self,
        gebruikersnaam: str,
        naam: str,
        niveau: str,
        organisatie: Organisatie,
        telefoon: str,
        leveranciers: dict[str, Leverancier],
    ) -> Persoon:
        middel = Middel.objects.select_related("persoon").filter(gebruikersnaam=gebruikersnaam)
        bestaand = middel.first()
        if bestaand is not None:
            return bestaand.persoon
        return service.maak_persoon(
            gebruikersnaam=gebruikersnaam,
            wachtwoord=WACHTWOORD,
            naam=naam,
            niveau=niveau,
            leverancier=organisatie.leverancier,
            telefoonnummer=telefoon,
            organisatie=organisatie,
            identificatie=uuid.uuid5(NAAMRUIMTE, gebruikersnaam),
        )

    def _client(self) -> None:
        Application = get_application_model()
        redirect_uris = os.environ.get("EHERKENNING_SIMULATOR_REDIRECT_URIS", STANDAARD_REDIRECT)
        application = Application.objects.filter(client_id=CLIENT_ID).first() or Application(
            client_id=CLIENT_ID
        )
        application.name = "Verzuimportaal (demo)"
        application.client_type = Application.CLIENT_CONFIDENTIAL
        application.authorization_grant_type = Application.GRANT_AUTHORIZATION_CODE
        application.algorithm = Application.RS256_ALGORITHM
        application.skip_authorization = True
        application.redirect_uris = " ".join(redirect_uris.split())
        application.post_logout_redirect_uris = " ".join(
            os.environ.get(
                "EHERKENNING_SIMULATOR_POST_LOGOUT_REDIRECT_URIS", STANDAARD_POST_LOGOUT
            ).split()
        )
        # DOT 3 hashes the secret on save; the plain value stays known through the environment.
        application.client_secret = os.environ.get(
            "EHERKENNING_OIDC_CLIENT_SECRET", "demo-secret-niet-voor-productie"
        )
        application.hash_client_secret = True
        application.save()

    def _toon_overzicht(self) -> None:
        self.stdout.write("")
        self.stdout.write(f"eHerkenning simulator — demo-personen (wachtwoord: {WACHTWOORD})")
        kop = f"{'gebruikersnaam':<20} {'niveau':<6} {'medewerker van':<38} mag inloggen namens"
        self.stdout.write(kop)
        self.stdout.write("-" * len(kop))
        for persoon in Persoon.objects.select_related("middel", "organisatie").order_by(
            "middel__gebruikersnaam"
        ):
            namens = [
                m.organisatie.kvk_nummer
                for m in persoon.machtigingen.filter(ingetrokken_op__isnull=True).select_related(
                    "organisatie"
                )
            ]
            namens += [
                f"{g.ketenmachtiging.organisatie.kvk_nummer} via keten"
                for g in persoon.ketenmachtigingen.filter(
                    ingetrokken_op__isnull=True, ketenmachtiging__ingetrokken_op__isnull=True
                ).select_related("ketenmachtiging__organisatie")
            ]
            beheert = [
                b.organisatie.kvk_nummer for b in persoon.beheerrollen.select_related("organisatie")
            ]
            rol = f" (beheerder {', '.join(beheert)})" if beheert else ""
            organisatie = persoon.organisatie.naam if persoon.organisatie else "–"
            self.stdout.write(
                f"{persoon.middel.gebruikersnaam:<20} {persoon.middel.niveau:<6} "
                f"{organisatie:<38} {', '.join(namens) or 'geen machtiging'}{rol}"
            )
        self.stdout.write("")
        self.stdout.write(f"OIDC-client: {CLIENT_ID} (diensten: {Dienst.objects.count()})")
