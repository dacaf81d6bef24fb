"""Writes of the inbox. Other apps place messages with ``plaats_bericht`` (DOMAIN §8, seed 003).

``plaats_bericht`` is a building block of the caller's use case (a decision, a letter, a
reminder): it runs in the caller's transaction, whose service writes the audit row and the data
version (ADR 0013). ``markeer_gelezen`` is a use case of its own.

The notification e-mail goes out after commit through a Celery task with retries; a failing mail
server never blocks or rolls back the action that placed the message (seed 003 art. 2.8).
"""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.utils.taken import na_commit
from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.webhooks import service as webhooks
from verzuimportaal.webhooks.models import Gebeurtenis
from verzuimportaal.werkgevers.models import Werkgever

from .models import Bericht, Leesstatus, Soort

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


def plaats_bericht(
    *,
    werkgever: Werkgever,
    soort: str,
    onderwerp: str,
    tekst: str,
    document: tuple[str, bytes] | None = None,
    verzuimgeval: Verzuimgeval | None = None,
    notificeren: bool = True,
) -> Bericht:
    """A new message in the werkgever's inbox, in the caller's transaction; mail on commit.

    ``notificeren=False`` places it without e-mail (demo data, bulk imports).
    """
    if soort not in Soort.values:
        raise ValidationError(
            {"soort": _("Onbekende soort bericht: %(soort)s.") % {"soort": soort}}
        )
    if not onderwerp.strip():
        raise ValidationError({"onderwerp": _("Vul een onderwerp in.")})
    if (
        verzuimgeval is not None
        and verzuimgeval.werknemer.loonheffingennummer.werkgever_id != werkgever.pk
    ):
        raise ValidationError(_("Het verzuimgeval hoort niet bij deze werkgever."))
    if document is not None and len(document[1]) > MAX_DOCUMENT_BYTES:
        raise ValidationError({"document": _("Het document is groter dan 20 MB.")})
    with transaction.atomic():
        bericht = Bericht(
            werkgever=werkgever,
            soort=soort,
            onderwerp=onderwerp.strip()[:200],
            tekst=tekst,
            verzuimgeval=verzuimgeval,
        )
        if document is not None:
            naam, inhoud = document
            bericht.documentnaam = _veilige_naam(naam)
            bericht.document.save(bericht.documentnaam, ContentFile(inhoud), save=False)
        bericht.save()
        webhooks.publiceer(
            werkgever_id=werkgever.pk,
            gebeurtenis=Gebeurtenis.BERICHT_ONTVANGEN,
            object_type="bericht",
            object_id=str(bericht.uuid),
            sleutel=str(bericht.uuid),
        )
        if notificeren:
            # A broker outage never breaks the user's action (seed 003 art. 2.8).
            na_commit("verzuimportaal.berichten.tasks.verstuur_notificatie", bericht.pk)
    return bericht


def _veilige_naam(naam: str) -> str:
    """Only the last path part, without control characters or quotes (Content-Disposition)."""
    naam = naam.replace("\\", "/").rsplit("/", 1)[-1]
    naam = "".join(c for c in naam if c.isprintable() and c not in '";')
    return naam.strip()[:200] or "document"


def markeer_gelezen(*, door: Actor, bericht: Bericht, actie: str = Actie.INZIEN) -> None:
    """The actor opened (``INZIEN``) or downloaded (``DOWNLOADEN``) ``bericht``.

    The account's first read time is kept (idempotent). One audit row per read: on the spell a
    letter is about (whose data was read), else on the message; a general notice read on screen
    holds no personal data and writes none. The subject stays out of the log: it may name the
    employee or the illness (DOMAIN §9). No data version: the werkgever's data do not change.
    """
    if bericht.werkgever_id != door.werkgever.pk:
        raise ValidationError(_("Dit bericht hoort niet bij uw werkgever."))
    gebruiker = door.gebruiker
    with transaction.atomic():
        if gebruiker is not None and gebruiker.pk is not None:
            try:
                with transaction.atomic():  # a concurrent request may mark it first
                    Leesstatus.objects.get_or_create(
                        bericht=bericht,
                        gebruiker_id=gebruiker.pk,
                        defaults={"gelezen_op": timezone.now()},
                    )
            except IntegrityError:
                pass
        if bericht.verzuimgeval is not None or actie != Actie.INZIEN:
            audit.registreer(
                door=door,
                actie=actie,
                onderwerp=bericht.verzuimgeval or bericht,
                omschrijving=f"bericht {bericht.uuid}",
            )
