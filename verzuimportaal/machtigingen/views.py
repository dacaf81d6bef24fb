"""The werkgever's pages for access: who has access, granting an advisor access (route B)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.toegang import access as toegang_access
from verzuimportaal.toegang.acterend import actor_van, portaal_view
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils.views import fout_naar_form

from . import access, service
from .forms import BevestigForm, NiveauForm, ToegangVerlenenForm
from .models import Status

R = Dienst.RECHTENBEHEER


@portaal_view(recht=R)
def overzicht(request: HttpRequest) -> HttpResponse:
    """Seed 003 art. 2.10: the werkgever sees who has access, and via which route."""
    actor = request.actor  # type: ignore[attr-defined]
    toegangen = list(access.adviseurtoegangen(actor).order_by("adviseur__naam", "-aangevraagd_op"))
    context = {
        "lidmaatschappen": list(access.actieve_lidmaatschappen(actor)),
        "actieve_toegangen": [t for t in toegangen if t.status != Status.INGETROKKEN],
        "ingetrokken_toegangen": [t for t in toegangen if t.status == Status.INGETROKKEN],
        "casemanagers": list(access.casemanagers(actor)),
        "nu": timezone.now(),
        "mag_wijzigen": actor.heeft_recht(R, wijzigen=True),
    }
    audit.registreer_overzicht(
        door=actor_van(request),
        actie=Actie.INZIEN,
        object_type="toegang",
        omschrijving="wie heeft toegang",
    )
    return render(request, "machtigingen/overzicht.html", context)


@portaal_view(recht=R, wijzigen=True)
@require_http_methods(["GET", "POST"])
def verlenen(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    vraag_email = not (actor.gebruiker and actor.gebruiker.email)
    form = ToegangVerlenenForm(
        request.POST or None,
        loonheffingennummers=toegang_access.loonheffingennummers(actor),
        vraag_email=vraag_email,
    )
    if request.method == "POST" and form.is_valid():
        try:
            toegang = service.vraag_toegang_aan(door=actor, **form.cleaned_data)
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(
                request,
                gettext(
                    "De aanvraag voor %(naam)s is opgeslagen. We hebben u een e-mail gestuurd met "
                    "een bevestigingslink; pas na het bevestigen heeft de adviseur toegang. De "
                    "adviseur krijgt hierover geen bericht."
                )
                % {"naam": toegang.adviseur.naam},
            )
            return redirect("machtigingen:overzicht")
    return render(request, "machtigingen/verlenen.html", {"form": form})


@portaal_view(recht=R, wijzigen=True)
@require_http_methods(["GET", "POST"])
def wijzigen(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    toegang = access.adviseurtoegang(actor, uuid=uuid)
    form = NiveauForm(request.POST or None, initial={"niveau": toegang.niveau})
    if request.method == "POST" and form.is_valid():
        try:
            toegang = service.wijzig_niveau(
                door=actor, toegang=toegang, niveau=form.cleaned_data["niveau"]
            )
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(
                request,
                gettext("Het niveau van %(naam)s is nu '%(niveau)s'. Dit geldt direct.")
                % {"naam": toegang.adviseur.naam, "niveau": toegang.get_niveau_display()},
            )
            return redirect("machtigingen:overzicht")
    return render(request, "machtigingen/wijzigen.html", {"form": form, "toegang": toegang})


@portaal_view(recht=R, wijzigen=True)
@require_http_methods(["GET", "POST"])
def intrekken(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    toegang = access.adviseurtoegang(actor, uuid=uuid)
    fout = None
    if request.method == "POST":
        try:
            toegang = service.trek_in(door=actor, toegang=toegang)
        except ValidationError as exc:
            fout = " ".join(exc.messages)
        else:
            messages.success(
                request,
                gettext("De toegang van %(naam)s is ingetrokken. Dit geldt direct.")
                % {"naam": toegang.adviseur.naam},
            )
            return redirect("machtigingen:overzicht")
    return render(request, "machtigingen/intrekken.html", {"toegang": toegang, "fout": fout})


@portaal_view(recht=R, wijzigen=True)
@require_http_methods(["GET", "POST"])
def bevestigen(request: HttpRequest) -> HttpResponse:
    """Landing page of the e-mailed link. Confirming needs a POST: a mail scanner that opens the
    link must not use up the single-use token, and the user sees what they confirm first."""
    actor = request.actor  # type: ignore[attr-defined]
    form = BevestigForm(request.POST if request.method == "POST" else request.GET)
    token = form.cleaned_data["t"] if form.is_valid() else ""
    toegang = None
    fout: str | None = None
    try:
        if request.method == "POST":
            toegang = service.bevestig(door=actor, token=token)
        else:
            toegang = service.controleer_token(door=actor, token=token)
    except ValidationError as exc:
        fout = " ".join(exc.messages)
    else:
        if request.method == "POST":
            messages.success(
                request,
                gettext(
                    "U heeft de toegang voor %(naam)s bevestigd. De adviseur kan nu uw "
                    "werkgeversportaal kiezen."
                )
                % {"naam": toegang.adviseur.naam},
            )
            return redirect("machtigingen:overzicht")
    return render(
        request,
        "machtigingen/bevestigen.html",
        {"toegang": toegang, "token": token, "fout": fout},
    )
