"""Writes for cases (ADR 0027): received from a werkgever's submission, handled by the operator.

``ontvang`` runs inside the submitting service's transaction. The handling functions are used by
the behandelaarsomgeving: each locks the case, checks the status, writes the step to the history,
the audit row (in the werkgever's log, as the operator) and, where the werkgever must know, a
message or the decision letter (PDF) in its inbox.
"""

from dataclasses import replace

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.berichten.models import Soort as BerichtSoort
from verzuimportaal.berichten.service import plaats_bericht
from verzuimportaal.toegang.actor import Actor, Portaalactor
from verzuimportaal.utils.taken import na_commit
from verzuimportaal.verzuim.models import Nummerreeks
from verzuimportaal.werkgevers.service import markeer_gegevens_gewijzigd
from verzuimportaal.werknemers.models import Werknemer

from . import bijlagen
from .models import DIENST_PER_SOORT, Besluit, Gebeurtenis, Status, Zaak

GEEN_MEDISCHE_GEGEVENS = "Geen medische gegevens invullen."


def _volgend_zaaknummer(jaar: int) -> str:
    """``Z2026-00001``: per year, gap-free, safe under concurrency."""
    sleutel = f"zaak-{jaar}"
    try:
        with transaction.atomic():
            Nummerreeks.objects.get_or_create(sleutel=sleutel)
    except IntegrityError:
        pass
    reeks = Nummerreeks.objects.select_for_update().get(sleutel=sleutel)
    reeks.laatste += 1
    reeks.save(update_fields=["laatste"])
    return f"Z{jaar}-{reeks.laatste:05d}"


def _naam(gebruiker: AbstractBaseUser) -> str:
    naam = getattr(gebruiker, "get_full_name", lambda: "")() or gebruiker.get_username()
    return str(naam)


def operator_actor(*, door: Portaalactor, zaak: Zaak) -> Actor:
    """The behandelaar acting on the werkgever's data: a row in its log (no portal rights), with
    the address and browser of the request."""
    return replace(door.voor(zaak.werkgever), weergavenaam=f"Behandelaar ({_naam(_account(door))})")


def _account(door: Portaalactor) -> AbstractBaseUser:
    if door.gebruiker is None:
        raise PermissionDenied("Alleen behandelaars kunnen zaken behandelen.")
    return door.gebruiker


def _stap(zaak: Zaak, soort: str, door_naam: str, toelichting: str = "") -> Gebeurtenis:
    return Gebeurtenis.objects.create(
        zaak=zaak,
        soort=soort,
        tijdstip=timezone.now(),
        toelichting=toelichting,
        door_naam=door_naam[:200],
    )


def _audit(door: Actor, zaak: Zaak, actie: str, omschrijving: str) -> None:
    audit.registreer(
        door=door, actie=actie, onderwerp=zaak, omschrijving=f"{zaak.zaaknummer}: {omschrijving}"
    )


def ontvang(*, door: Actor, soort: str, onderwerp: str, werknemer: Werknemer | None) -> Zaak:
    """A submission becomes a case with status "ontvangen" (in the caller's transaction)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("ontvang hoort in de transactie van de indienende dienst.")
    if werknemer is not None and werknemer.loonheffingennummer.werkgever_id != door.werkgever.pk:
        raise PermissionDenied(_("Deze werknemer hoort niet bij de werkgever waarvoor u werkt."))
    with transaction.atomic():  # a savepoint: all of it or nothing, also if the caller goes on
        zaak = Zaak.objects.create(
            zaaknummer=_volgend_zaaknummer(timezone.localdate().year),
            werkgever=door.werkgever,
            soort=soort,
            dienst=DIENST_PER_SOORT[soort],
            onderwerp=onderwerp[:200],
            werknemer=werknemer,
            ontvangen_op=timezone.now(),
        )
        _stap(zaak, Gebeurtenis.Soort.ONTVANGEN, door.weergavenaam)
        _audit(door, zaak, Actie.AANMAKEN, f"aanvraag ontvangen: {zaak.onderwerp}")
        markeer_gegevens_gewijzigd(werkgever_ids=[zaak.werkgever_id])
    return zaak


def _vergrendel(zaak: Zaak) -> Zaak:
    return Zaak.objects.select_for_update().select_related("werkgever").get(pk=zaak.pk)


def _niet_besloten(zaak: Zaak) -> None:
    if zaak.status == Status.BESLUIT:
        raise ValidationError(
            _(
                "Over zaak %(zaaknummer)s is al besloten (%(besluit)s op %(besluit_op)s). Er kan "
                "niets meer aan worden gewijzigd."
            )
            % {
                "zaaknummer": zaak.zaaknummer,
                "besluit": zaak.get_besluit_display().lower(),
                "besluit_op": f"{zaak.besluit_op:%d-%m-%Y}",
            },
            code="besloten",
        )


def _mag_behandelen(gebruiker: AbstractBaseUser) -> None:
    if not (gebruiker.is_active and gebruiker.has_perm("aanvragen.behandelen")):  # type: ignore[attr-defined]
        raise PermissionDenied(_("Alleen behandelaars kunnen zaken behandelen."))


@transaction.atomic
def wijs_toe(*, door: Portaalactor, zaak: Zaak, behandelaar: AbstractBaseUser) -> Zaak:
    """Assign the case (to oneself or a colleague); a received case goes "in behandeling"."""
    _mag_behandelen(_account(door))
    _mag_behandelen(behandelaar)
    zaak = _vergrendel(zaak)
    _niet_besloten(zaak)
    zaak.behandelaar = behandelaar  # type: ignore[assignment]
    if zaak.status == Status.ONTVANGEN:
        zaak.status = Status.IN_BEHANDELING
    zaak.save(update_fields=["behandelaar", "status"])
    _stap(zaak, Gebeurtenis.Soort.TOEGEWEZEN, "Behandelaar")
    _audit(
        operator_actor(door=door, zaak=zaak),
        zaak,
        Actie.WIJZIGEN,
        f"toegewezen aan {_naam(behandelaar)}",
    )
    markeer_gegevens_gewijzigd(werkgever_ids=[zaak.werkgever_id])
    return zaak


@transaction.atomic
def vraag_informatie(*, door: Portaalactor, zaak: Zaak, vraag: str) -> Zaak:
    """Ask the werkgever for information: the question goes to its inbox."""
    _mag_behandelen(_account(door))
    zaak = _vergrendel(zaak)
    _niet_besloten(zaak)
    vraag = vraag.strip()
    if not vraag:
        raise ValidationError({"vraag": _("Vul de vraag aan de werkgever in.")})
    zaak.status = Status.INFORMATIE_GEVRAAGD
    if zaak.behandelaar_id is None:
        zaak.behandelaar = _account(door)  # type: ignore[assignment]
    zaak.save(update_fields=["status", "behandelaar"])
    _stap(zaak, Gebeurtenis.Soort.INFORMATIE_GEVRAAGD, "Behandelaar", vraag)
    plaats_bericht(
        werkgever=zaak.werkgever,
        soort=BerichtSoort.MEDEDELING,
        onderwerp=f"Vraag over uw aanvraag {zaak.zaaknummer}",
        tekst=f"Over uw aanvraag {zaak.zaaknummer} ({zaak.onderwerp}) hebben wij een vraag:\n\n"
        f"{vraag}\n\nBeantwoord de vraag in het portaal, bij de aanvraag onder Aanvragen.",
    )
    _audit(
        operator_actor(door=door, zaak=zaak),
        zaak,
        Actie.WIJZIGEN,
        "informatie gevraagd",
    )
    markeer_gegevens_gewijzigd(werkgever_ids=[zaak.werkgever_id])
    return zaak


def besluitbrief_pdf(zaak: Zaak) -> bytes:
    from weasyprint import HTML  # heavy import, only when a letter is made

    # A letter to the werkgever as an organisation: in the portal's own language, whoever decides.
    with translation.override(settings.LANGUAGE_CODE):
        html = render_to_string("aanvragen/besluitbrief.html", {"zaak": zaak})
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf


@transaction.atomic
def beslis(*, door: Portaalactor, zaak: Zaak, besluit: str, toelichting: str) -> Zaak:
    """Decide: the decision letter (PDF) lands in the werkgever's inbox; the case is closed."""
    _mag_behandelen(_account(door))
    zaak = _vergrendel(zaak)
    _niet_besloten(zaak)
    if besluit not in Besluit.values:
        raise ValidationError({"besluit": _("Kies toekennen of afwijzen.")})
    toelichting = toelichting.strip()
    if besluit == Besluit.AFGEWEZEN and not toelichting:
        raise ValidationError(
            {"toelichting": _("Een afwijzing heeft een motivering nodig; vul de toelichting in.")}
        )
    zaak.status = Status.BESLUIT
    zaak.besluit = besluit
    zaak.besluit_toelichting = toelichting
    zaak.besluit_op = timezone.localdate()
    if zaak.behandelaar_id is None:
        zaak.behandelaar = _account(door)  # type: ignore[assignment]
    zaak.brief = plaats_bericht(
        werkgever=zaak.werkgever,
        soort=BerichtSoort.BRIEF,
        onderwerp=f"Besluit op uw aanvraag {zaak.zaaknummer}",
        tekst=f"In de bijlage vindt u het besluit op uw aanvraag {zaak.zaaknummer} "
        f"({zaak.onderwerp}).",
        document=(f"besluit-{zaak.zaaknummer}.pdf", besluitbrief_pdf(zaak)),
    )
    zaak.save(
        update_fields=[
            "status",
            "besluit",
            "besluit_toelichting",
            "besluit_op",
            "behandelaar",
            "brief",
        ]
    )
    _stap(zaak, Gebeurtenis.Soort.BESLUIT, "Behandelaar", zaak.get_besluit_display())
    _audit(
        operator_actor(door=door, zaak=zaak),
        zaak,
        Actie.WIJZIGEN,
        f"besluit: {zaak.get_besluit_display().lower()}",
    )
    markeer_gegevens_gewijzigd(werkgever_ids=[zaak.werkgever_id])
    na_commit("verzuimportaal.webhooks.tasks.publiceer_besluit_task", str(zaak.uuid))
    return zaak


@transaction.atomic
def beantwoord(
    *, door: Actor, zaak: Zaak, antwoord: str, bijlage: UploadedFile | None = None
) -> Zaak:
    """The werkgever answers the operator's question (ADR 0028): the answer (and a document, if
    any) goes into the history and the case is back "in behandeling"."""
    if not door.heeft_recht(zaak.dienst, wijzigen=True):
        raise PermissionDenied(
            _(
                "U mag deze aanvraag alleen bekijken. Voor antwoorden is het niveau 'bekijken en "
                "wijzigen' nodig."
            )
        )
    zaak = _vergrendel(zaak)
    if zaak.werkgever_id != door.werkgever.pk:
        raise PermissionDenied(_("Deze aanvraag hoort niet bij de werkgever waarvoor u werkt."))
    _niet_besloten(zaak)
    if zaak.status != Status.INFORMATIE_GEVRAAGD:
        raise ValidationError(
            _("Er staat geen vraag open over aanvraag %(zaaknummer)s.")
            % {"zaaknummer": zaak.zaaknummer},
            code="geen_vraag",
        )
    antwoord = antwoord.strip()
    if not antwoord:
        raise ValidationError({"antwoord": _("Vul uw antwoord in.")})
    stukken = (
        bijlagen.controleer(
            [bijlagen.Stuk("bijlage", _("Bijlage bij het antwoord"), verplicht=False)],
            {"bijlage": bijlage},
        )
        if bijlage is not None
        else []
    )
    zaak.status = Status.IN_BEHANDELING
    zaak.save(update_fields=["status"])
    _stap(zaak, Gebeurtenis.Soort.BEANTWOORD, door.weergavenaam, antwoord)
    bijlagen.bewaar(zaak=zaak, stukken=stukken, door_naam=door.weergavenaam)
    _audit(door, zaak, Actie.WIJZIGEN, "informatie gegeven")
    markeer_gegevens_gewijzigd(werkgever_ids=[zaak.werkgever_id])
    return zaak
