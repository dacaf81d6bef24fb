"""Re-integratiekosten and loonsanctie pages (DOMAIN §7.5): states and deadlines for the
werkgever, the approval and payment for the casemanager; every write through the service."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.geld.reintegratiekosten import LOONSANCTIE_MELDTERMIJN_WERKDAGEN
from verzuimportaal.toegang import access as toegang
from verzuimportaal.toegang.acterend import portaal_view
from verzuimportaal.utils.forms import PortaalForm
from verzuimportaal.utils.views import fout_naar_form

from . import access, service
from .forms import AanvraagForm, BeoordelingForm, BetalingForm, DeclaratieForm, LoonsanctieForm
from .models import Declaratie, Status

RECHT = access.RECHT


@portaal_view(recht=RECHT)
def lijst(request: HttpRequest) -> HttpResponse:
    """All declaraties with their state and deadlines, and the loonsanctiemeldingen."""
    actor = request.actor  # type: ignore[attr-defined]
    declaraties = list(access.declaraties(actor).order_by("-aangevraagd_op", "-pk"))
    meldingen = list(access.loonsanctiemeldingen(actor).order_by("-gemeld_op", "-pk"))
    toegang.lijst_gelezen(
        actor, soort="declaratie", omschrijving="re-integratiekosten en loonsancties"
    )
    return render(
        request,
        "reintegratiekosten/lijst.html",
        {
            "declaraties": declaraties,
            "meldingen": meldingen,
            "mag_declareren": service.mag_declareren(actor),
        },
    )


def _open_verzuimgevallen(actor: Any) -> Any:
    return toegang.verzuimgevallen(actor).order_by("-eerste_ziektedag", "verzuimnummer")


@portaal_view(recht=RECHT, wijzigen=True)
@require_http_methods(["GET", "POST"])
def aanvragen(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    form = AanvraagForm(request.POST or None, verzuimgevallen=_open_verzuimgevallen(actor))
    if request.method == "POST" and form.is_valid():
        try:
            declaratie = service.vraag_goedkeuring_aan(door=actor, **form.cleaned_data)
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(request, _("De aanvraag is naar de casemanager gestuurd."))
            return redirect("reintegratiekosten:detail", uuid=declaratie.uuid)
    return render(
        request,
        "reintegratiekosten/formulier.html",
        {"form": form, "titel": _("Goedkeuring aanvragen voor re-integratiekosten")},
    )


def _formulieren(
    actor: Any, declaratie: Declaratie, post: Any = None, files: Any = None
) -> dict[str, PortaalForm]:
    """The forms the actor may use on this declaratie in its current state."""
    formulieren: dict[str, PortaalForm] = {}
    if service.is_casemanager(actor):
        if declaratie.beoordeeld_op is None and declaratie.status != Status.BETAALD:
            formulieren["beoordelen"] = BeoordelingForm(post)
        if declaratie.status == Status.GEDECLAREERD and declaratie.beoordeeld_op is not None:
            formulieren["betalen"] = BetalingForm(post)
    elif service.mag_declareren(actor) and declaratie.status in (
        Status.AANGEVRAAGD,
        Status.GOEDGEKEURD,
    ):
        formulieren["declareren"] = DeclaratieForm(post, files)
    return formulieren


def _voer_uit(actor: Any, declaratie: Declaratie, actie: str, data: dict[str, Any]) -> str:
    if actie == "beoordelen":
        goedkeuren = data["besluit"] == "goedkeuren"
        service.beoordeel(
            door=actor,
            declaratie=declaratie,
            goedgekeurd_bedrag=data["goedgekeurd_bedrag"] if goedkeuren else None,
            toelichting=data["toelichting"],
        )
        return _("De beoordeling is vastgelegd.")
    if actie == "declareren":
        service.declareer(door=actor, declaratie=declaratie, **data)
        return _("De declaratie is ontvangen.")
    service.leg_betaling_vast(door=actor, declaratie=declaratie, betaald_op=data["betaald_op"])
    return _("De betaling is vastgelegd.")


@portaal_view(recht=RECHT)
@require_http_methods(["GET", "POST"])
def detail(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    declaratie = access.declaratie(actor, uuid=uuid)
    actie = request.POST.get("actie", "") if request.method == "POST" else ""
    formulieren = _formulieren(actor, declaratie)
    if request.method == "POST":
        if actie not in formulieren:
            raise PermissionDenied(_("Deze stap kunt u nu niet zetten voor deze declaratie."))
        formulieren[actie] = _formulieren(actor, declaratie, request.POST, request.FILES)[actie]
        form = formulieren[actie]
        if form.is_valid():
            try:
                melding = _voer_uit(actor, declaratie, actie, form.cleaned_data)
            except ValidationError as fout:
                fout_naar_form(form, fout)
            else:
                messages.success(request, melding)
                return redirect("reintegratiekosten:detail", uuid=declaratie.uuid)
    return render(
        request,
        "reintegratiekosten/detail.html",
        {"declaratie": declaratie, "formulieren": formulieren, "Status": Status},
    )


@portaal_view(recht=RECHT)
def nota(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    declaratie = access.declaratie(actor, uuid=uuid)  # 404 first, then the method
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    if not declaratie.nota:
        raise Http404(_("Bij deze declaratie is nog geen nota."))
    with declaratie.nota.open("rb") as bestand:
        inhoud = bestand.read()
    audit.registreer(door=actor, actie=Actie.DOWNLOADEN, onderwerp=declaratie, omschrijving="Nota")
    response = HttpResponse(inhoud, content_type=declaratie.nota_content_type)
    response["Content-Disposition"] = content_disposition_header(True, declaratie.nota_naam)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@portaal_view(recht=RECHT, wijzigen=True)
@require_http_methods(["GET", "POST"])
def loonsanctie(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    form = LoonsanctieForm(request.POST or None)
    form.fields["verzuimgeval"] = AanvraagForm(verzuimgevallen=_open_verzuimgevallen(actor)).fields[
        "verzuimgeval"
    ]
    form.order_fields(["verzuimgeval"])
    if request.method == "POST" and form.is_valid():
        try:
            melding = service.meld_loonsanctie(door=actor, **form.cleaned_data)
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            if melding.te_laat:
                messages.warning(
                    request,
                    _(
                        "De loonsanctie is gemeld, maar na de termijn (uiterlijk %(datum)s). De "
                        "verzekeraar beoordeelt de poortwachtergarantie zonder tijdige melding."
                    )
                    % {"datum": f"{melding.melden_uiterlijk:%d-%m-%Y}"},
                )
            else:
                messages.success(request, _("De loonsanctie is gemeld aan de verzekeraar."))
            return redirect("reintegratiekosten:lijst")
    return render(
        request,
        "reintegratiekosten/loonsanctie.html",
        {"form": form, "werkdagen": LOONSANCTIE_MELDTERMIJN_WERKDAGEN},
    )
