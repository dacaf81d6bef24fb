"""Accept the terms before use (seed 003 art. 2.3; DOMAIN §8).

For every logged-in request outside the exempt paths: when a version is in force and the person
has not accepted (their latest decision is not an acceptance), pages redirect to the acceptance
page (``?next=`` kept) and the API answers a JSON 403. Once accepted, the session remembers it
for that person, so the check costs no query for the rest of the session.

Only enforced when a version is in force: without any version (a fresh installation, and the
tests of other apps) nothing changes. See ADR 0006.
"""

from collections.abc import Callable
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils import timezone

from . import perverzoek, service
from .sessie import SESSIE_AKKOORD, persoon_uit_request

VRIJGESTELD = (
    "/account/",  # login, logout, second factor, session keep-alive, own account settings
    "/oidc/",
    "/eherkenning/",
    "/eherkenning-simulator/",
    "/voorwaarden/",
    "/static/",
    "/gezondheid/",
    "/health/",
)


# Pages under an exempt prefix that act for the werkgever, so they need accepted terms.
NIET_VRIJGESTELD = ("/account/rechtenbeheer/",)


def _vrijgesteld(request: HttpRequest) -> bool:
    if request.path.startswith(NIET_VRIJGESTELD):
        return False
    if request.path.startswith(VRIJGESTELD):
        return True
    return request.path.startswith("/beheer/") and bool(request.user.is_staff)


class VoorwaardenMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and not _vrijgesteld(request):
            persoon = persoon_uit_request(request)
            if request.session.get(SESSIE_AKKOORD) != persoon.sleutel and (
                perverzoek.van_kracht(perverzoek.versies(request), op=timezone.localdate())
                is not None
            ):
                if not service.heeft_aanvaard(persoon):
                    return self._eerst_accepteren(request)
                request.session[SESSIE_AKKOORD] = persoon.sleutel
        return self.get_response(request)

    def _eerst_accepteren(self, request: HttpRequest) -> HttpResponse:
        pagina = reverse("voorwaarden:accepteren")
        if request.path.startswith("/api/"):
            return JsonResponse(
                {
                    "detail": "Accepteer eerst de gebruiksvoorwaarden van het Verzuimportaal.",
                    "voorwaarden_url": request.build_absolute_uri(pagina),
                },
                status=403,
            )
        return HttpResponseRedirect(f"{pagina}?{urlencode({'next': request.get_full_path()})}")
