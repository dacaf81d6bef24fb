import logging
import time
from typing import Any
from urllib.parse import urlencode, urlsplit

import jwt
import requests
from django.contrib import auth, messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.contrib.sessions.backends.base import SessionBase
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView

from verzuimportaal.accounts.middleware import INGELOGD_OP, LAATSTE_ACTIVITEIT
from verzuimportaal.toegang.acterend import SESSIE_WERKGEVER, persoon_van
from verzuimportaal.toegang.actor import Portaalactor, Route
from verzuimportaal.utils.clientip import client_ip
from verzuimportaal.utils.views import fout_naar_form
from verzuimportaal.voorwaarden.models import Acceptatie, Beslissing

from . import service, sessie
from .assertie import Assertie
from .backend import SESSIE_WEIGERING
from .forms import EmailCodeForm, GegevensForm
from .models import EHerkenningProfiel

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


def persoon_bij_login(
    assertie: Assertie, gebruiker: User, *, ip: str | None = None, user_agent: str = ""
) -> Portaalactor:
    """The person logging in, by pseudonym, before the session holds the acting context."""
    return Portaalactor(
        gebruiker=gebruiker,
        weergavenaam=gebruiker.get_full_name() or _("eHerkenning-gebruiker"),
        route=Route.KETENMACHTIGING if assertie.intermediair_kvk_nummer else Route.EHERKENNING,
        ip=ip,
        user_agent=user_agent,
        pseudoniem=assertie.pseudoniem,
        intermediair_kvk_nummer=assertie.intermediair_kvk_nummer,
    )


def _bij_login(request: HttpRequest, assertie: Assertie, gebruiker: User) -> Portaalactor:
    return persoon_bij_login(
        assertie,
        gebruiker,
        ip=client_ip(request),
        user_agent=request.META.get("HTTP_USER_AGENT", ""),
    )


def start_eherkenning_sessie(
    verzoek_sessie: SessionBase, assertie: Assertie, door: Portaalactor
) -> None:
    """After login (OIDC or SAML): keep the acting context from the assertion (DOMAIN §2), with
    the person's display name; without a name and confirmed e-mail address yet, the portal asks
    for them first (``GegevensMiddleware``, ADR 0025)."""
    profiel = service.leg_login_vast(door=door, assertie=assertie)
    naam = profiel.weergavenaam if profiel.compleet else ""
    sessie.bewaar(verzoek_sessie, assertie, weergavenaam=naam)
    if profiel.compleet:
        verzoek_sessie.pop(sessie.SESSIE_GEGEVENS_NODIG, None)
    else:
        verzoek_sessie[sessie.SESSIE_GEGEVENS_NODIG] = True
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
        start_eherkenning_sessie(
            self.request.session, assertie, _bij_login(self.request, assertie, self.user)
        )
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
    start_eherkenning_sessie(request.session, assertie, _bij_login(request, assertie, gebruiker))
    terug = request.GET.get("RelayState", "")
    if url_has_allowed_host_and_scheme(terug, {request.get_host()}, request.is_secure()):
        return redirect(terug)
    return redirect("portaal:dashboard")


# --- Name and e-mail address at the first login (ADR 0025) -----------------------------------


def _volgende(request: HttpRequest) -> str:
    terug = request.POST.get("next") or request.GET.get("next") or ""
    if terug and url_has_allowed_host_and_scheme(terug, {request.get_host()}, request.is_secure()):
        return terug
    return reverse("portaal:dashboard")


def _eherkenning_profiel(request: HttpRequest) -> EHerkenningProfiel:
    """The profile of the logged-in eHerkenning person (404 for a local account)."""
    context = sessie.lees(request.session)
    if context is None:
        raise Http404
    profiel, _nieuw = EHerkenningProfiel.objects.get_or_create(
        gebruiker_id=request.user.pk,
        defaults={"kvk_nummer": context.kvk_nummer, "diensten": sorted(context.diensten)},
    )
    return profiel


def _voorgestelde_email(request: HttpRequest, profiel: EHerkenningProfiel) -> str:
    """The confirmed address, else the one given when accepting the terms of use."""
    if profiel.email:
        return profiel.email
    context = sessie.lees(request.session)
    assert context is not None
    return (
        Acceptatie.objects.filter(
            pseudoniem=context.pseudoniem,
            kvk_nummer=context.kvk_nummer,
            beslissing=Beslissing.AANVAARD,
        )
        .exclude(notificatie_email="")
        .order_by("-tijdstip", "-pk")
        .values_list("notificatie_email", flat=True)
        .first()
        or ""
    )


@login_required
@require_http_methods(["GET", "POST"])
def gegevens(request: HttpRequest) -> HttpResponse:
    """Display name and e-mail address of an eHerkenning person (the broker gives neither)."""
    profiel = _eherkenning_profiel(request)
    form = GegevensForm(
        request.POST if request.method == "POST" else None,
        initial={
            "weergavenaam": profiel.weergavenaam,
            "email": _voorgestelde_email(request, profiel),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            profiel = service.geef_gegevens(
                door=persoon_van(request),
                weergavenaam=form.cleaned_data["weergavenaam"],
                email=form.cleaned_data["email"],
            )
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            if profiel.nieuw_email:
                url = reverse("eherkenning:email_bevestigen")
                return redirect(f"{url}?{urlencode({'next': _volgende(request)})}")
            _gegevens_compleet(request, profiel)
            messages.success(request, _("Uw gegevens zijn opgeslagen."))
            return redirect(_volgende(request))
    return render(
        request,
        "eherkenning/gegevens.html",
        {"form": form, "next": _volgende(request), "eerste_keer": not profiel.compleet},
    )


def _gegevens_compleet(request: HttpRequest, profiel: EHerkenningProfiel) -> None:
    sessie.zet_weergavenaam(request.session, profiel.weergavenaam)
    request.session.pop(sessie.SESSIE_GEGEVENS_NODIG, None)


@login_required
@require_http_methods(["GET", "POST"])
def email_bevestigen(request: HttpRequest) -> HttpResponse:
    profiel = _eherkenning_profiel(request)
    if not profiel.nieuw_email:
        return redirect(_volgende(request))
    form = EmailCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            profiel = service.bevestig_email(
                door=persoon_van(request),
                code=form.cleaned_data["code"],
            )
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            _gegevens_compleet(request, profiel)
            messages.success(
                request, _("Uw e-mailadres is bevestigd. Welkom in het Verzuimportaal.")
            )
            return redirect(_volgende(request))
    return render(
        request,
        "eherkenning/email_bevestigen.html",
        {"form": form, "email": profiel.nieuw_email, "next": _volgende(request)},
    )
