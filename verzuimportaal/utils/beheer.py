"""Pages of the operator's staff for data the operator maintains (ADR 0040).

``beheerder_view`` lets in logged-in staff with one model permission, like the
behandelaarsomgeving (ADR 0027); ``beheeractor`` names such a person in the audit trail, where an
operator action belongs to no werkgever. ``lees_tabel`` reads an uploaded CSV or XLSX file with
the same reader as the werknemer import.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any, cast

from django.contrib.auth.models import User
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from verzuimportaal.imports.lezen import lees
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.werkgevers.models import Werkgever


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


def beheeractor(gebruiker: User, *, werkgever: Werkgever | None = None) -> Actor:
    """The operator's staff member as the actor of an audit row: no portal rights. Without a
    ``werkgever`` the row belongs to no werkgever's log (the operator's own trail)."""
    naam = getattr(gebruiker, "get_full_name", lambda: "")() or gebruiker.get_username()
    return Actor(
        werkgever=cast(Werkgever, werkgever),
        rechten=frozenset(),
        route="",
        gebruiker=gebruiker,
        weergavenaam=f"Beheerder ({naam})",
    )


def afgekapt(fouten: list[str], maximum: int = 100) -> list[str]:
    """At most ``maximum`` errors for the page, and a last line saying how many more there are."""
    if len(fouten) <= maximum:
        return fouten
    meer = _("… en %(n)d fouten meer.") % {"n": len(fouten) - maximum}
    return [*fouten[:maximum], meer]


def lees_tabel(naam: str, inhoud: bytes, *, max_rijen: int) -> tuple[list[str], list[list[str]]]:
    """Column names (lower case) and rows of an uploaded CSV/XLSX; ValidationError if unreadable."""
    koppen, rijen = lees(naam, inhoud, max_rijen=max_rijen)
    return [k.strip().lower() for k in koppen], rijen
