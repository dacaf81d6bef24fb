"""Pages of the operator's staff for data the operator maintains (ADR 0040).

``beheerder_view`` lets in logged-in staff with one model permission, like the
behandelaarsomgeving (ADR 0027); the other helpers are the pages of an import (upload with
proefdraai, the result, vastleggen). The model and the service helpers: ``beheerimport``.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from .beheerimport import Beheerimport, Importstatus
from .views import fout_naar_form


def beheerder_view(
    permissie: str,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Login, operator staff and ``permissie`` (``app_label.codename``); otherwise 403."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            gebruiker = request.user
            if not gebruiker.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not (gebruiker.is_staff and gebruiker.has_perm(permissie)):
                raise PermissionDenied(
                    _(
                        "Deze pagina is alleen voor medewerkers van de beheerder met de rol "
                        "die erbij hoort. Vraag de functioneel beheerder om die rol."
                    )
                )
            return view(request, *args, **kwargs)

        wrapper.beheer_permissie = permissie  # type: ignore[attr-defined]
        return wrapper

    return decorator


# --- the pages of an import (proefdraai, result, vastleggen) ------------------------------------


def uploadpagina(
    request: HttpRequest,
    *,
    form: Form,
    lees_in: Callable[[], Beheerimport],
    namespace: str,
    template: str,
    context: dict[str, Any],
) -> HttpResponse:
    """The upload form; a valid POST runs the proefdraai and shows its result."""
    if request.method == "POST" and form.is_valid():
        try:
            gelezen = lees_in()
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            return redirect(f"{namespace}:import", uuid=gelezen.uuid)
    return render(request, template, {"form": form, **context})


def importpagina(
    request: HttpRequest, gevonden: Beheerimport, *, namespace: str, titel: str
) -> HttpResponse:
    return render(
        request,
        "beheer/import.html",
        {
            "import": gevonden,
            "titel": titel,
            "vast_te_leggen": gevonden.status == Importstatus.PROEF,
            "vastleggen_url": reverse(f"{namespace}:vastleggen", args=[gevonden.uuid]),
            "terug_url": reverse(f"{namespace}:overzicht"),
        },
    )


def leg_import_vast(
    request: HttpRequest, gevonden: Beheerimport, *, leg_vast: Callable[[], object], namespace: str
) -> HttpResponse:
    """Vastleggen; a refusal (errors, already done, a newer stand) is shown on the import."""
    try:
        leg_vast()
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(
            request,
            _("Vastgelegd: %(aantal)d regels.") % {"aantal": getattr(gevonden, "aantal", 0)},
        )
    return redirect(f"{namespace}:import", uuid=gevonden.uuid)
