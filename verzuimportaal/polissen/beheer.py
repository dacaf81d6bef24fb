"""Polisbeheer: the operator's staff set a werkgever's dated polis (DOMAIN §7.3, §7.4).

Own pages on the beheer side, not Django admin: login, operator staff and the permission
``polissen.add_polis``; every polis through ``polissen.service.leg_polis_vast`` (audited in the
werkgever's log). The werkgever sees its polis under Financiën.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from verzuimportaal.utils.clientip import client_ip
from verzuimportaal.utils.views import fout_naar_form, pagina
from verzuimportaal.werkgevers.models import Werkgever

from . import service
from .forms import PolisForm, ZoekForm
from .models import Polis
from .uitvoerder import Uitvoerder

PER_PAGINA = 50


def polisbeheer_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Login, operator staff and the permission to set polissen; otherwise 403."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        gebruiker = request.user
        if not gebruiker.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not (gebruiker.is_staff and gebruiker.has_perm(service.PERMISSIE)):
            raise PermissionDenied(
                _(
                    "Deze pagina is alleen voor medewerkers van de verzekeraar die polissen "
                    "vastleggen. Vraag de beheerder om dit recht."
                )
            )
        return view(request, *args, **kwargs)

    return wrapper


@polisbeheer_view
def lijst(request: HttpRequest) -> HttpResponse:
    form = ZoekForm(request.GET or None)
    werkgevers = Werkgever.objects.order_by("naam", "pk")
    if form.is_valid() and form.cleaned_data["zoek"]:
        zoek = form.cleaned_data["zoek"].strip()
        werkgevers = werkgevers.filter(Q(naam__icontains=zoek) | Q(kvk_nummer=zoek))
    huidige = pagina(request, werkgevers, PER_PAGINA)
    ids = [w.pk for w in huidige.object_list]
    laatste: dict[int, Polis] = {}
    polissen = Polis.objects.filter(werkgever_id__in=ids).order_by("werkgever_id", "ingangsdatum")
    for polis in polissen:
        laatste[polis.werkgever_id] = polis
    rijen = [(w, laatste.get(w.pk)) for w in huidige.object_list]
    return render(request, "polissen/lijst.html", {"form": form, "pagina": huidige, "rijen": rijen})


@polisbeheer_view
@require_http_methods(["GET", "POST"])
def werkgever(request: HttpRequest, pk: int) -> HttpResponse:
    gekozen = get_object_or_404(Werkgever, pk=pk)
    form = PolisForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        door = Uitvoerder.medewerker(
            request.user,  # type: ignore[arg-type]
            ip=client_ip(request),
            user_agent=request.headers.get("user-agent", ""),
        ).actor_voor(gekozen)
        try:
            polis = service.leg_polis_vast(door=door, **form.cleaned_data)
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(
                request,
                _("Polis %(nummer)s per %(datum)s is vastgelegd.")
                % {"nummer": polis.polisnummer, "datum": f"{polis.ingangsdatum:%d-%m-%Y}"},
            )
            return redirect("polisbeheer:werkgever", pk=gekozen.pk)
    return render(
        request,
        "polissen/werkgever.html",
        {
            "werkgever": gekozen,
            "polissen": Polis.objects.filter(werkgever=gekozen).order_by("-ingangsdatum"),
            "form": form,
        },
    )
