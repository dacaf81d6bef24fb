"""The rechtenbeheerder's pages for API clients, and the token endpoint (ADR 0022)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods
from oauth2_provider.views import TokenView as OAuthTokenView

from verzuimportaal.toegang.acterend import portaal_view
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils.views import fout_naar_form

from . import access, service
from .forms import RegistreerForm

R = Dienst.RECHTENBEHEER


@portaal_view(recht=R)
def overzicht(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    clients = list(access.api_clients(actor))
    context = {
        "actieve": [c for c in clients if c.actief],
        "ingetrokken": [c for c in clients if not c.actief],
        "mag_wijzigen": actor.heeft_recht(R, wijzigen=True),
    }
    return render(request, "koppelingen/overzicht.html", context)


def _secret_getoond(request: HttpRequest, client: Any, secret: str, titel: str) -> HttpResponse:
    return render(
        request,
        "koppelingen/secret.html",
        {"client": client, "secret": secret, "titel": titel},
    )


@portaal_view(recht=R, wijzigen=True)
@require_http_methods(["GET", "POST"])
def registreren(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    form = RegistreerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            client, secret = service.registreer_client(
                door=actor, naam=form.cleaned_data["naam"], niveaus=form.niveaus()
            )
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            return _secret_getoond(request, client, secret, "Koppeling geregistreerd")
    return render(request, "koppelingen/registreren.html", {"form": form})


@portaal_view(recht=R, wijzigen=True)
@require_http_methods(["GET", "POST"])
def vernieuwen(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    client = access.api_client(actor, uuid=uuid)
    fout = None
    if request.method == "POST":
        try:
            client, secret = service.vernieuw_secret(door=actor, client=client)
        except ValidationError as e:
            fout = " ".join(e.messages)
        else:
            return _secret_getoond(request, client, secret, "Nieuw secret")
    return render(request, "koppelingen/vernieuwen.html", {"client": client, "fout": fout})


@portaal_view(recht=R, wijzigen=True)
@require_http_methods(["GET", "POST"])
def intrekken(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    client = access.api_client(actor, uuid=uuid)
    fout = None
    if request.method == "POST":
        try:
            service.trek_in(door=actor, client=client)
        except ValidationError as e:
            fout = " ".join(e.messages)
        else:
            return redirect("koppelingen:overzicht")
    return render(request, "koppelingen/intrekken.html", {"client": client, "fout": fout})


class TokenView(OAuthTokenView):
    """``POST /api/oauth/token/``: only the client-credentials grant of API clients."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.POST.get("grant_type") != "client_credentials":
            return JsonResponse(
                {
                    "error": "unsupported_grant_type",
                    "error_description": "Gebruik grant_type=client_credentials met de "
                    "client-id en het secret van uw koppeling.",
                },
                status=400,
            )
        response: HttpResponse = super().post(request, *args, **kwargs)
        return response
