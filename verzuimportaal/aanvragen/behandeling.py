"""The behandelaarsomgeving (ADR 0027): the operator's staff list, filter, assign, ask for
information and decide. Its own pages and role (permission ``aanvragen.behandelen``, operator
staff), not Django admin; every step through ``aanvragen.service`` (audited)."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.toegang.acterend import beheerder_van
from verzuimportaal.utils.ophalen import een_of_404
from verzuimportaal.utils.views import fout_naar_form, pagina

from . import bijlagen, service
from .forms import BesluitForm, FilterForm, InformatieForm, ToewijzenForm
from .models import Bijlage, Status, Zaak

PER_PAGINA = 50


def behandelaar_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Login, operator staff and the permission ``aanvragen.behandelen``; otherwise 403."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        gebruiker = request.user
        if not gebruiker.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not (gebruiker.is_staff and gebruiker.has_perm("aanvragen.behandelen")):
            raise PermissionDenied(
                _(
                    "Deze pagina is alleen voor behandelaars. Vraag de beheerder om de rol "
                    "behandelaar als u zaken moet behandelen."
                )
            )
        return view(request, *args, **kwargs)

    wrapper.behandelaar_view = True  # type: ignore[attr-defined]
    return wrapper


def _zaak(uuid: str) -> Zaak:
    zaken = Zaak.objects.select_related("werkgever", "werknemer", "behandelaar")
    return een_of_404(zaken, "Zaak", uuid=uuid)


@behandelaar_view
def lijst(request: HttpRequest) -> HttpResponse:
    form = FilterForm(request.GET or None)
    zaken = Zaak.objects.select_related("werkgever", "behandelaar").order_by("ontvangen_op", "pk")
    if form.is_valid():
        data = form.cleaned_data
        zaken = (
            zaken.filter(status=data["status"])
            if data["status"]
            else zaken.exclude(status=Status.BESLUIT)
        )
        if data["soort"]:
            zaken = zaken.filter(soort=data["soort"])
        if data["mijn"]:
            zaken = zaken.filter(behandelaar_id=request.user.pk)
    else:
        zaken = zaken.exclude(status=Status.BESLUIT)
    return render(
        request,
        "behandeling/lijst.html",
        {"form": form, "pagina": pagina(request, zaken, PER_PAGINA)},
    )


@behandelaar_view
def detail(request: HttpRequest, uuid: str) -> HttpResponse:
    zaak = _zaak(uuid)
    return render(
        request,
        "behandeling/detail.html",
        {
            "zaak": zaak,
            "gebeurtenissen": zaak.gebeurtenissen.order_by("tijdstip", "pk"),
            "toewijzen": ToewijzenForm(initial={"behandelaar": request.user.pk}),
            "open": zaak.status != Status.BESLUIT,
            "bijlagen": zaak.bijlagen.order_by("geupload_op", "pk"),
        },
    )


@behandelaar_view
@require_POST
def toewijzen(request: HttpRequest, uuid: str) -> HttpResponse:
    zaak = _zaak(uuid)
    form = ToewijzenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een behandelaar uit de lijst."))
        return redirect("behandeling:detail", uuid=zaak.uuid)
    try:
        service.wijs_toe(
            door=beheerder_van(request), zaak=zaak, behandelaar=form.cleaned_data["behandelaar"]
        )
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(
            request, _("Zaak %(zaaknummer)s is toegewezen.") % {"zaaknummer": zaak.zaaknummer}
        )
    return redirect("behandeling:detail", uuid=zaak.uuid)


def _formulier(
    request: HttpRequest,
    uuid: str,
    *,
    form_klasse: type[InformatieForm] | type[BesluitForm],
    actie: Callable[..., Zaak],
    titel: str,
    gelukt: str,
) -> HttpResponse:
    zaak = _zaak(uuid)
    form = form_klasse(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actie(door=beheerder_van(request), zaak=zaak, **form.cleaned_data)
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(request, gelukt % {"zaaknummer": zaak.zaaknummer})
            return redirect("behandeling:detail", uuid=zaak.uuid)
    return render(
        request, "behandeling/formulier.html", {"zaak": zaak, "form": form, "titel": titel}
    )


@behandelaar_view
@require_http_methods(["GET", "POST"])
def informatie(request: HttpRequest, uuid: str) -> HttpResponse:
    return _formulier(
        request,
        uuid,
        form_klasse=InformatieForm,
        actie=service.vraag_informatie,
        titel=_("Informatie vragen"),
        gelukt=_("De vraag staat in de berichtenbox van de werkgever (zaak %(zaaknummer)s)."),
    )


@behandelaar_view
@require_http_methods(["GET", "POST"])
def besluit(request: HttpRequest, uuid: str) -> HttpResponse:
    return _formulier(
        request,
        uuid,
        form_klasse=BesluitForm,
        actie=service.beslis,
        titel=_("Besluit nemen"),
        gelukt=_("Het besluit is genomen; de brief staat in de berichtenbox van de werkgever."),
    )


@behandelaar_view
@require_GET
def bijlage(request: HttpRequest, uuid: str) -> HttpResponse:
    """A document of a case, downloaded by the behandelaar (in the werkgever's audit log)."""
    bijlagen_ = Bijlage.objects.select_related("zaak", "zaak__werkgever")
    gevonden = een_of_404(bijlagen_, "Document", uuid=uuid)
    audit.registreer(
        door=service.operator_actor(door=beheerder_van(request), zaak=gevonden.zaak),
        actie=Actie.DOWNLOADEN,
        onderwerp=gevonden,
    )
    return bijlagen.als_download(gevonden)
