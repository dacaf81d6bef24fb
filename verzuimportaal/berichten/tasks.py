"""Thin Celery tasks: load ids, send, retry with backoff (DOMAIN §9)."""

import logging
import smtplib

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from .models import Bericht
from .ontvangers import notificatieadressen, notificatietalen

logger = logging.getLogger(__name__)

ONDERWERP = _("Nieuw bericht in het Verzuimportaal")


def notificatietekst() -> str:
    """The whole e-mail body: no names, no BSN, no subject of the message (DOMAIN §9)."""
    link = settings.PORTAAL_URL.rstrip("/") + reverse("berichten:inbox")
    return _(
        "Geachte heer/mevrouw,\n\n"
        "Er staat een nieuw bericht voor u klaar in het Verzuimportaal.\n"
        "Log in om het te lezen: %(link)s\n\n"
        "Dit is een automatisch bericht; u kunt er niet op antwoorden. Deze e-mail is een "
        "service: kijk ook zelf regelmatig in uw berichtenbox.\n"
    ) % {"link": link}


@shared_task(
    autoretry_for=(smtplib.SMTPException, OSError),
    retry_backoff=True,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=6,
    acks_late=True,
)
def verstuur_notificatie(bericht_id: int) -> int:
    """Mail the werkgever's users that a message is waiting; idempotent. Returns mails sent."""
    with transaction.atomic():
        bericht = (
            Bericht.objects.select_for_update()
            .select_related("werkgever")
            .filter(pk=bericht_id, notificatie_verstuurd_op__isnull=True)
            .first()
        )
        if bericht is None:
            return 0  # already sent, or the message is gone
        adressen = notificatieadressen(bericht.werkgever)
        talen = notificatietalen(bericht.werkgever)
        # One mail per address, in its reader's language (ADR 0044): recipients never see each
        # other's address.
        berichten = []
        for adres in adressen:
            with translation.override(talen.get(adres, settings.LANGUAGE_CODE)):
                berichten.append(
                    EmailMessage(
                        str(ONDERWERP), notificatietekst(), settings.DEFAULT_FROM_EMAIL, [adres]
                    )
                )
        if berichten:
            get_connection(fail_silently=False).send_messages(berichten)
        bericht.notificatie_verstuurd_op = timezone.now()
        bericht.save(update_fields=["notificatie_verstuurd_op"])
    logger.info("Notificatie voor bericht %s naar %d adres(sen)", bericht.uuid, len(berichten))
    return len(berichten)
