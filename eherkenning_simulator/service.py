"""Use cases of the simulator: the leverancier's login, the beheermodule and the makelaar.

Writes are keyword-only functions, one transaction each, returning the object (STYLE.md).
``door`` is the beheerder who acts; ``None`` means the leverancier registered it directly
(a paper form, or the demo command).
"""

import enum
import hashlib
import hmac
import logging
import secrets
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
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

logger = logging.getLogger(__name__)

# --- Claims: the contract with the portal (README.md) -------------------------------------

CLAIM_ACTING_SUBJECT = "urn:etoegang:core:ActingSubjectID"
CLAIM_LEGAL_SUBJECT = "urn:etoegang:core:LegalSubjectID"
CLAIM_KVK = "urn:etoegang:1.9:EntityConcernedID:KvKnr"
CLAIM_SERVICE_ID = "urn:etoegang:core:ServiceID"
CLAIM_SERVICE_UUID = "urn:etoegang:core:ServiceUUID"
CLAIM_INTERMEDIAIR = "urn:etoegang:1.9:IntermediateEntityID:KvKnr"
CLAIM_VESTIGING = "urn:etoegang:1.9:ServiceRestriction:Vestigingsnr"
CLAIM_NIVEAU = "urn:etoegang:core:assurance-class"
EHERKENNING_CLAIMS = (
    CLAIM_ACTING_SUBJECT,
    CLAIM_LEGAL_SUBJECT,
    CLAIM_KVK,
    CLAIM_SERVICE_ID,
    CLAIM_SERVICE_UUID,
    CLAIM_INTERMEDIAIR,
    CLAIM_VESTIGING,
    CLAIM_NIVEAU,
)
NAME_QUALIFIER_KVK = "urn:etoegang:1.9:EntityConcernedID:KvKnr"

LOA: dict[str, str] = {
    Niveau.EH2: "urn:etoegang:core:assurance-class:loa2",
    Niveau.EH2_PLUS: "urn:etoegang:core:assurance-class:loa2plus",
    Niveau.EH3: "urn:etoegang:core:assurance-class:loa3",
    Niveau.EH4: "urn:etoegang:core:assurance-class:loa4",
}

# Two factors from EH2+ upwards; the simulator's second factor is an SMS code.
NIVEAUS_MET_SMS = frozenset({Niveau.EH2_PLUS, Niveau.EH3, Niveau.EH4})
SMS_GELDIGHEID = timedelta(minutes=5)

GEBRUIKERSNAAM_PREFIX = "eherkenning-simulator."


def service_id(*, oin: str, nummer: int) -> str:
    return f"urn:etoegang:DV:{oin}:services:{nummer}"


def pseudoniem(*, persoon: Persoon, client_id: str) -> str:
    """ActingSubjectID: opaque, stable per person per dienstverlener, never the username."""
    sleutel = getattr(settings, "EHERKENNING_SIMULATOR_PSEUDONIEM_SLEUTEL", "") or (
        settings.SECRET_KEY
    )
    bericht = f"{persoon.identificatie}|{client_id}".encode()
    return hmac.new(sleutel.encode(), bericht, hashlib.sha256).hexdigest()[:40]


# --- Personen en middelen -----------------------------------------------------------------


@transaction.atomic
def maak_persoon(
    *,
    gebruikersnaam: str,
    wachtwoord: str,
    naam: str,
    niveau: str,
    leverancier: Leverancier,
    telefoonnummer: str = "",
    organisatie: Organisatie | None = None,
    identificatie: uuid.UUID | None = None,
) -> Persoon:
    """A person with a means. The Django user is inactive and has no usable password."""
    gebruiker = get_user_model().objects.create_user(
        username=f"{GEBRUIKERSNAAM_PREFIX}{gebruikersnaam}", password=None
    )
    gebruiker.is_active = False
    gebruiker.is_staff = False
    gebruiker.save(update_fields=["is_active", "is_staff"])
    persoon = Persoon.objects.create(
        gebruiker=gebruiker,
        naam=naam,
        organisatie=organisatie,
        identificatie=identificatie or uuid.uuid4(),
    )
    Middel.objects.create(
        persoon=persoon,
        gebruikersnaam=gebruikersnaam,
        wachtwoord=make_password(wachtwoord),
        niveau=niveau,
        leverancier=leverancier,
        telefoonnummer=telefoonnummer,
    )
    return persoon


@transaction.atomic
def maak_beheerder(*, persoon: Persoon, organisatie: Organisatie) -> Beheerder:
    beheerder, _nieuw = Beheerder.objects.get_or_create(persoon=persoon, organisatie=organisatie)
    return beheerder


def controleer_inlog(*, gebruikersnaam: str, wachtwoord: str) -> Persoon | None:
    """The person whose means matches, or None. Same work for unknown names (no oracle)."""
    middel = (
        Middel.objects.select_related("persoon", "persoon__gebruiker")
        .filter(gebruikersnaam=gebruikersnaam)
        .first()
    )
    if middel is None:
        make_password(wachtwoord)
        return None
    if not check_password(wachtwoord, middel.wachtwoord):
        return None
    return middel.persoon


def vereist_sms(persoon: Persoon) -> bool:
    return persoon.middel.niveau in NIVEAUS_MET_SMS


# --- SMS (simulatie) ----------------------------------------------------------------------


class SmsUitkomst(enum.Enum):
    GOED = "goed"
    ONJUIST = "onjuist"
    GEBLOKKEERD = "geblokkeerd"
    VERLOPEN = "verlopen"


def _maskeer(telefoonnummer: str) -> str:
    return f"…{telefoonnummer[-2:]}" if len(telefoonnummer) >= 2 else "…"


@transaction.atomic
def verstuur_sms_code(*, persoon: Persoon) -> SmsBericht:
    """'Send' a 6-digit code valid for 5 minutes: a log line and the outbox page only."""
    code = f"{secrets.randbelow(1_000_000):06d}"
    nu = timezone.now()
    bericht = SmsBericht.objects.create(
        persoon=persoon,
        telefoonnummer=persoon.middel.telefoonnummer,
        code=code,
        aangemaakt_op=nu,
        geldig_tot=nu + SMS_GELDIGHEID,
    )
    logger.info(
        "eHerkenning simulator (geen echte sms): code %s voor %s naar telefoonnummer %s",
        code,
        persoon.middel.gebruikersnaam,
        _maskeer(bericht.telefoonnummer),
    )
    return bericht


@transaction.atomic
def controleer_sms_code(*, bericht_id: int, persoon: Persoon, code: str) -> tuple[SmsUitkomst, int]:
    """Check a code; the third wrong try blocks this login attempt. Returns (result, tries left)."""
    bericht = SmsBericht.objects.select_for_update().get(pk=bericht_id, persoon=persoon)
    if bericht.geblokkeerd or bericht.gebruikt_op is not None:
        return SmsUitkomst.GEBLOKKEERD, 0
    nu = timezone.now()
    if nu > bericht.geldig_tot:
        return SmsUitkomst.VERLOPEN, 0
    if hmac.compare_digest(bericht.code, code):
        bericht.gebruikt_op = nu
        bericht.save(update_fields=["gebruikt_op"])
        return SmsUitkomst.GOED, SmsBericht.MAX_POGINGEN - bericht.pogingen
    bericht.pogingen += 1
    bericht.geblokkeerd = bericht.pogingen >= SmsBericht.MAX_POGINGEN
    bericht.save(update_fields=["pogingen", "geblokkeerd"])
    if bericht.geblokkeerd:
        logger.info("eHerkenning simulator: inlogpoging geblokkeerd na 3 onjuiste sms-codes")
        return SmsUitkomst.GEBLOKKEERD, 0
    return SmsUitkomst.ONJUIST, SmsBericht.MAX_POGINGEN - bericht.pogingen


# --- Beheermodule -------------------------------------------------------------------------


def beheerde_organisaties(*, persoon: Persoon) -> QuerySet[Organisatie]:
    return Organisatie.objects.filter(beheerders__persoon=persoon).select_related("leverancier")


def organisatie_voor_beheerder(*, persoon: Persoon, kvk_nummer: str) -> Organisatie | None:
    """The organisation if this person is its beheerder; None otherwise (views give 404)."""
    return beheerde_organisaties(persoon=persoon).filter(kvk_nummer=kvk_nummer).first()


def _vereis_beheerder(door: Persoon | None, organisatie: Organisatie) -> None:
    if (
        door is not None
        and not Beheerder.objects.filter(persoon=door, organisatie=organisatie).exists()
    ):
        raise PermissionDenied(_("U bent geen machtigingenbeheerder van deze organisatie."))


def _vereis_diensten(diensten: list[Dienst]) -> None:
    if not diensten:
        raise ValidationError(_("Kies ten minste één dienst."), code="geen_dienst")


@transaction.atomic
def verleen_machtiging(
    *,
    door: Persoon | None,
    organisatie: Organisatie,
    persoon: Persoon,
    diensten: Iterable[Dienst],
    vestigingsnummer: str = "",
) -> Machtiging:
    """Grant (or change) the person's machtiging for this organisation's own KvK."""
    _vereis_beheerder(door, organisatie)
    gekozen = list(diensten)
    _vereis_diensten(gekozen)
    persoon = Persoon.objects.select_for_update().get(pk=persoon.pk)
    if door is not None and persoon.organisatie_id != organisatie.pk:
        raise ValidationError(
            _(
                "U kunt alleen medewerkers van uw eigen organisatie machtigen. Een andere "
                "organisatie machtigt u met een ketenmachtiging."
            ),
            code="geen_medewerker",
        )
    machtiging = Machtiging.objects.filter(
        organisatie=organisatie, persoon=persoon, ingetrokken_op__isnull=True
    ).first()
    if machtiging is None:
        machtiging = Machtiging.objects.create(
            organisatie=organisatie,
            persoon=persoon,
            vestigingsnummer=vestigingsnummer,
            verleend_door=door,
        )
    elif machtiging.vestigingsnummer != vestigingsnummer:
        machtiging.vestigingsnummer = vestigingsnummer
        machtiging.save(update_fields=["vestigingsnummer"])
    machtiging.diensten.set(gekozen)
    return machtiging


@transaction.atomic
def trek_machtiging_in(*, door: Persoon | None, machtiging: Machtiging) -> Machtiging:
    """Revoke; takes effect at the person's next login (a running session is the portal's)."""
    machtiging = Machtiging.objects.select_for_update().get(pk=machtiging.pk)
    _vereis_beheerder(door, machtiging.organisatie)
    if machtiging.ingetrokken_op is None:
        machtiging.ingetrokken_op = timezone.now()
        machtiging.ingetrokken_door = door
        machtiging.save(update_fields=["ingetrokken_op", "ingetrokken_door"])
    return machtiging


@transaction.atomic
def verleen_ketenmachtiging(
    *,
    door: Persoon | None,
    organisatie: Organisatie,
    intermediair: Organisatie,
    diensten: Iterable[Dienst],
) -> Ketenmachtiging:
    """Form A: werkgever A authorises intermediary B. Both must be at the same leverancier."""
    _vereis_beheerder(door, organisatie)
    gekozen = list(diensten)
    if intermediair.pk == organisatie.pk:
        raise ValidationError(
            _("Een organisatie kan zichzelf geen ketenmachtiging geven."), code="zichzelf"
        )
    if organisatie.leverancier_id != intermediair.leverancier_id:
        raise ValidationError(
            _(
                "Een ketenmachtiging kan alleen als beide organisaties bij dezelfde leverancier "
                "zijn geregistreerd (%(a)s: %(la)s; %(b)s: %(lb)s). Laat beide organisaties "
                "bij één leverancier registreren, of geef de intermediair toegang via de portal."
            )
            % {
                "a": organisatie.naam,
                "la": organisatie.leverancier.naam,
                "b": intermediair.naam,
                "lb": intermediair.leverancier.naam,
            },
            code="andere_leverancier",
        )
    if not organisatie.leverancier.biedt_ketenmachtiging:
        raise ValidationError(
            _(
                "%(leverancier)s legt geen ketenmachtigingen vast. Kies een leverancier die "
                "ketenmachtiging aanbiedt, of geef de intermediair toegang via de portal."
            )
            % {"leverancier": organisatie.leverancier.naam},
            code="leverancier_zonder_keten",
        )
    _vereis_diensten(gekozen)
    ketenmachtiging = (
        Ketenmachtiging.objects.select_for_update()
        .filter(organisatie=organisatie, intermediair=intermediair, ingetrokken_op__isnull=True)
        .first()
    )
    if ketenmachtiging is None:
        ketenmachtiging = Ketenmachtiging.objects.create(
            organisatie=organisatie, intermediair=intermediair, verleend_door=door
        )
    ketenmachtiging.diensten.set(gekozen)
    return ketenmachtiging


@transaction.atomic
def trek_ketenmachtiging_in(
    *, door: Persoon | None, ketenmachtiging: Ketenmachtiging
) -> Ketenmachtiging:
    """Revoke form A, and with it every user authorisation under it (form B)."""
    ketenmachtiging = Ketenmachtiging.objects.select_for_update().get(pk=ketenmachtiging.pk)
    _vereis_beheerder(door, ketenmachtiging.organisatie)
    nu = timezone.now()
    if ketenmachtiging.ingetrokken_op is None:
        ketenmachtiging.ingetrokken_op = nu
        ketenmachtiging.ingetrokken_door = door
        ketenmachtiging.save(update_fields=["ingetrokken_op", "ingetrokken_door"])
    ketenmachtiging.gebruikers.filter(ingetrokken_op__isnull=True).update(
        ingetrokken_op=nu, ingetrokken_door=door
    )
    return ketenmachtiging


@transaction.atomic
def machtig_onder_ketenmachtiging(
    *,
    door: Persoon | None,
    ketenmachtiging: Ketenmachtiging,
    persoon: Persoon,
    diensten: Iterable[Dienst],
) -> KetenmachtigingGebruiker:
    """Form B: the intermediary's beheerder authorises own staff for a subset of services."""
    ketenmachtiging = (
        Ketenmachtiging.objects.select_for_update()
        .select_related("organisatie", "intermediair")
        .get(pk=ketenmachtiging.pk)
    )
    _vereis_beheerder(door, ketenmachtiging.intermediair)
    if ketenmachtiging.ingetrokken_op is not None:
        raise ValidationError(
            _("Deze ketenmachtiging is ingetrokken; u kunt er niemand meer onder machtigen."),
            code="ingetrokken",
        )
    if persoon.organisatie_id != ketenmachtiging.intermediair_id:
        raise ValidationError(
            _("Alleen medewerkers van %(b)s kunnen onder deze ketenmachtiging worden gemachtigd.")
            % {"b": ketenmachtiging.intermediair.naam},
            code="geen_medewerker",
        )
    gekozen = list(diensten)
    _vereis_diensten(gekozen)
    toegestaan = set(ketenmachtiging.diensten.values_list("pk", flat=True))
    if not {d.pk for d in gekozen} <= toegestaan:
        raise ValidationError(
            _(
                "U kunt alleen machtigen voor diensten die %(a)s aan %(b)s heeft gegeven. "
                "Kies uit de diensten van de ketenmachtiging."
            )
            % {"a": ketenmachtiging.organisatie.naam, "b": ketenmachtiging.intermediair.naam},
            code="dienst_buiten_keten",
        )
    gebruiker = KetenmachtigingGebruiker.objects.filter(
        ketenmachtiging=ketenmachtiging, persoon=persoon, ingetrokken_op__isnull=True
    ).first()
    if gebruiker is None:
        gebruiker = KetenmachtigingGebruiker.objects.create(
            ketenmachtiging=ketenmachtiging, persoon=persoon, verleend_door=door
        )
    gebruiker.diensten.set(gekozen)
    return gebruiker


@transaction.atomic
def trek_ketenmachtiging_gebruiker_in(
    *, door: Persoon | None, gebruiker: KetenmachtigingGebruiker
) -> KetenmachtigingGebruiker:
    gebruiker = (
        KetenmachtigingGebruiker.objects.select_for_update()
        .select_related("ketenmachtiging__intermediair")
        .get(pk=gebruiker.pk)
    )
    _vereis_beheerder(door, gebruiker.ketenmachtiging.intermediair)
    if gebruiker.ingetrokken_op is None:
        gebruiker.ingetrokken_op = timezone.now()
        gebruiker.ingetrokken_door = door
        gebruiker.save(update_fields=["ingetrokken_op", "ingetrokken_door"])
    return gebruiker


# --- Makelaar: whom may this person represent, and the assertion --------------------------


@dataclass(frozen=True)
class Vertegenwoordiging:
    """One organisation a person may log in for, at one dienstverlener."""

    sleutel: str
    organisatie: Organisatie
    intermediair: Organisatie | None = None
    diensten: tuple[Dienst, ...] = field(default=())
    vestigingsnummer: str = ""

    @property
    def omschrijving(self) -> str:
        if self.intermediair is not None:
            return _("Werkgever %(a)s (KvK %(ka)s) via intermediair %(b)s (KvK %(kb)s)") % {
                "a": self.organisatie.naam,
                "ka": self.organisatie.kvk_nummer,
                "b": self.intermediair.naam,
                "kb": self.intermediair.kvk_nummer,
            }
        return f"{self.organisatie.naam} (KvK {self.organisatie.kvk_nummer})"


def _diensten_van(diensten: Iterable[Dienst], dienstverlener: Dienstverlener) -> tuple[Dienst, ...]:
    return tuple(
        sorted(
            (d for d in diensten if d.dienstverlener_id == dienstverlener.pk),
            key=lambda d: d.nummer,
        )
    )


def aanmeldopties(*, persoon: Persoon, dienstverlener: Dienstverlener) -> list[Vertegenwoordiging]:
    """Organisations this person may represent at this dienstverlener, as of now.

    Own machtigingen and keten-machtigingen with at least one service of the dienstverlener.
    Without any: the person's own organisation with no services (the portal decides what to
    show). A person without an organisation gets no option (the 'niet gemachtigd' page).
    """
    opties: list[Vertegenwoordiging] = []
    machtigingen = (
        Machtiging.objects.filter(persoon=persoon, ingetrokken_op__isnull=True)
        .select_related("organisatie")
        .prefetch_related("diensten")
        .order_by("organisatie__naam")
    )
    for machtiging in machtigingen:
        diensten = _diensten_van(machtiging.diensten.all(), dienstverlener)
        if diensten:
            opties.append(
                Vertegenwoordiging(
                    sleutel=f"m-{machtiging.pk}",
                    organisatie=machtiging.organisatie,
                    diensten=diensten,
                    vestigingsnummer=machtiging.vestigingsnummer,
                )
            )
    ketengebruik = (
        KetenmachtigingGebruiker.objects.filter(
            persoon=persoon,
            ingetrokken_op__isnull=True,
            ketenmachtiging__ingetrokken_op__isnull=True,
            ketenmachtiging__intermediair_id=persoon.organisatie_id,
        )
        .select_related("ketenmachtiging__organisatie", "ketenmachtiging__intermediair")
        .prefetch_related("diensten", "ketenmachtiging__diensten")
        .order_by("ketenmachtiging__organisatie__naam")
    )
    for gebruiker in ketengebruik:
        keten = gebruiker.ketenmachtiging
        toegestaan = {d.pk for d in keten.diensten.all()}
        diensten = _diensten_van(
            (d for d in gebruiker.diensten.all() if d.pk in toegestaan), dienstverlener
        )
        if diensten:
            opties.append(
                Vertegenwoordiging(
                    sleutel=f"k-{gebruiker.pk}",
                    organisatie=keten.organisatie,
                    intermediair=keten.intermediair,
                    diensten=diensten,
                )
            )
    if not opties and persoon.organisatie is not None:
        opties.append(
            Vertegenwoordiging(
                sleutel=f"o-{persoon.organisatie.pk}", organisatie=persoon.organisatie
            )
        )
    return opties


def dienstverlener_voor_client(*, client_id: str) -> Dienstverlener | None:
    return Dienstverlener.objects.filter(client_id=client_id).first()


@transaction.atomic
def registreer_aanmelding(
    *,
    code: str,
    client_id: str,
    persoon: Persoon,
    vertegenwoordiging: Vertegenwoordiging,
    auth_time: datetime,
) -> Aanmelding:
    """Bind the chosen context to an authorization code (written with the DOT grant)."""
    Aanmelding.objects.filter(
        Q(aangemaakt_op__lt=timezone.now() - timedelta(days=1))
        & (Q(gebruikt_op__isnull=False) | Q(access_token_checksum=""))
    ).delete()
    aanmelding = Aanmelding.objects.create(
        code=code,
        client_id=client_id,
        persoon=persoon,
        organisatie=vertegenwoordiging.organisatie,
        intermediair=vertegenwoordiging.intermediair,
        vestigingsnummer=vertegenwoordiging.vestigingsnummer,
        niveau=persoon.middel.niveau,
        pseudoniem=pseudoniem(persoon=persoon, client_id=client_id),
        auth_time=auth_time,
    )
    aanmelding.diensten.set(vertegenwoordiging.diensten)
    return aanmelding


def ongebruikte_aanmelding(*, code: str, client_id: str) -> Aanmelding | None:
    return (
        Aanmelding.objects.select_related("organisatie", "intermediair")
        .filter(code=code, client_id=client_id, gebruikt_op__isnull=True)
        .first()
    )


def aanmelding_voor_token(*, token_checksum: str) -> Aanmelding | None:
    if not token_checksum:
        return None
    return (
        Aanmelding.objects.select_related("organisatie", "intermediair")
        .filter(access_token_checksum=token_checksum)
        .first()
    )


@transaction.atomic
def koppel_access_token(*, aanmelding: Aanmelding, token_checksum: str) -> Aanmelding:
    aanmelding.access_token_checksum = token_checksum
    aanmelding.save(update_fields=["access_token_checksum"])
    return aanmelding


@transaction.atomic
def markeer_aanmelding_gebruikt(*, code: str) -> None:
    Aanmelding.objects.filter(code=code, gebruikt_op__isnull=True).update(
        gebruikt_op=timezone.now()
    )


def claims_voor(*, aanmelding: Aanmelding) -> dict[str, Any]:
    """The eHerkenning attributes of one login (DOMAIN §2; contract in README.md)."""
    diensten = sorted(aanmelding.diensten.all(), key=lambda d: d.nummer)
    loa = LOA[aanmelding.niveau]
    claims: dict[str, Any] = {
        "sub": aanmelding.pseudoniem,
        "acr": loa,
        CLAIM_NIVEAU: loa,
        CLAIM_ACTING_SUBJECT: aanmelding.pseudoniem,
        CLAIM_LEGAL_SUBJECT: {
            "NameQualifier": NAME_QUALIFIER_KVK,
            "value": aanmelding.organisatie.kvk_nummer,
        },
        CLAIM_KVK: aanmelding.organisatie.kvk_nummer,
        CLAIM_SERVICE_ID: [d.service_id for d in diensten],
        CLAIM_SERVICE_UUID: [str(d.service_uuid) for d in diensten],
    }
    if aanmelding.intermediair is not None:
        claims[CLAIM_INTERMEDIAIR] = aanmelding.intermediair.kvk_nummer
    if aanmelding.vestigingsnummer:
        claims[CLAIM_VESTIGING] = aanmelding.vestigingsnummer
    return claims
