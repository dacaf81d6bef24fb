"""End the session of a blocked party on its next request, and refuse its login (seed 003 art. 4.6).

Two hooks, so a block works whichever way the party arrives:
- every request of a logged-in party is checked (``controle.actieve_blokkade``, one indexed query);
  a blocked party is logged out at once and sees the block page (HTML) or a JSON 403 (API);
- at login (local form, eHerkenning OIDC or SAML, and whatever second-factor step calls
  ``login()``) the ``user_logged_in`` signal checks the party and logs it straight out again; the
  middleware then replaces the login view's redirect with the block page and discards the session.
The accounts app needs no change for this, and no login path can skip the check.
"""

from collections.abc import Callable
from typing import Any

from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse

from verzuimportaal.storingen import perverzoek as storingen_perverzoek
from verzuimportaal.utils.gebundeld import lees_samen
from verzuimportaal.voorwaarden import perverzoek as voorwaarden_perverzoek

from .controle import actieve_blokkade, blokkades_van, partij_bij_inloggen, partij_uit_sessie
from .models import Blokkade

GEWEIGERD_BIJ_INLOGGEN = "_blokkade_bij_inloggen"
MELDING = "Uw toegang tot het Verzuimportaal is geblokkeerd."


def geblokkeerd_response(request: HttpRequest, blokkade: Blokkade) -> HttpResponse:
    tot = blokkade.tot
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"detail": MELDING, "geblokkeerd_tot": tot.isoformat() if tot else None}, status=403
        )
    response = TemplateResponse(
        request, "blokkades/geblokkeerd.html", {"blokkade_tot": tot}, status=403
    )
    return response.render()


def weiger_geblokkeerde_inlog(
    sender: Any, request: HttpRequest | None, user: Any, **_: Any
) -> None:
    """``user_logged_in`` receiver: log a blocked party out in the same request."""
    if request is None:
        return
    blokkade = actieve_blokkade(partij_bij_inloggen(user))
    if blokkade is None:
        return
    logout(request)
    setattr(request, GEWEIGERD_BIJ_INLOGGEN, blokkade)


class BlokkadeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            # One query for the block and the other per-request lookups of every page (the
            # terms versions and the notices in the banner): ADR 0037.
            partij = partij_uit_sessie(request)
            gevonden, versies, storingen = lees_samen(
                blokkades_van(partij)[:1],
                voorwaarden_perverzoek.alle_versies(),
                storingen_perverzoek.alle_zichtbare(),
            )
            voorwaarden_perverzoek.bewaar(request, versies)
            storingen_perverzoek.bewaar(request, storingen)
            blokkade = actieve_blokkade(partij, gevonden=gevonden)
            if blokkade is not None:
                logout(request)  # ends the server session at once
                return geblokkeerd_response(request, blokkade)
        response = self.get_response(request)
        blokkade = getattr(request, GEWEIGERD_BIJ_INLOGGEN, None)
        if blokkade is not None:
            # The login view may have written to the fresh session after the signal: drop it.
            request.session.flush()
            return geblokkeerd_response(request, blokkade)
        return response
