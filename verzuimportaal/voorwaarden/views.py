"""Terms pages: read (public), accept (before use) and reject a change (closes the account)."""

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods

from verzuimportaal.eherkenning import sessie as eherkenning_sessie
from verzuimportaal.toegang.acterend import persoon_van

from . import service
from .forms import AcceptatieForm, WeigerForm
from .models import Voorwaardenversie
from .sessie import SESSIE_AKKOORD, persoon_uit_request
from .weergave import als_html


def _volgende(request: HttpRequest) -> str:
    """The validated ``next`` (same host, no scheme change: DOMAIN §9, no open redirects)."""
    doel = request.POST.get("next") or request.GET.get("next") or ""
    if doel and url_has_allowed_host_and_scheme(
        doel, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return doel
    return reverse("portaal:dashboard")


@require_GET
def tonen(request: HttpRequest) -> HttpResponse:
    """The version in force and an announced change; public (art. 6.3)."""
    vandaag = timezone.localdate()
    versie = service.versie_van_kracht(op=vandaag)
    return render(
        request,
        "voorwaarden/tonen.html",
        {
            "versie": versie,
            "inhoud": als_html(versie.tekst) if versie else "",
            "aangekondigd": service.aangekondigde_versie(op=vandaag),
            "eerdere": Voorwaardenversie.objects.filter(
                ingangsdatum__lt=versie.ingangsdatum if versie else vandaag
            ),
        },
    )


@require_GET
def versie(request: HttpRequest, nummer: str) -> HttpResponse:
    """One published version (also an announced one before it is in force)."""
    gekozen = get_object_or_404(
        Voorwaardenversie, nummer=nummer, gepubliceerd_op__lte=timezone.localdate()
    )
    return render(
        request, "voorwaarden/versie.html", {"versie": gekozen, "inhoud": als_html(gekozen.tekst)}
    )


@login_required
@require_http_methods(["GET", "POST"])
def accepteren(request: HttpRequest) -> HttpResponse:
    """Accept the version in force before using the portal (art. 2.3), with an e-mail (2.5)."""
    huidige = service.versie_van_kracht(op=timezone.localdate())
    persoon = persoon_uit_request(request, met_werkgever=True)
    if huidige is None or service.heeft_aanvaard(persoon):
        return HttpResponseRedirect(_volgende(request))
    standaard_email = "" if eherkenning_sessie.lees(request.session) else request.user.email  # type: ignore[union-attr]
    form = AcceptatieForm(request.POST or None, initial={"notificatie_email": standaard_email})
    if request.method == "POST" and form.is_valid():
        try:
            service.accepteer(
                door=persoon_van(request),
                persoon=persoon,
                versie=huidige,
                notificatie_email=form.cleaned_data["notificatie_email"],
            )
        except ValidationError as fout:
            form.add_error(None, fout.messages)
        else:
            request.session[SESSIE_AKKOORD] = persoon.sleutel
            return HttpResponseRedirect(_volgende(request))
    return render(
        request,
        "voorwaarden/accepteren.html",
        {
            "versie": huidige,
            "inhoud": als_html(huidige.tekst),
            "form": form,
            "next": _volgende(request),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def weigeren(request: HttpRequest) -> HttpResponse:
    """Reject a changed version within six weeks (art. 6.2): a confirmation step, then the
    account is closed and the session ends."""
    persoon = persoon_uit_request(request, met_werkgever=True)
    gekozen = service.weigerbare_versie(persoon=persoon)
    if gekozen is None:
        if request.method == "POST":
            raise Http404("Er is geen wijziging die u nog kunt weigeren.")
        return render(request, "voorwaarden/weigeren.html", {"versie": None})
    form = WeigerForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            service.weiger(door=persoon_van(request), persoon=persoon, versie=gekozen)
        except ValidationError as fout:
            form.add_error(None, fout.messages)
        else:
            logout(request)
            return render(request, "voorwaarden/opgezegd.html", {"versie": gekozen})
    return render(request, "voorwaarden/weigeren.html", {"versie": gekozen, "form": form})
