"""The rechtenbeheerder's pages for webhooks: subscriptions and the delivery log (ADR 0023)."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from verzuimportaal.koppelingen import access as koppelingen_access
from verzuimportaal.toegang.acterend import portaal_view
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils.views import fout_naar_form, pagina

from . import access, service
from .forms import AbonnementForm

R = Dienst.RECHTENBEHEER


@portaal_view(recht=R)
def overzicht(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    return render(
        request,
        "webhooks/overzicht.html",
        {
            "abonnementen": list(access.abonnementen(actor)),
            "mag_wijzigen": actor.heeft_recht(R, wijzigen=True),
        },
    )


@portaal_view(recht=R, wijzigen=True)
@require_http_methods(["GET", "POST"])
def nieuw(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    clients = koppelingen_access.api_clients(actor).filter(
        ingetrokken_op__isnull=True, applicatie__isnull=False
    )
    form = AbonnementForm(request.POST or None, clients=clients)
    if request.method == "POST" and form.is_valid():
        try:
            abonnement, secret = service.abonneer(door=actor, **form.cleaned_data)
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            return render(
                request, "webhooks/secret.html", {"abonnement": abonnement, "secret": secret}
            )
    return render(request, "webhooks/nieuw.html", {"form": form})


@portaal_view(recht=R, wijzigen=True)
@require_http_methods(["GET", "POST"])
def stoppen(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    abonnement = access.abonnement(actor, uuid=uuid)
    if request.method == "POST":
        service.stop(door=actor, abonnement=abonnement)
        return redirect("webhooks:overzicht")
    return render(request, "webhooks/stoppen.html", {"abonnement": abonnement})


@portaal_view(recht=R)
def leveringen(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    abonnement = access.abonnement(actor, uuid=uuid)
    return render(
        request,
        "webhooks/leveringen.html",
        {
            "abonnement": abonnement,
            "pagina": pagina(request, access.leveringen(actor, abonnement), 50),
        },
    )
