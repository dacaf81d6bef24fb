"""The verzamelspecificatie of the UWV (DOMAIN §3 service 2, §7.2) for the werkgever, as page,
XLSX and PDF with the same rows, and the operator's pages: the uitvoerder's feed with proefdraai
and vastleggen, the maximumdagloon table and the vangnet ZW decisions (ADR 0045)."""

from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.overzichten.export import xlsx_response
from verzuimportaal.polissen.uitvoerder import Uitvoerder
from verzuimportaal.statistiek.pdf import pdf_response
from verzuimportaal.toegang.acterend import beheerder_van, portaal_view
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils.beheer import (
    beheerder_view,
    importpagina,
    leg_import_vast,
    uploadpagina,
)
from verzuimportaal.utils.clientip import client_ip
from verzuimportaal.utils.views import fout_naar_form
from verzuimportaal.verzuim.models import Verzuimgeval

from . import service, specificatie
from .access import specificatieregels
from .forms import MaximumdagloonForm, SpecificatieimportForm, VangnetForm
from .models import Maximumdagloon, Specificatieimport, Vangnetuitkering

FORMATEN = ("xlsx", "pdf")
PERMISSIE = "verzamelspecificaties.beheren"
NAMESPACE = "verzamelspecificaties_beheer"


def _maand(request: HttpRequest) -> date | None:
    try:
        jaar, maand = (int(deel) for deel in request.GET.get("maand", "").split("-"))
        return date(jaar, maand, 1)
    except ValueError:
        return None


@portaal_view(recht=Dienst.UITKERINGSGEGEVENS)  # type: ignore[arg-type]  # streams downloads
def maand(request: HttpRequest) -> HttpResponseBase:
    """The verzamelspecificatie of one month (``?maand=jjjj-mm``): per werknemer and soort one
    line per betaalperiode, with the total per soort and of the month (DOMAIN §7.2)."""
    formaat = request.GET.get("formaat") or None
    if formaat is not None and formaat not in FORMATEN:
        return HttpResponseBadRequest(
            _("Onbekend formaat '%(formaat)s'. Kies xlsx of pdf.") % {"formaat": formaat[:20]},
            content_type="text/plain; charset=utf-8",
        )
    actor = request.actor  # type: ignore[attr-defined]
    alle = specificatieregels(actor)
    maanden = specificatie.maanden(alle.order_by().values_list("tot_en_met", flat=True).distinct())
    gekozen = _maand(request) or (maanden[0] if maanden else timezone.localdate().replace(day=1))
    regels = list(
        alle.filter(tot_en_met__year=gekozen.year, tot_en_met__month=gekozen.month).order_by(
            "werknemer__achternaam", "werknemer_id", "grondslag", "van", "pk"
        )
    )
    rijen = specificatie.rijen(regels)
    totalen = specificatie.totaalrijen(regels)
    titel = _("Verzamelspecificatie UWV %(maand)s") % {"maand": f"{gekozen:%m-%Y}"}
    audit.registreer_overzicht(
        door=actor,
        actie=Actie.INZIEN if formaat is None else Actie.DOWNLOADEN,
        object_type="verzamelspecificatie",
        omschrijving=f"{titel}{'' if formaat is None else f' ({formaat})'}",
    )
    bestandsnaam = f"verzamelspecificatie-uwv-{gekozen:%Y-%m}"
    if formaat == "xlsx":
        return xlsx_response(
            bestandsnaam=bestandsnaam, kop=specificatie.kop(), rijen=rijen + totalen, titel=titel
        )
    context = {
        "titel": titel,
        "maand": gekozen,
        "maanden": maanden,
        "kop": specificatie.kop(),
        "rijen": rijen,
        "totalen": totalen,
        "werkgever": actor.werkgever,
    }
    if formaat == "pdf":
        return pdf_response(
            request,
            template="verzamelspecificaties/maand_pdf.html",
            context=context,
            bestandsnaam=bestandsnaam,
        )
    return render(request, "verzamelspecificaties/maand.html", context)


# ---- The operator's pages ----------------------------------------------------------------------


def _vangnet(request: HttpRequest, form: VangnetForm) -> HttpResponse | None:
    geval = Verzuimgeval.objects.filter(
        werknemer__loonheffingennummer__werkgever__kvk_nummer=form.cleaned_data["kvk_nummer"],
        verzuimnummer=form.cleaned_data["verzuimnummer"],
    ).first()
    if geval is None:
        form.add_error(
            "verzuimnummer", _("Er is geen verzuim met dit nummer bij deze werkgever (KvK).")
        )
        return None
    door = Uitvoerder.medewerker(
        request.user,  # type: ignore[arg-type]  # beheerder_view: logged in
        ip=client_ip(request),
        user_agent=request.headers.get("user-agent", ""),
    )
    try:
        service.leg_vangnetuitkering_vast(
            door=door,
            verzuimgeval=geval,
            grondslag=form.cleaned_data["grondslag"],
            percentage=form.cleaned_data["percentage"],
        )
    except ValidationError as fout:
        fout_naar_form(form, fout)
        return None
    messages.success(request, _("De vangnetuitkering is vastgelegd."))
    return redirect(f"{NAMESPACE}:overzicht")


def _maximumdagloon(request: HttpRequest, form: MaximumdagloonForm) -> HttpResponse | None:
    try:
        service.leg_maximumdagloon_vast(
            door=beheerder_van(request),
            ingangsdatum=form.cleaned_data["ingangsdatum"],
            bedrag=form.cleaned_data["bedrag"],
        )
    except ValidationError as fout:
        fout_naar_form(form, fout)
        return None
    messages.success(request, _("Het maximumdagloon is vastgelegd."))
    return redirect(f"{NAMESPACE}:overzicht")


@beheerder_view(PERMISSIE)
@require_http_methods(["GET", "POST"])
def beheer(request: HttpRequest) -> HttpResponse:
    """Three forms on one page, told apart by ``actie``: the feed (proefdraai), the
    maximumdagloon and a vangnet decision."""
    actie = request.POST.get("actie") if request.method == "POST" else None
    form = SpecificatieimportForm(
        request.POST if actie == "importeren" else None,
        request.FILES if actie == "importeren" else None,
    )
    maximum_form = MaximumdagloonForm(request.POST if actie == "maximumdagloon" else None)
    vangnet_form = VangnetForm(request.POST if actie == "vangnet" else None)
    if actie == "maximumdagloon" and maximum_form.is_valid():
        antwoord = _maximumdagloon(request, maximum_form)
        if antwoord is not None:
            return antwoord
    if actie == "vangnet" and vangnet_form.is_valid():
        antwoord = _vangnet(request, vangnet_form)
        if antwoord is not None:
            return antwoord
    context = {
        "imports": Specificatieimport.objects.select_related("aangemaakt_door")[:20],
        "maximumdaglonen": Maximumdagloon.objects.all()[:12],
        "vangnetuitkeringen": Vangnetuitkering.objects.select_related(
            "verzuimgeval__werknemer__loonheffingennummer__werkgever"
        ).order_by("-vastgelegd_op")[:20],
        "maximum_form": maximum_form,
        "vangnet_form": vangnet_form,
    }
    if actie != "importeren":
        return render(request, "verzamelspecificaties/beheer.html", {"form": form, **context})
    return uploadpagina(
        request,
        form=form,
        lees_in=lambda: service.lees_in(
            door=beheerder_van(request),
            bestandsnaam=form.cleaned_data["bestand"].name,
            inhoud=form.cleaned_data["bestand"].read(),
        ),
        namespace=NAMESPACE,
        template="verzamelspecificaties/beheer.html",
        context=context,
    )


@beheerder_view(PERMISSIE)
def specificatieimport(request: HttpRequest, uuid: str) -> HttpResponse:
    gevonden = get_object_or_404(Specificatieimport, uuid=uuid)
    return importpagina(request, gevonden, namespace=NAMESPACE, titel=_("Import UWV-specificaties"))


@beheerder_view(PERMISSIE)
@require_POST
def vastleggen(request: HttpRequest, uuid: str) -> HttpResponse:
    gevonden = get_object_or_404(Specificatieimport, uuid=uuid)
    return leg_import_vast(
        request,
        gevonden,
        leg_vast=lambda: service.leg_vast(door=beheerder_van(request), specificatieimport=gevonden),
        namespace=NAMESPACE,
    )
