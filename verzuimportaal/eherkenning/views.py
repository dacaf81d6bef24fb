import time
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView

from verzuimportaal.accounts.middleware import INGELOGD_OP, LAATSTE_ACTIVITEIT
from verzuimportaal.toegang.acterend import SESSIE_WERKGEVER

from . import sessie
from .backend import SESSIE_WEIGERING


class EHerkenningCallbackView(OIDCAuthenticationCallbackView):
    @property
    def failure_url(self) -> str:
        return reverse("eherkenning:geweigerd")

    def login_success(self) -> HttpResponseBase:
        assertie = self.user.eherkenning_assertie
        response = super().login_success()  # auth.login rotates the session id (DOMAIN §9)
        verzoek_sessie = self.request.session
        sessie.bewaar(verzoek_sessie, assertie)
        verzoek_sessie.pop(SESSIE_WERKGEVER, None)
        verzoek_sessie.pop(SESSIE_WEIGERING, None)
        nu = time.time()
        verzoek_sessie[INGELOGD_OP] = nu
        verzoek_sessie[LAATSTE_ACTIVITEIT] = nu
        return response


def geweigerd(request: HttpRequest) -> HttpResponse:
    """Why an eHerkenning login gave no access (DOMAIN §2, §9); never creates a session."""
    weigering: dict[str, Any] = request.session.pop(SESSIE_WEIGERING, None) or {"reden": "mislukt"}
    return render(request, "eherkenning/geweigerd.html", {"weigering": weigering}, status=403)
