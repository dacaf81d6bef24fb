"""Thin Celery tasks for the notices an account gets about its own account (DOMAIN §9).

A write service plans them with ``utils.taken.na_commit``, so they sit in the outbox with the
change and a broker outage delays them instead of losing them (ADR 0019). Only texts without a
secret go this way: a temporary password or a code is never stored in the outbox table.
"""

import smtplib

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.utils.module_loading import import_string


@shared_task(
    autoretry_for=(smtplib.SMTPException, OSError),
    retry_backoff=True,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=6,
    acks_late=True,
)
def verstuur_accountmail(onderwerp: str, tekst: str, adres: str) -> None:
    send_mail(onderwerp, tekst, None, [adres])


@shared_task(
    autoretry_for=(OSError,),
    retry_backoff=True,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=6,
    acks_late=True,
)
def verstuur_accountsms(telefoonnummer: str, tekst: str, gebruiker_id: int) -> None:
    gateway = import_string(settings.SMS_GATEWAY)()
    gateway.verstuur(telefoonnummer=telefoonnummer, tekst=tekst, gebruiker_id=gebruiker_id)
