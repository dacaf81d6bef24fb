"""Doelgroepregister (DOMAIN §3 service 6, §7.7): the werkgever's lookup page, and the operator's
import with proefdraai and vastleggen (ADR 0040)."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from verzuimportaal.toegang import access
from verzuimportaal.toegang.acterend import beheerder_van, portaal_view
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils.beheer import (
    beheerder_view,
    importpagina,
    leg_import_vast,
    uploadpagina,
)

from . import selectors, service
from .forms import BsnForm, LoonheffingennummerForm, RegisterimportForm
from .models import Registerimport

PERMISSIE = "doelgroepregister.importeren"
NAMESPACE = "doelgroepregister_beheer"


@portaal_view(recht=Dienst.BANENAFSPRAAK)
@require_http_methods(["GET", "POST"])
def raadplegen(request: HttpRequest) -> HttpResponse:
    """Two lookups on one page; a BSN never goes into a URL (DOMAIN §9), so both are POSTs."""
    actor = request.actor  # type: ignore[attr-defined]
    nummers = access.loonheffingennummers(actor)
    zoek = request.POST.get("zoeken_op") if request.method == "POST" else None
    bsn_form = BsnForm(request.POST if zoek == "bsn" else None, prefix="bsn")
    lhnr_form = LoonheffingennummerForm(
        request.POST if zoek == "loonheffingennummer" else None, nummers=nummers, prefix="lhnr"
    )
    context: dict[str, object] = {
        "bsn_form": bsn_form,
        "lhnr_form": lhnr_form,
        "stand": selectors.huidige_stand(),
    }
    try:
        if zoek == "bsn" and bsn_form.is_valid():
            context["uitkomst"] = selectors.raadpleeg_bsn(
                door=actor, bsn=bsn_form.cleaned_data["bsn"]
            )
        elif zoek == "loonheffingennummer" and lhnr_form.is_valid():
            regels, peildatum = selectors.raadpleeg_loonheffingennummer(
                door=actor, loonheffingennummer=lhnr_form.cleaned_data["loonheffingennummer"]
            )
            context.update(
                regels=regels,
                peildatum=peildatum,
                nummer=lhnr_form.cleaned_data["loonheffingennummer"],
            )
    except ValidationError as fout:
        context["fout"] = " ".join(fout.messages)
    return render(request, "doelgroepregister/raadplegen.html", context)


@beheerder_view(PERMISSIE)
@require_http_methods(["GET", "POST"])
def beheer(request: HttpRequest) -> HttpResponse:
    form = RegisterimportForm(request.POST or None, request.FILES or None)
    return uploadpagina(
        request,
        form=form,
        lees_in=lambda: service.lees_in(
            door=beheerder_van(request),
            bestandsnaam=form.cleaned_data["bestand"].name,
            inhoud=form.cleaned_data["bestand"].read(),
            peildatum=form.cleaned_data["peildatum"],
        ),
        namespace=NAMESPACE,
        template="doelgroepregister/beheer.html",
        context={
            "imports": Registerimport.objects.select_related("aangemaakt_door")[:20],
            "stand": selectors.huidige_stand(),
        },
    )


@beheerder_view(PERMISSIE)
def registerimport(request: HttpRequest, uuid: str) -> HttpResponse:
    gevonden = get_object_or_404(Registerimport, uuid=uuid)
    return importpagina(request, gevonden, namespace=NAMESPACE, titel=_("Import doelgroepregister"))


@beheerder_view(PERMISSIE)
@require_POST
def vastleggen(request: HttpRequest, uuid: str) -> HttpResponse:
    gevonden = get_object_or_404(Registerimport, uuid=uuid)
    return leg_import_vast(
        request,
        gevonden,
        leg_vast=lambda: service.leg_vast(door=beheerder_van(request), registerimport=gevonden),
        namespace=NAMESPACE,
    )
