"""Session timeouts (DOMAIN §9: 15 minutes idle, 8 hours absolute), the second-factor gate and
the language of every page (ADR 0044)."""

import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from .taal import gekozen_taal

LAATSTE_ACTIVITEIT = "laatste_activiteit"
INGELOGD_OP = "ingelogd_op"
# The account's own choice of language ("" for none), read once per session (ADR 0044).
SESSIE_TAAL = "taal"


def _taal(request: HttpRequest) -> str:
    talen = dict(settings.LANGUAGES)
    gebruiker = getattr(request, "user", None)
    if gebruiker is not None and gebruiker.is_authenticated:
        if SESSIE_TAAL not in request.session:
            request.session[SESSIE_TAAL] = gekozen_taal(gebruiker)
        gekozen = request.session[SESSIE_TAAL]
        if gekozen in talen:
            return str(gekozen)
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    return cookie if cookie in talen else settings.LANGUAGE_CODE


class TaalMiddleware:
    """Dutch unless the person chose another language (ADR 0044); replaces ``LocaleMiddleware``.

    The choice of a logged-in account wins (its session remembers it, so a page costs no query),
    then the cookie of the switch in the header, then Dutch. Never the browser's
    Accept-Language: an English browser otherwise got "20 November 2026" and English form errors
    in a Dutch page, and a colleague's screenshot would differ from one's own.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        taal = _taal(request)
        translation.activate(taal)
        request.LANGUAGE_CODE = taal
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", taal)
        return response


def activiteit_stap() -> float:
    """How stale the recorded activity may be before a request writes it again (ADR 0037).

    Writing the time on every request saved the whole session on every page (``BEGIN``,
    ``UPDATE``, ``COMMIT``). The recorded time is at most this much older than the real last
    request, so a session ends at most this much *earlier* than the idle timeout, never later;
    the page tells the warning script the time that is really left (``resterende_seconden``).
    """
    return min(60.0, settings.SESSIE_IDLE_TIMEOUT / 10)


def resterende_seconden(request: HttpRequest) -> int:
    """Seconds until the idle timeout, counted from the recorded activity."""
    nu = time.time()
    laatste = request.session.get(LAATSTE_ACTIVITEIT, nu)
    return max(0, int(settings.SESSIE_IDLE_TIMEOUT - (nu - laatste)))


class SessieTimeoutMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            nu = time.time()
            laatste = request.session.get(LAATSTE_ACTIVITEIT, nu)
            begin = request.session.setdefault(INGELOGD_OP, nu)
            if nu - laatste > settings.SESSIE_IDLE_TIMEOUT or (
                nu - begin > settings.SESSIE_ABSOLUTE_TIMEOUT
            ):
                logout(request)
                messages.info(
                    request,
                    gettext("U bent uitgelogd omdat u een tijd niet actief was. Log opnieuw in."),
                )
                return redirect(settings.LOGIN_URL)
            if nu - laatste >= activiteit_stap() or request.path == reverse(
                "accounts:sessie_verlengen"
            ):
                request.session[LAATSTE_ACTIVITEIT] = nu
        return self.get_response(request)


class TweedeFactorMiddleware:
    """No werkgever data with a password alone (DOMAIN §9, seed 004).

    The login flow (``accounts.inlogstap``) only logs a local account in after its second
    factor. This is the second line: an authenticated session that is neither verified by
    django-otp nor an eHerkenning login (EH3 is already strong) is logged out before it reaches
    any page (see ``_heeft_toegang``). Django's own admin login goes through
    the portal login. A temporary password is changed before anything else.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from django.contrib.auth.views import redirect_to_login
        from django.urls import reverse

        from verzuimportaal.eherkenning import sessie as eherkenning_sessie

        if request.path == reverse("admin:login"):
            if request.user.is_authenticated and not request.user.is_staff:
                # The admin sends a logged-in non-staff user to its login, which would send it
                # through the portal login back to the admin: a loop. Refuse plainly instead.
                raise PermissionDenied(
                    gettext(
                        "Het beheer is alleen voor de beheerders van het portaal. Uw account heeft "
                        "daar geen toegang toe; ga terug naar het portaal via 'Verzuimportaal' "
                        "bovenaan."
                    )
                )
            return redirect_to_login(request.GET.get("next") or reverse("admin:index"))
        gebruiker = request.user
        if (
            not gebruiker.is_authenticated
            or request.path.startswith(settings.STATIC_URL)
            or eherkenning_sessie.lees(request.session) is not None
        ):
            return self.get_response(request)
        vrij = {
            reverse("accounts:logout"),
            reverse("accounts:sessie_verlengen"),
            reverse("accounts:taal"),
        }
        geverifieerd = getattr(gebruiker, "is_verified", lambda: False)()
        if not geverifieerd and _heeft_toegang(gebruiker):
            logout(request)
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": "Log in met uw tweede factor."}, status=401)
            messages.info(request, gettext("Log opnieuw in; daarna vragen wij uw verificatiecode."))
            return redirect_to_login(request.get_full_path())
        wijzig = reverse("accounts:wachtwoord_wijzigen")
        if request.path not in vrij | {wijzig} and _moet_wachtwoord_wijzigen(request, gebruiker):
            return redirect(wijzig)
        return self.get_response(request)


# A temporary password is only ever set together with a new account (``service``), and a changed
# password ends every older session (Django's session hash): once a session's account is known to
# have its own password, the session remembers it and later requests skip the query.
WACHTWOORD_IN_ORDE = "wachtwoord_in_orde"


def _moet_wachtwoord_wijzigen(request: HttpRequest, gebruiker: Any) -> bool:
    from . import service

    if request.session.get(WACHTWOORD_IN_ORDE) == gebruiker.pk:
        return False
    if service.moet_wachtwoord_wijzigen(gebruiker):
        return True
    request.session[WACHTWOORD_IN_ORDE] = gebruiker.pk
    return False


def _heeft_toegang(gebruiker: Any) -> bool:
    """Staff, a werkgever's member, or anyone with a second factor (advisors, casemanagers).

    An account with none of these can reach no data and could not pass the login flow either.
    """
    from django_otp import user_has_device

    from verzuimportaal.toegang.models import Lidmaatschap

    if gebruiker.is_staff or user_has_device(gebruiker):
        return True
    return Lidmaatschap.objects.filter(gebruiker_id=gebruiker.pk, actief=True).exists()
