"""Resolving the acting context from the session, for every portal view (deny by default)."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from .access import vereis_recht
from .actor import Actor, Recht, Route
from .models import Lidmaatschap

SESSIE_WERKGEVER = "acterend_voor_werkgever"


def _lidmaatschappen(request: HttpRequest) -> Any:
    return Lidmaatschap.objects.filter(gebruiker_id=request.user.pk, actief=True).select_related(
        "werkgever", "gebruiker"
    )


def actor_uit_sessie(request: HttpRequest) -> Actor | None:
    """The actor for this request, re-checked against the database on every request."""
    if not request.user.is_authenticated:
        return None
    werkgever_id = request.session.get(SESSIE_WERKGEVER)
    if werkgever_id is None:
        return None
    lidmaatschap = _lidmaatschappen(request).filter(werkgever_id=werkgever_id).first()
    if lidmaatschap is None:
        request.session.pop(SESSIE_WERKGEVER, None)
        return None
    gebruiker = lidmaatschap.gebruiker
    return Actor(
        werkgever=lidmaatschap.werkgever,
        rechten=frozenset({lidmaatschap.recht}),
        route=Route.LOKAAL,
        gebruiker=gebruiker,
        weergavenaam=gebruiker.get_full_name() or gebruiker.get_username(),
    )


def kies_werkgever(request: HttpRequest, werkgever_id: int) -> bool:
    if not _lidmaatschappen(request).filter(werkgever_id=werkgever_id).exists():
        return False
    request.session[SESSIE_WERKGEVER] = werkgever_id
    return True


def portaal_view(
    *, recht: str = Recht.ALLES
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Decorator for every portal page: requires login, an acting werkgever and ``recht``."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            actor = actor_uit_sessie(request)
            if actor is None:
                lidmaatschappen = list(_lidmaatschappen(request)[:2])
                if len(lidmaatschappen) == 1:
                    kies_werkgever(request, lidmaatschappen[0].werkgever_id)
                    actor = actor_uit_sessie(request)
                elif not lidmaatschappen:
                    raise PermissionDenied(
                        "Uw account is niet gekoppeld aan een werkgever. "
                        "Neem contact op met de hoofdcontactpersoon van uw organisatie."
                    )
                else:
                    return redirect("toegang:kies_werkgever")
            assert actor is not None
            vereis_recht(actor, recht)
            request.actor = actor  # type: ignore[attr-defined]
            return view(request, *args, **kwargs)

        wrapper.portaal_recht = recht  # type: ignore[attr-defined]
        return wrapper

    return decorator
