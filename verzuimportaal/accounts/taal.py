"""The language of an account (ADR 0044): its pages, and the e-mails and letters it receives.

A request activates it in ``middleware.TaalMiddleware``; work outside a request (a Celery task,
an after-commit mail) builds text for a recipient inside ``in_taal_van(recipient)``.
"""

from contextlib import AbstractContextManager

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.utils import translation

from .models import Profiel

Gebruiker = AbstractBaseUser | AnonymousUser | int | None  # an account, its id, or nobody


def gekozen_taal(gebruiker: Gebruiker) -> str:
    """The language the account chose with the switch, or ``""`` when it chose none."""
    pk = gebruiker if isinstance(gebruiker, int) or gebruiker is None else gebruiker.pk
    if pk is None:
        return ""
    taal = Profiel.objects.filter(gebruiker_id=pk).values_list("taal", flat=True).first()
    return taal if taal in dict(settings.LANGUAGES) else ""


def taal_van(gebruiker: Gebruiker) -> str:
    """The language to write to this account in: its choice, else Dutch (the default)."""
    return gekozen_taal(gebruiker) or settings.LANGUAGE_CODE


def in_taal_van(gebruiker: Gebruiker) -> AbstractContextManager[None]:
    """``with in_taal_van(ontvanger): ...`` renders subjects, bodies and PDFs in its language."""
    return translation.override(taal_van(gebruiker))
