"""Thin Celery tasks (DOMAIN §9): idempotent, acks_late, enqueued on commit by the service."""

import smtplib
from datetime import date

from celery import shared_task
from django.utils import timezone

from verzuimportaal.toegang.actor import beheerder

from . import bezorging, service


@shared_task(acks_late=True)
def verstuur_herinneringen_task(peildatum: str | None = None) -> dict[str, int]:
    """Daily (beat, 06:00 Europe/Amsterdam); running it again the same day sends nothing twice."""
    dag = date.fromisoformat(peildatum) if peildatum else timezone.localdate()
    resultaat = service.verstuur_herinneringen(door=beheerder(None), peildatum=dag)
    return {
        "stappen": resultaat.stappen,
        "berichten": resultaat.berichten,
        "mails": resultaat.mails,
        "opnieuw_ingepland": resultaat.opnieuw_ingepland,
    }


@shared_task(
    autoretry_for=(smtplib.SMTPException, OSError),
    retry_backoff=True,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=5,
    acks_late=True,
)
def verstuur_herinnering_mail(herinnering_id: int) -> bool:
    return bezorging.verstuur_mail(herinnering_id=herinnering_id)
