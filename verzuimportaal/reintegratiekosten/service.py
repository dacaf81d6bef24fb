"""Writes for re-integratiekosten and loonsanctie (DOMAIN §7.5, ADR 0041).

Each use case locks the declaratie or the spell, checks who acts (the werkgever declares and
reports; the casemanager of the insurer approves and records the payment), writes, registers one
audit row and raises the werkgever's data version, in one transaction.
"""

import hashlib
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.dossier import uploads
from verzuimportaal.geld import reintegratiekosten as regels
from verzuimportaal.toegang.actor import Actor, Route
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.werkgevers.service import markeer_gegevens_gewijzigd

from .models import AdviesOpgevolgd, Declaratie, Loonsanctiemelding, Status

# A nota is a PDF or a scan/photo; no Word documents (the amount must be readable as sent).
NOTATYPEN = (uploads.PDF, uploads.JPEG, uploads.PNG)


def is_casemanager(door: Actor) -> bool:
    return door.route == Route.CASEMANAGER and door.heeft_recht(Dienst.VERZUIM_MELDEN)


def mag_declareren(door: Actor) -> bool:
    """The werkgever's side with "bekijken en wijzigen"; never the insurer's casemanager."""
    return door.route != Route.CASEMANAGER and door.heeft_recht(
        Dienst.VERZUIM_MELDEN, wijzigen=True
    )


def _vereis_werkgever(door: Actor) -> None:
    if not mag_declareren(door):
        raise PermissionDenied(
            _(
                "Alleen de werkgever met het recht 'Melden en inzien verzuimgegevens' op "
                "niveau 'bekijken en wijzigen' vraagt goedkeuring aan, declareert en meldt een "
                "loonsanctie."
            )
        )


def _vereis_casemanager(door: Actor) -> None:
    if not is_casemanager(door):
        raise PermissionDenied(
            _(
                "Alleen de casemanager van de verzekeraar beoordeelt re-integratiekosten en legt "
                "de betaling vast."
            )
        )


def _geval(door: Actor, verzuimgeval: Verzuimgeval) -> Verzuimgeval:
    geval = (
        Verzuimgeval.objects.select_for_update(of=("self",))
        .select_related("werknemer__loonheffingennummer")
        .get(pk=verzuimgeval.pk)
    )
    nummer = geval.werknemer.loonheffingennummer
    if (
        nummer.werkgever_id != door.werkgever.pk
        or not nummer.actief
        or (
            door.loonheffingennummer_ids is not None
            and nummer.pk not in door.loonheffingennummer_ids
        )
    ):
        raise PermissionDenied(_("Dit verzuim hoort niet bij de werkgever waarvoor u werkt."))
    return geval


def _declaratie(door: Actor, declaratie: Declaratie) -> Declaratie:
    gevonden = Declaratie.objects.select_for_update().get(pk=declaratie.pk)
    if gevonden.werkgever_id != door.werkgever.pk:
        raise PermissionDenied(_("Deze declaratie hoort niet bij de werkgever waarvoor u werkt."))
    _geval(door, gevonden.verzuimgeval)  # route-B limits and an active number
    return gevonden


def _bedrag(waarde: Decimal, veld: str) -> Decimal:
    if waarde <= 0:
        raise ValidationError({veld: _("Vul een bedrag groter dan 0 in.")})
    if waarde != waarde.quantize(Decimal("0.01")):
        raise ValidationError({veld: _("Vul een bedrag in hele centen in.")})
    return waarde


def _niet_in_de_toekomst(dag: date, veld: str, vandaag: date) -> None:
    if dag > vandaag:
        raise ValidationError(
            {veld: _("Deze datum ligt in de toekomst. Vul een datum tot en met vandaag in.")}
        )


@transaction.atomic
def vraag_goedkeuring_aan(
    *,
    door: Actor,
    verzuimgeval: Verzuimgeval,
    omschrijving: str,
    aanbieder: str,
    begroot_bedrag: Decimal,
) -> Declaratie:
    """Ask the casemanager to approve re-integration costs beforehand (DOMAIN §7.5)."""
    _vereis_werkgever(door)
    geval = _geval(door, verzuimgeval)
    omschrijving, aanbieder = omschrijving.strip(), aanbieder.strip()
    if not omschrijving or not aanbieder:
        raise ValidationError(_("Vul de omschrijving en de aanbieder in."))
    declaratie = Declaratie(
        werkgever=door.werkgever,
        verzuimgeval=geval,
        omschrijving=omschrijving,
        aanbieder=aanbieder,
        begroot_bedrag=_bedrag(begroot_bedrag, "begroot_bedrag"),
        aangevraagd_op=timezone.localdate(),
        aangevraagd_door_naam=door.weergavenaam[:200],
    )
    declaratie.full_clean()
    declaratie.save()
    audit.registreer(
        door=door,
        actie=Actie.AANMAKEN,
        onderwerp=declaratie,
        omschrijving=f"Goedkeuring gevraagd voor {omschrijving[:80]}: "
        f"{declaratie.begroot_bedrag} €",
    )
    markeer_gegevens_gewijzigd(werkgever_ids=[door.werkgever.pk])
    return declaratie


@transaction.atomic
def beoordeel(
    *,
    door: Actor,
    declaratie: Declaratie,
    goedgekeurd_bedrag: Decimal | None,
    toelichting: str = "",
) -> Declaratie:
    """The casemanager approves an amount (``None``: refuses, with a reason), DOMAIN §7.5.

    Possible before or after the declaration: a declaration without approval pays 0 until decided.
    """
    _vereis_casemanager(door)
    declaratie = _declaratie(door, declaratie)
    if declaratie.beoordeeld_op is not None or declaratie.status == Status.BETAALD:
        raise ValidationError(_("Deze declaratie is al beoordeeld."))
    toelichting = toelichting.strip()
    if goedgekeurd_bedrag is None:
        if declaratie.status == Status.GEDECLAREERD:
            declaratie.goedgekeurd_bedrag = Decimal(0)  # declared but refused: vergoeding 0
        if not toelichting:
            raise ValidationError({"toelichting": _("Geef bij een afwijzing de reden.")})
    else:
        declaratie.goedgekeurd_bedrag = _bedrag(goedgekeurd_bedrag, "goedgekeurd_bedrag")
    if declaratie.status == Status.AANGEVRAAGD:
        declaratie.status = Status.AFGEWEZEN if goedgekeurd_bedrag is None else Status.GOEDGEKEURD
    declaratie.beoordeeld_op = timezone.localdate()
    declaratie.beoordeeld_door_naam = door.weergavenaam[:200]
    declaratie.toelichting = toelichting
    declaratie.save()
    audit.registreer(
        door=door,
        actie=Actie.WIJZIGEN,
        onderwerp=declaratie,
        omschrijving=(
            "Re-integratiekosten afgewezen"
            if goedgekeurd_bedrag is None
            else f"Re-integratiekosten goedgekeurd tot {declaratie.goedgekeurd_bedrag} €"
        ),
    )
    markeer_gegevens_gewijzigd(werkgever_ids=[door.werkgever.pk])
    return declaratie


def _controleer_nota(nota: UploadedFile) -> tuple[bytes, str, str]:
    """(content, type, safe name) after checking size, type by magic bytes and name (DOMAIN §9)."""
    maximum: int = settings.DOSSIER_MAX_UPLOAD_BYTES
    if (nota.size or 0) > maximum:
        raise ValidationError(
            {
                "nota": _("De nota is te groot. Hij mag hoogstens %(maximum)s MB zijn.")
                % {"maximum": maximum // 1_048_576}
            }
        )
    inhoud = nota.read(maximum + 1)
    if not inhoud:
        raise ValidationError({"nota": _("Het bestand is leeg. Kies de nota.")})
    soort = uploads.detecteer_type(inhoud)
    if soort not in NOTATYPEN:
        raise ValidationError(
            {
                "nota": _(
                    "Dit bestand is geen PDF of foto (JPEG of PNG). Upload de nota als PDF "
                    "of als scan."
                )
            }
        )
    naam = uploads.veilige_naam(nota.name or "nota")
    if uploads.extensie(naam) not in uploads.EXTENSIES[soort]:
        raise ValidationError(
            {
                "nota": _(
                    "De naam van het bestand (%(naam)s) past niet bij de inhoud. Kies de goede "
                    "nota."
                )
                % {"naam": naam}
            }
        )
    return inhoud, soort, naam


@transaction.atomic
def declareer(
    *,
    door: Actor,
    declaratie: Declaratie,
    notabedrag: Decimal,
    nota_ontvangen_op: date,
    nota: UploadedFile,
) -> Declaratie:
    """The werkgever declares with the nota, at the latest one month after receiving it.

    No extension (DOMAIN §7.5: received 31 January → declare by 28 February).
    """
    _vereis_werkgever(door)
    declaratie = _declaratie(door, declaratie)
    if declaratie.status not in (Status.AANGEVRAAGD, Status.GOEDGEKEURD):
        raise ValidationError(
            _("Declareren kan niet meer: de declaratie is %(status)s.")
            % {"status": declaratie.get_status_display().lower()}
        )
    vandaag = timezone.localdate()
    _niet_in_de_toekomst(nota_ontvangen_op, "nota_ontvangen_op", vandaag)
    uiterlijk = regels.declaratietermijn(nota_ontvangen=nota_ontvangen_op)
    if vandaag > uiterlijk:
        raise ValidationError(
            {
                "nota_ontvangen_op": _(
                    "De termijn is verstreken: een nota ontvangen op %(nota_ontvangen_op)s moest "
                    "uiterlijk %(uiterlijk)s worden gedeclareerd. De termijn kan niet worden "
                    "verlengd."
                )
                % {
                    "nota_ontvangen_op": f"{nota_ontvangen_op:%d-%m-%Y}",
                    "uiterlijk": f"{uiterlijk:%d-%m-%Y}",
                }
            }
        )
    inhoud, soort, naam = _controleer_nota(nota)
    declaratie.notabedrag = _bedrag(notabedrag, "notabedrag")
    declaratie.nota_ontvangen_op = nota_ontvangen_op
    declaratie.gedeclareerd_op = vandaag
    declaratie.status = Status.GEDECLAREERD
    declaratie.nota_naam = naam
    declaratie.nota_content_type = soort
    declaratie.nota_sha256 = hashlib.sha256(inhoud).hexdigest()
    declaratie.nota.save(naam, ContentFile(inhoud), save=False)
    try:
        declaratie.save()
        audit.registreer(
            door=door,
            actie=Actie.WIJZIGEN,
            onderwerp=declaratie,
            omschrijving=f"Gedeclareerd met nota {naam}: {declaratie.notabedrag} €",
        )
        markeer_gegevens_gewijzigd(werkgever_ids=[door.werkgever.pk])
    except Exception:
        declaratie.nota.delete(save=False)  # no orphan file when the row is not stored
        raise
    return declaratie


@transaction.atomic
def leg_betaling_vast(*, door: Actor, declaratie: Declaratie, betaald_op: date) -> Declaratie:
    """The insurer paid min(nota, approved) (DOMAIN §7.5); only after approval."""
    _vereis_casemanager(door)
    declaratie = _declaratie(door, declaratie)
    if declaratie.status != Status.GEDECLAREERD:
        raise ValidationError(_("Alleen een gedeclareerde nota kan worden betaald."))
    if declaratie.beoordeeld_op is None:
        raise ValidationError(
            _("Beoordeel de kosten eerst: zonder goedkeuring is de vergoeding 0.")
        )
    _niet_in_de_toekomst(betaald_op, "betaald_op", timezone.localdate())
    if declaratie.gedeclareerd_op is None or betaald_op < declaratie.gedeclareerd_op:
        raise ValidationError({"betaald_op": _("De betaling ligt vóór de declaratie.")})
    declaratie.betaald_op = betaald_op
    declaratie.betaald_bedrag = declaratie.vergoeding
    declaratie.status = Status.BETAALD
    declaratie.save()
    audit.registreer(
        door=door,
        actie=Actie.WIJZIGEN,
        onderwerp=declaratie,
        omschrijving=f"Vergoeding {declaratie.betaald_bedrag} € betaald op {betaald_op:%d-%m-%Y}",
    )
    markeer_gegevens_gewijzigd(werkgever_ids=[door.werkgever.pk])
    return declaratie


@transaction.atomic
def meld_loonsanctie(
    *,
    door: Actor,
    verzuimgeval: Verzuimgeval,
    besluit_ontvangen_op: date,
    weken: int,
    advies_opgevolgd: str,
    toelichting: str = "",
) -> Loonsanctiemelding:
    """Tell the insurer of UWV's loonsanctie, due 5 werkdagen after receipt (DOMAIN §7.5).

    A late report is still recorded, marked late: the insurer then decides on the
    poortwachtergarantie without the werkgever's timely information.
    """
    _vereis_werkgever(door)
    geval = _geval(door, verzuimgeval)
    vandaag = timezone.localdate()
    _niet_in_de_toekomst(besluit_ontvangen_op, "besluit_ontvangen_op", vandaag)
    if besluit_ontvangen_op < geval.eerste_ziektedag:
        raise ValidationError(
            {
                "besluit_ontvangen_op": _(
                    "Het besluit ligt vóór de eerste ziektedag van dit verzuim."
                )
            }
        )
    if advies_opgevolgd not in AdviesOpgevolgd.values:
        raise ValidationError({"advies_opgevolgd": _("Kies of het advies is opgevolgd.")})
    melding = Loonsanctiemelding(
        werkgever=door.werkgever,
        verzuimgeval=geval,
        besluit_ontvangen_op=besluit_ontvangen_op,
        weken=weken,
        advies_opgevolgd=advies_opgevolgd,
        toelichting=toelichting.strip(),
        gemeld_op=vandaag,
        gemeld_door_naam=door.weergavenaam[:200],
    )
    melding.full_clean()
    melding.save()
    audit.registreer(
        door=door,
        actie=Actie.AANMAKEN,
        onderwerp=melding,
        omschrijving=f"Loonsanctie van {weken} weken gemeld"
        + (" (na de termijn)" if melding.te_laat else ""),
    )
    markeer_gegevens_gewijzigd(werkgever_ids=[door.werkgever.pk])
    return melding
