import logging
import time
from typing import Any
from urllib.parse import urlsplit

import jwt
import requests
from django.contrib import auth
from django.contrib.sessions.backends.base import SessionBase
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView

from verzuimportaal.accounts.middleware import INGELOGD_OP, LAATSTE_ACTIVITEIT
from verzuimportaal.toegang.acterend import SESSIE_WERKGEVER

from . import sessie
from .assertie import Assertie
from .backend import SESSIE_WEIGERING

logger = logging.getLogger(__name__)

# What a broken, replayed or forged callback raises inside mozilla-django-oidc: a refusal (the
# user tries again), never a 500 whose debug page would show the client secret or PKCE verifier.
CALLBACKFOUTEN = (
    SuspiciousOperation,
    requests.RequestException,
    jwt.PyJWTError,
    KeyError,
    ValueError,
    TypeError,
)


def start_eherkenning_sessie(verzoek_sessie: SessionBase, assertie: Assertie) -> None:
    """After login (OIDC or SAML): keep the acting context from the assertion (DOMAIN §2)."""
    sessie.bewaar(verzoek_sessie, assertie)
    verzoek_sessie.pop(SESSIE_WERKGEVER, None)
    verzoek_sessie.pop(SESSIE_WEIGERING, None)
    nu = time.time()
    verzoek_sessie[INGELOGD_OP] = nu
    verzoek_sessie[LAATSTE_ACTIVITEIT] = nu


class EHerkenningCallbackView(OIDCAuthenticationCallbackView):
    @property
    def failure_url(self) -> str:
        return reverse("eherkenning:geweigerd")

    def get(self, request: HttpRequest) -> HttpResponseBase:
        try:
            return super().get(request)
        except CALLBACKFOUTEN as fout:
            logger.warning("eHerkenning-callback geweigerd: %s", type(fout).__name__)
            if request.user.is_authenticated:
                auth.logout(request)
            request.session[SESSIE_WEIGERING] = {"reden": "mislukt"}
            return self.login_failure()

    def login_success(self) -> HttpResponseBase:
        assertie = self.user.eherkenning_assertie
        response = super().login_success()  # auth.login rotates the session id (DOMAIN §9)
        start_eherkenning_sessie(self.request.session, assertie)
        return response


def geweigerd(request: HttpRequest) -> HttpResponse:
    """Why an eHerkenning login gave no access (DOMAIN §2, §9); never creates a session."""
    weigering: dict[str, Any] = request.session.pop(SESSIE_WEIGERING, None) or {"reden": "mislukt"}
    return render(request, "eherkenning/geweigerd.html", {"weigering": weigering}, status=403)


def _saml_niet_ingericht(request: HttpRequest) -> HttpResponse | None:
    """A clear 404 when this portal has no SAML configuration (it may use OIDC only)."""
    from .saml import SamlConfiguratieFout, saml_conf

    try:
        saml_conf()
    except SamlConfiguratieFout:
        weigering = {"reden": "niet_ingericht"}
        return render(request, "eherkenning/geweigerd.html", {"weigering": weigering}, status=404)
    return None


@require_GET
def saml_inloggen(request: HttpRequest) -> HttpResponse:
    """Start a SAML login at the makelaar (POST binding, requested level EH3)."""
    from .saml import PortaalEHerkenningClient

    if (niet_ingericht := _saml_niet_ingericht(request)) is not None:
        return niet_ingericht

    terug = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(terug, {request.get_host()}, request.is_secure()):
        terug = ""
    url, formulier = PortaalEHerkenningClient().create_authn_request(request, return_to=terug)
    response = render(
        request, "digid_eherkenning/post_binding.html", {"url": url, "form": formulier}
    )
    doel = urlsplit(url)
    response._csp_update = {"form-action": [f"{doel.scheme}://{doel.netloc}"]}  # type: ignore[attr-defined]
    return response


@require_GET
def saml_acs(request: HttpRequest) -> HttpResponse:
    """Assertion consumer (artifact binding): resolve, check level/KvK/services, log in."""
    if (niet_ingericht := _saml_niet_ingericht(request)) is not None:
        return niet_ingericht
    gebruiker = auth.authenticate(request, eherkenning_saml_art=request.GET.get("SAMLart", ""))
    if gebruiker is None:
        return redirect("eherkenning:geweigerd")
    assertie = gebruiker.eherkenning_assertie  # type: ignore[attr-defined]
    auth.login(request, gebruiker, backend="verzuimportaal.eherkenning.saml.EHerkenningSamlBackend")
    start_eherkenning_sessie(request.session, assertie)
    terug = request.GET.get("RelayState", "")
    if url_has_allowed_host_and_scheme(terug, {request.get_host()}, request.is_secure()):
        return redirect(terug)
    return redirect("portaal:dashboard")
