"""Writes of the inbox. Other apps place messages with ``plaats_bericht`` (DOMAIN §8, seed 003).

The notification e-mail goes out after commit through a Celery task with retries; a failing mail
server never blocks or rolls back the action that placed the message (seed 003 art. 2.8).
"""

from typing import TYPE_CHECKING

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from verzuimportaal.utils.taken import na_commit
from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.webhooks import service as webhooks
from verzuimportaal.webhooks.models import Gebeurtenis
from verzuimportaal.werkgevers.models import Werkgever

from .models import Bericht, Leesstatus, Soort

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

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
        raise ValidationError({"soort": f"Onbekende soort bericht: {soort}."})
    if not onderwerp.strip():
        raise ValidationError({"onderwerp": "Vul een onderwerp in."})
    if (
        verzuimgeval is not None
        and verzuimgeval.werknemer.loonheffingennummer.werkgever_id != werkgever.pk
    ):
        raise ValidationError("Het verzuimgeval hoort niet bij deze werkgever.")
    if document is not None and len(document[1]) > MAX_DOCUMENT_BYTES:
        raise ValidationError({"document": "Het document is groter dan 20 MB."})
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


def markeer_gelezen(*, bericht: Bericht, gebruiker: "AbstractBaseUser | AnonymousUser") -> None:
    """Idempotent: the first read time stays."""
    if not gebruiker.is_authenticated:
        return
    if Leesstatus.objects.filter(bericht=bericht, gebruiker_id=gebruiker.pk).exists():
        return
    try:
        with transaction.atomic():
            Leesstatus.objects.create(
                bericht=bericht, gebruiker_id=gebruiker.pk, gelezen_op=timezone.now()
            )
    except IntegrityError:
        pass  # a concurrent request marked it first
