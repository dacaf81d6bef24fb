"""The simulator's own login state, kept under its own session keys.

The simulator never calls ``django.contrib.auth.login``: a simulated eHerkenning person must not
become a logged-in user of whatever else runs in the same Django project (in the demo the portal
shares the host and the session cookie). Only the authorize and logout endpoints put the
person's (inactive) Django user on ``request.user``, because django-oauth-toolkit stores grants
per user.
"""

import time
from datetime import UTC, datetime

from django.http import HttpRequest

from .models import Persoon, SmsBericht

SESSIE_PERSOON = "eherkenning_simulator_persoon"
SESSIE_SMS = "eherkenning_simulator_sms"
SESSIE_KEUZE = "eherkenning_simulator_keuze"

# A broker's single sign-on is short; after this a new login is needed.
SSO_SECONDEN = 15 * 60


def meld_aan(request: HttpRequest, persoon: Persoon) -> None:
    """Complete the login: new session id (no fixation), remember person and time."""
    request.session.cycle_key()
    request.session.pop(SESSIE_SMS, None)
    request.session.pop(SESSIE_KEUZE, None)
    request.session[SESSIE_PERSOON] = {"id": persoon.pk, "auth_time": time.time()}


def meld_af(request: HttpRequest) -> None:
    for sleutel in (SESSIE_PERSOON, SESSIE_SMS, SESSIE_KEUZE):
        request.session.pop(sleutel, None)


def ingelogde_persoon(request: HttpRequest) -> Persoon | None:
    gegevens = request.session.get(SESSIE_PERSOON)
    if not isinstance(gegevens, dict):
        return None
    persoon_id = gegevens.get("id")
    if not isinstance(persoon_id, int):
        return None
    if time.time() - float(gegevens.get("auth_time", 0)) > SSO_SECONDEN:
        meld_af(request)
        return None
    return (
        Persoon.objects.select_related("gebruiker", "middel", "organisatie")
        .filter(pk=persoon_id)
        .first()
    )


def auth_time(request: HttpRequest) -> datetime:
    gegevens = request.session.get(SESSIE_PERSOON) or {}
    return datetime.fromtimestamp(float(gegevens.get("auth_time", time.time())), tz=UTC)


def start_sms(request: HttpRequest, persoon: Persoon, bericht: SmsBericht) -> None:
    """Password accepted; the second factor is pending. Not logged in yet."""
    request.session.pop(SESSIE_PERSOON, None)
    request.session[SESSIE_SMS] = {"persoon": persoon.pk, "bericht": bericht.pk}


def sms_in_behandeling(request: HttpRequest) -> tuple[Persoon, int] | None:
    gegevens = request.session.get(SESSIE_SMS)
    if not isinstance(gegevens, dict):
        return None
    persoon_id, bericht_id = gegevens.get("persoon"), gegevens.get("bericht")
    if not isinstance(persoon_id, int) or not isinstance(bericht_id, int):
        return None
    persoon = Persoon.objects.select_related("middel").filter(pk=persoon_id).first()
    if persoon is None:
        return None
    return persoon, bericht_id


def stop_sms(request: HttpRequest) -> None:
    request.session.pop(SESSIE_SMS, None)


def bewaar_keuze(request: HttpRequest, *, client_id: str, sleutel: str) -> None:
    request.session[SESSIE_KEUZE] = {"client_id": client_id, "sleutel": sleutel}


def lees_keuze(request: HttpRequest, *, client_id: str) -> str | None:
    gegevens = request.session.get(SESSIE_KEUZE)
    if isinstance(gegevens, dict) and gegevens.get("client_id") == client_id:
        return str(gegevens.get("sleutel"))
    return None


def wis_keuze(request: HttpRequest) -> None:
    request.session.pop(SESSIE_KEUZE, None)
