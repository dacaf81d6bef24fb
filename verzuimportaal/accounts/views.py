import time
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from verzuimportaal.eherkenning import sessie as eherkenning_sessie
from verzuimportaal.toegang.acterend import SESSIE_WERKGEVER

from .forms import InlogForm
from .middleware import INGELOGD_OP, LAATSTE_ACTIVITEIT


class InlogView(auth_views.LoginView):
    template_name = "accounts/inloggen.html"
    authentication_form = InlogForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "eherkenning_aan": settings.EHERKENNING_OIDC_ENABLED,
        }

    def form_valid(self, form: InlogForm) -> HttpResponse:  # type: ignore[override]
        response = super().form_valid(form)  # rotates the session id (DOMAIN §9)
        nu = time.time()
        self.request.session[INGELOGD_OP] = nu
        self.request.session[LAATSTE_ACTIVITEIT] = nu
        self.request.session.pop(SESSIE_WERKGEVER, None)
        return response


@require_POST
def sessie_verlengen(request: HttpRequest) -> HttpResponse:
    """Keep-alive for the idle-timeout warning; the middleware records the activity."""
    if not request.user.is_authenticated:
        return HttpResponse(status=401)
    return HttpResponse(status=204)


class UitlogView(auth_views.LogoutView):
    """Ends the portal session; after an eHerkenning login also at the broker (RP-initiated)."""

    template_name = "accounts/uitgelogd.html"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        id_token = request.session.get("oidc_id_token")
        via_eherkenning = eherkenning_sessie.lees(request.session) is not None
        response = super().post(request, *args, **kwargs)
        if via_eherkenning and id_token and settings.OIDC_OP_LOGOUT_ENDPOINT:
            terug = request.build_absolute_uri(reverse("accounts:login"))
            query = urlencode(
                {
                    "id_token_hint": id_token,
                    "post_logout_redirect_uri": terug,
                    "client_id": settings.OIDC_RP_CLIENT_ID,
                }
            )
            return HttpResponseRedirect(f"{settings.OIDC_OP_LOGOUT_ENDPOINT}?{query}")
        return response
