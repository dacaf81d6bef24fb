"""Resolving the acting context from the session, for every portal view (deny by default).

Two routes lead to an ``Actor``: a local account with a membership of the chosen werkgever, or an
eHerkenning login whose assertion (kept in the session) names the werkgever and the services.
For eHerkenning, rights come only from that assertion, never from local grants.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from verzuimportaal.eherkenning import sessie as eherkenning_sessie
from verzuimportaal.eherkenning.backend import SESSIE_WEIGERING
from verzuimportaal.werkgevers.models import Intermediair, Werkgever

from .access import vereis_recht
from .actor import Actor, Route
from .models import Lidmaatschap

SESSIE_WERKGEVER = "acterend_voor_werkgever"


def _lidmaatschappen(request: HttpRequest) -> Any:
    return Lidmaatschap.objects.filter(gebruiker_id=request.user.pk, actief=True).select_related(
        "werkgever", "gebruiker"
    )


def _eherkenning_actor(
    request: HttpRequest, context: eherkenning_sessie.EHerkenningContext
) -> Actor | None:
    werkgever = Werkgever.objects.filter(kvk_nummer=context.kvk_nummer).first()
    if werkgever is None:
        return None
    naam = f"eHerkenning-gebruiker {context.pseudoniem[:8]}"
    route = Route.EHERKENNING
    if context.intermediair_kvk_nummer:
        route = Route.KETENMACHTIGING
        intermediair = Intermediair.objects.filter(
            kvk_nummer=context.intermediair_kvk_nummer
        ).first()
        naam += f" namens {intermediair.naam if intermediair else context.intermediair_kvk_nummer}"
    return Actor(
        werkgever=werkgever,
        rechten=frozenset(context.diensten),
        route=route,
        gebruiker=request.user,  # type: ignore[arg-type]
        weergavenaam=naam,
        pseudoniem=context.pseudoniem,
        intermediair_kvk_nummer=context.intermediair_kvk_nummer,
        niveau=context.niveau,
    )


def actor_uit_sessie(request: HttpRequest) -> Actor | None:
    """The actor for this request, re-checked against the database on every request."""
    if not request.user.is_authenticated:
        return None
    context = eherkenning_sessie.lees(request.session)
    if context is not None:
        return _eherkenning_actor(request, context)
    werkgever_id = request.session.get(SESSIE_WERKGEVER)
    if werkgever_id is None:
        return None
    if not isinstance(werkgever_id, int) or isinstance(werkgever_id, bool):
        request.session.pop(SESSIE_WERKGEVER, None)  # only kies_werkgever sets it, as an int
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
    if eherkenning_sessie.lees(request.session) is not None:
        return False  # one eHerkenning login represents exactly one organisation (DOMAIN §2)
    if not _lidmaatschappen(request).filter(werkgever_id=werkgever_id).exists():
        return False
    request.session[SESSIE_WERKGEVER] = werkgever_id
    return True


def portaal_view(
    *, recht: str | tuple[str, ...] | None = None
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Decorator for every portal page: login, an acting werkgever and one of ``recht``.

    ``recht`` is a service (``Dienst``) or a tuple of services of which one suffices; ``None``
    means any actor of the werkgever may open the page.
    """
    vereist = (recht,) if isinstance(recht, str) else recht

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            actor = actor_uit_sessie(request)
            context = eherkenning_sessie.lees(request.session)
            if actor is None and context is not None:
                logout(request)  # the represented KvK is no longer known to the portal
                request.session[SESSIE_WEIGERING] = {
                    "reden": "kvk_onbekend",
                    "kvk": context.kvk_nummer,
                }
                return redirect("eherkenning:geweigerd")
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
            if vereist:
                vereis_recht(actor, *vereist)
            request.actor = actor  # type: ignore[attr-defined]
            return view(request, *args, **kwargs)

        wrapper.portaal_recht = vereist  # type: ignore[attr-defined]
        return wrapper

    return decorator
