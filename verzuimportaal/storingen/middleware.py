"""Interruption mode (seed 003 art. 4.2): while an interrupting notice is active, the portal is
read-only. Logins and every write (POST/PUT/PATCH/DELETE) get a 503 that shows the notice and
says that the form was not processed; reading pages keeps working for logged-in users.

Exempt: logging out and the session keep-alive (ending a session is always allowed), the
operator's ``/beheer/`` (only staff get in; they must be able to lift the notice), static files
and the eHerkenning simulator (it plays the external broker, not the portal).

The operator's way in: the admin sends its login through the portal login with
``next=/beheer/…``. Such a login (and its second-factor steps) passes the middleware, and at the
moment of ``login()`` the ``user_logged_in`` receiver logs out anyone who is not staff, so only
the operator gets in. Every other login is refused at its first step. See ADR 0006.
"""

from collections.abc import Callable
from datetime import datetime
from math import ceil
from typing import Any

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from .models import Storingsmelding

SCHRIJVEN = frozenset({"POST", "PUT", "PATCH", "DELETE"})
VRIJGESTELD = ("/beheer/", "/static/", "/eherkenning-simulator/")
# Starting or completing an eHerkenning login is a GET; refused like the login form's POST.
INLOGGEN = ("/oidc/authenticate/", "/oidc/callback/", "/eherkenning/saml/")
NIET_VERWERKT = (
    "Het portaal is tijdelijk onderbroken. Uw verzoek is niet verwerkt; "
    "verstuur het opnieuw na de onderbreking."
)


def _vrijgesteld(request: HttpRequest) -> bool:
    pad = request.path
    return pad.startswith(VRIJGESTELD) or pad in (
        reverse("accounts:logout"),
        reverse("accounts:sessie_verlengen"),
    )


GEWEIGERD_BIJ_INLOGGEN = "_onderbreking_bij_inloggen"
# Steps of a local login after the password (accounts app); only reachable with an open login.
INLOGSTAPPEN = (
    "accounts:tweede_factor",
    "accounts:eerste_wachtwoord",
    "accounts:geen_tweede_factor",
)


def _inlogstappen() -> set[str]:
    paden = set()
    for naam in INLOGSTAPPEN:
        try:
            paden.add(reverse(naam))
        except NoReverseMatch:
            continue
    return paden


def _beheerder_inlog(request: HttpRequest) -> bool:
    if request.path == reverse("accounts:login"):
        volgende = request.POST.get("next") or request.GET.get("next") or ""
        return volgende.startswith("/beheer/")
    return request.path in _inlogstappen()


def weiger_inlog_tijdens_onderbreking(
    sender: Any, request: HttpRequest | None, user: Any, **_: Any
) -> None:
    """``user_logged_in`` receiver: during an interruption only staff may log in."""
    if request is None or user.is_staff:
        return
    melding = Storingsmelding.objects.onderbrekend().first()
    if melding is not None:
        logout(request)
        setattr(request, GEWEIGERD_BIJ_INLOGGEN, melding)


def is_inlogpoging(request: HttpRequest) -> bool:
    pad = request.path
    return pad.startswith(INLOGGEN) or (
        pad == reverse("accounts:login") and request.method in SCHRIJVEN
    )


def retry_after(melding: Storingsmelding, *, nu: datetime) -> int:
    """Seconds until the (expected) end, at least a minute; the configured default if unknown."""
    einde = melding.einde or melding.verwacht_einde
    if einde is None or einde <= nu:
        return int(settings.STORING_RETRY_AFTER_SECONDEN)
    return max(60, ceil((einde - nu).total_seconds()))


def onderbreking_response(request: HttpRequest, melding: Storingsmelding) -> HttpResponse:
    nu = timezone.now()
    response: HttpResponse
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {
                "detail": NIET_VERWERKT,
                "storing": {
                    "aard": melding.titel,
                    "toelichting": melding.tekst,
                    "verwacht_einde": (
                        melding.verwacht_einde.isoformat() if melding.verwacht_einde else None
                    ),
                    "verwachte_duur": melding.verwachte_duur,
                },
            },
            status=503,
        )
    else:
        response = TemplateResponse(
            request,
            "503.html",
            {"storing": melding, "inlogpoging": is_inlogpoging(request)},
            status=503,
        ).render()
    response["Retry-After"] = str(retry_after(melding, nu=nu))
    return response


class OnderbrekingMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            (request.method in SCHRIJVEN or is_inlogpoging(request))
            and not _vrijgesteld(request)
            and not _beheerder_inlog(request)
        ):
            melding = Storingsmelding.objects.onderbrekend().first()
            if melding is not None:
                return onderbreking_response(request, melding)
        response = self.get_response(request)
        melding = getattr(request, GEWEIGERD_BIJ_INLOGGEN, None)
        if melding is not None:
            request.session.flush()  # drop what the login view wrote after the receiver
            return onderbreking_response(request, melding)
        return response
