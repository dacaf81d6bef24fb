"""The steps of a local login between password and session (seed 004, DOMAIN §9).

After a correct password nothing is logged in yet: the session only holds an "open login" for
that user. A temporary password is changed first, then a code (SMS, e-mail or app) is entered,
unless this browser is remembered for this user. Only then ``auth.login`` runs, together with
django-otp's ``login`` so the session is verified. An open login expires after ten minutes.
"""

import time
from typing import Any

from django.conf import settings
from django.contrib.auth import login as auth_login
from django.contrib.auth.models import User
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django_otp import login as otp_login
from django_otp.models import Device, SideChannelDevice

from verzuimportaal.toegang.acterend import SESSIE_WERKGEVER, accounthouder_van

from . import service
from .middleware import INGELOGD_OP, LAATSTE_ACTIVITEIT

SESSIE_OPEN = "accounts_inlog_open"
SESSIE_HERBEVESTIGD = "accounts_herbevestigd_op"
COOKIE_VERTROUWD = "vp_vertrouwd"
COOKIE_SALT = "verzuimportaal.accounts.vertrouwd"
OPEN_GELDIG = 10 * 60


def begin(request: HttpRequest, gebruiker: User, *, backend: str, volgende: str) -> None:
    request.session.cycle_key()  # no fixation across the steps
    request.session[SESSIE_OPEN] = {
        "gebruiker": gebruiker.pk,
        "backend": backend,
        "volgende": volgende,
        "begonnen": time.time(),
        "methode": None,
        "pogingen": 0,
    }


def staat(request: HttpRequest) -> dict[str, Any] | None:
    open_ = request.session.get(SESSIE_OPEN)
    if not isinstance(open_, dict) or time.time() - open_.get("begonnen", 0) > OPEN_GELDIG:
        request.session.pop(SESSIE_OPEN, None)
        return None
    return open_


def bewaar(request: HttpRequest, open_: dict[str, Any]) -> None:
    request.session[SESSIE_OPEN] = open_


def gebruiker(open_: dict[str, Any]) -> User | None:
    return User.objects.filter(pk=open_["gebruiker"], is_active=True).first()


def stop(request: HttpRequest) -> None:
    request.session.pop(SESSIE_OPEN, None)


def apparaat(open_: dict[str, Any], wie: User) -> Device | None:
    """The device chosen for this login, or the preferred one (``apparaten_voor_inlog``)."""
    alle = service.apparaten_voor_inlog(wie)
    if open_.get("methode"):
        gekozen = [a for a in alle if a.persistent_id == open_["methode"]]
        if gekozen:
            return gekozen[0]
    return alle[0] if alle else None


def stuur_code(request: HttpRequest, open_: dict[str, Any], gekozen: Device) -> str:
    """Send a new code over SMS or e-mail ('verstuurd' or 'wacht'); an app needs nothing."""
    open_["methode"] = gekozen.persistent_id
    resultaat = "app"
    if isinstance(gekozen, SideChannelDevice):
        uitkomst = gekozen.generate_challenge()
        if uitkomst == "wacht" or (isinstance(uitkomst, str) and "cooldown" in uitkomst):
            resultaat = "wacht"
        else:
            resultaat = "verstuurd"
            open_["pogingen"] = 0  # a new code gets its own tries
    bewaar(request, open_)
    return resultaat


def voltooi(request: HttpRequest, wie: User, gekozen: Device, backend: str) -> None:
    auth_login(request, wie, backend=backend)  # rotates the session id (DOMAIN §9)
    otp_login(request, gekozen)
    service.inlog_voltooid(door=accounthouder_van(request, wie), apparaat=gekozen)
    nu = time.time()
    request.session[INGELOGD_OP] = nu
    request.session[LAATSTE_ACTIVITEIT] = nu
    request.session.pop(SESSIE_WERKGEVER, None)
    request.session.pop(SESSIE_OPEN, None)


def volgende_stap(request: HttpRequest) -> HttpResponse:
    """Where an open login goes next: change password, finish via a remembered browser, code."""
    open_ = staat(request)
    wie = gebruiker(open_) if open_ else None
    if open_ is None or wie is None:
        stop(request)
        return redirect("accounts:login")
    if service.moet_wachtwoord_wijzigen(wie):
        return redirect("accounts:eerste_wachtwoord")
    onthouden = onthouden_apparaat(request, wie)
    if onthouden is not None:
        voltooi(request, wie, onthouden, open_["backend"])
        return redirect(open_["volgende"])
    if wie.email:
        service.zorg_voor_email_apparaat(door=accounthouder_van(request, wie))
    gekozen = apparaat(open_, wie)
    if gekozen is None:
        stop(request)
        return redirect("accounts:geen_tweede_factor")
    stuur_code(request, open_, gekozen)
    return redirect("accounts:tweede_factor")


# --- remembered browser ----------------------------------------------------------------------


def onthouden_apparaat(request: HttpRequest, wie: User) -> Device | None:
    """The second factor this browser was remembered with, for this user only and until expiry."""
    try:
        waarde: str = request.get_signed_cookie(  # type: ignore[assignment]
            COOKIE_VERTROUWD,
            salt=COOKIE_SALT,
            max_age=settings.VERTROUWD_APPARAAT_DAGEN * 24 * 60 * 60,
        )
        gebruiker_id, sleutel = waarde.split(":", 1)
    except (KeyError, ValueError, signing.BadSignature):
        return None
    if gebruiker_id != str(wie.pk):
        return None
    record = service.vertrouwd_apparaat(gebruiker_id=wie.pk, sleutel=sleutel)
    if record is None:
        return None
    gekozen = Device.from_persistent_id(record.otp_apparaat)
    if gekozen is None or gekozen.user_id != wie.pk or not gekozen.confirmed:
        return None
    return gekozen


def zet_cookie(response: HttpResponse, wie: User, sleutel: str) -> None:
    response.set_signed_cookie(
        COOKIE_VERTROUWD,
        f"{wie.pk}:{sleutel}",
        salt=COOKIE_SALT,
        max_age=settings.VERTROUWD_APPARAAT_DAGEN * 24 * 60 * 60,
        httponly=True,
        secure=settings.VERTROUWD_APPARAAT_COOKIE_SECURE,
        samesite="Lax",
    )


# --- re-authentication -----------------------------------------------------------------------


def recent_bevestigd(request: HttpRequest) -> bool:
    moment = request.session.get(SESSIE_HERBEVESTIGD)
    return isinstance(moment, int | float) and time.time() - moment < settings.HERBEVESTIGING_GELDIG


def markeer_bevestigd(request: HttpRequest) -> None:
    request.session[SESSIE_HERBEVESTIGD] = time.time()
