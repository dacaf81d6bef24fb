"""Re-authentication of eHerkenning sessions (DOMAIN §9, docs/security.md).

The portal cannot hear from the broker that a machtiging or ketenmachtiging was revoked; only a
new login shows it. So an eHerkenning session ends ``EHERKENNING_HERAUTHENTICATIE_SECONDEN``
(default one hour) after its login, and the user goes back to the broker, which checks the
machtiging again. Every request after that moment is refused, the first write included. Local
accounts are not affected: their rights are re-read from the database on every request.
"""

import time
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from verzuimportaal.accounts.middleware import INGELOGD_OP

from . import sessie

VERNIEUWEN = "Uw eHerkenning-login moet worden vernieuwd. Log opnieuw in met eHerkenning."
GEGEVENS_NODIG = "Vul eerst uw naam en e-mailadres in het portaal in."


class HerauthenticatieMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and sessie.lees(request.session) is not None:
            begin = request.session.get(INGELOGD_OP)
            if (
                isinstance(begin, int | float)
                and time.time() - begin > settings.EHERKENNING_HERAUTHENTICATIE_SECONDEN
            ):
                return self._opnieuw_inloggen(request)
        return self.get_response(request)

    def _opnieuw_inloggen(self, request: HttpRequest) -> HttpResponse:
        terug = request.get_full_path() if request.method == "GET" else reverse("portaal:dashboard")
        logout(request)
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": VERNIEUWEN}, status=401)
        messages.info(request, VERNIEUWEN)
        if settings.EHERKENNING_OIDC_ENABLED:
            return redirect(f"{reverse('eherkenning:inloggen')}?{urlencode({'next': terug})}")
        return redirect_to_login(terug)


# Paths an eHerkenning person reaches before giving a name and e-mail address: logging in and
# out, the terms of use (accepted first), this step itself, help and static files.
_VOOR_GEGEVENS = (
    "/account/",
    "/oidc/",
    "/eherkenning/",
    "/eherkenning-simulator/",
    "/voorwaarden/",
    "/hulp/",
    "/static/",
    "/health/",
    "/gezondheid/",
)


class GegevensMiddleware:
    """After the terms and before the portal: a display name and a confirmed e-mail address.

    Only a login through the broker sets the session flag (``start_eherkenning_sessie``), so the
    check costs no query. See ADR 0025.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            request.user.is_authenticated
            and request.session.get(sessie.SESSIE_GEGEVENS_NODIG)
            and not request.path.startswith(_VOOR_GEGEVENS)
        ):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": GEGEVENS_NODIG}, status=403)
            terug = request.get_full_path() if request.method == "GET" else "/"
            return redirect(f"{reverse('eherkenning:gegevens')}?{urlencode({'next': terug})}")
        return self.get_response(request)
