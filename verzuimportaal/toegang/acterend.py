"""Resolving the acting context from the session, for every portal view (deny by default).

Routes to an ``Actor`` (all re-checked against the database on every request, ADR 0002):

- a local account with a membership (``Lidmaatschap``) of the chosen werkgever;
- an eHerkenning login whose assertion (kept in the session) names the werkgever and the services;
  rights then come only from that assertion, never from local grants;
- route B (seed 002): a local account of an advisor (``AdviseurMedewerker``), or an eHerkenning
  login for the advisor's own KvK, acting for a werkgever that granted that advisor access and
  confirmed it; rights and level come from the grant;
- a casemanager (local account) assigned to the werkgever by the operator.

When one account has several routes to the same werkgever, the first of ``ROUTEVOLGORDE`` wins
(own membership, then advisor grant, then casemanager): the werkgever's own account is the one the
werkgever manages directly, and a fixed order keeps the outcome the same on every request. The
chosen route is kept in the session, so losing it never silently switches to another route.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import User
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext

from verzuimportaal.audit import service as audit
from verzuimportaal.eherkenning import sessie as eherkenning_sessie
from verzuimportaal.eherkenning.backend import SESSIE_WEIGERING
from verzuimportaal.machtigingen.models import (
    CASEMANAGERDIENSTEN,
    Adviseur,
    Adviseurtoegang,
    Casemanagertoewijzing,
    Status,
)
from verzuimportaal.utils.clientip import client_ip
from verzuimportaal.werkgevers.models import Intermediair, Werkgever

from .access import vereis_recht
from .actor import Actor, Niveau, Portaalactor, Route, accounthouder, beheerder
from .models import Lidmaatschap

SESSIE_WERKGEVER = "acterend_voor_werkgever"
SESSIE_ROUTE = "acterend_via_route"
SESSIE_AANTAL_KEUZES = "acterend_aantal_keuzes"  # > 1: the header offers "Andere werkgever"
ROUTEVOLGORDE = (Route.LOKAAL, Route.ADVISEUR, Route.CASEMANAGER)
# Routes that depend on a grant or assignment that can end while the user is working.
_VERLEENDE_ROUTES = (Route.ADVISEUR, Route.CASEMANAGER)

GEEN_WERKGEVER = (
    "Uw account is niet gekoppeld aan een werkgever. "
    "Neem contact op met de hoofdcontactpersoon van uw organisatie."
)
TOEGANG_VERVALLEN = (
    "Uw toegang tot deze werkgever is ingetrokken of niet meer geldig. "
    "Kies een werkgever waarvoor u wel toegang heeft, of neem contact op met de werkgever."
)


def geen_adviseurtoegang(adviseur: Adviseur) -> str:
    """Seed 002: why an advisor cannot select a werkgever."""
    return (
        f"Er is {adviseur.naam} (KvK {adviseur.kvk_nummer}) nog door geen enkele werkgever "
        "toegang verleend, of de werkgever heeft de toegang nog niet bevestigd via de link in de "
        "bevestigingsmail. Vraag uw relatie dit na, en ook of zij toegang hebben verleend aan "
        f"precies dit KvK-nummer ({adviseur.kvk_nummer})."
    )


@dataclass(frozen=True)
class Keuze:
    """A werkgever the user may act for, and the route that applies (see ``ROUTEVOLGORDE``)."""

    werkgever: Werkgever
    route: str
    toelichting: str = ""


def _eigen_lidmaatschappen(request: HttpRequest) -> Any:
    """The logged-in user's own active memberships (the werkgevers it may act for)."""
    return Lidmaatschap.objects.filter(gebruiker_id=request.user.pk, actief=True).select_related(
        "werkgever", "gebruiker"
    )


def _toewijzingen(request: HttpRequest) -> Any:
    return Casemanagertoewijzing.objects.filter(
        gebruiker_id=request.user.pk, actief=True
    ).select_related("werkgever", "gebruiker")


def adviseur_van(
    request: HttpRequest, context: eherkenning_sessie.EHerkenningContext | None = None
) -> Adviseur | None:
    """The known advisor the user acts for: its eHerkenning KvK, or its advisor account."""
    adviseurs = Adviseur.objects.selecteerbaar()
    if context is not None:
        if context.intermediair_kvk_nummer:
            return None  # a ketenmachtiging represents the werkgever itself (route A)
        return adviseurs.filter(kvk_nummer=context.kvk_nummer).first()
    return adviseurs.filter(
        medewerkers__gebruiker_id=request.user.pk, medewerkers__actief=True
    ).first()


def _actieve_toegangen(adviseur: Adviseur) -> Any:
    return Adviseurtoegang.objects.filter(adviseur=adviseur, status=Status.ACTIEF).select_related(
        "werkgever"
    )


def _naam(request: HttpRequest, context: eherkenning_sessie.EHerkenningContext | None) -> str:
    if context is not None:
        # The name the person gave at the first login (ADR 0025), never the pseudonym.
        return context.weergavenaam or gettext("eHerkenning-gebruiker")
    gebruiker = request.user
    return gebruiker.get_full_name() or gebruiker.get_username()  # type: ignore[union-attr]


def _eherkenning_actor(
    request: HttpRequest, context: eherkenning_sessie.EHerkenningContext
) -> Actor | None:
    werkgever = Werkgever.objects.filter(kvk_nummer=context.kvk_nummer).first()
    if werkgever is None:
        return None
    naam = _naam(request, context)
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
        # A machtiging for "bekijken" only (seed 002, ADR 0043) gives no changes.
        wijzigrechten=(
            None if context.wijzigdiensten is None else frozenset(context.wijzigdiensten)
        ),
        route=route,
        gebruiker=request.user,  # type: ignore[arg-type]
        weergavenaam=naam,
        pseudoniem=context.pseudoniem,
        intermediair_kvk_nummer=context.intermediair_kvk_nummer,
        niveau=context.niveau,
    )


def _lokaal_actor(request: HttpRequest, werkgever_id: int) -> Actor | None:
    lidmaatschap = _eigen_lidmaatschappen(request).filter(werkgever_id=werkgever_id).first()
    if lidmaatschap is None:
        return None
    gebruiker = lidmaatschap.gebruiker
    rechten, wijzigrechten = lidmaatschap.dienstrechten()
    return Actor(
        werkgever=lidmaatschap.werkgever,
        rechten=rechten,
        wijzigrechten=wijzigrechten,
        route=Route.LOKAAL,
        gebruiker=gebruiker,
        weergavenaam=gebruiker.get_full_name() or gebruiker.get_username(),
    )


def _adviseur_actor(
    request: HttpRequest,
    context: eherkenning_sessie.EHerkenningContext | None,
    werkgever_id: int,
) -> Actor | None:
    """Route B: only a confirmed, not revoked grant of a still selectable advisor counts."""
    adviseur = adviseur_van(request, context)
    if adviseur is None:
        return None
    toegang = (
        _actieve_toegangen(adviseur)
        .filter(werkgever_id=werkgever_id)
        .prefetch_related("loonheffingennummers")
        .first()
    )
    if toegang is None:
        return None
    nummers = frozenset(n.pk for n in toegang.loonheffingennummers.all())
    return Actor(
        werkgever=toegang.werkgever,
        rechten=frozenset(toegang.diensten),
        # "bekijken": every service view-only; "bekijken en wijzigen": all granted services.
        wijzigrechten=None if toegang.niveau == Niveau.WIJZIGEN else frozenset(),
        loonheffingennummer_ids=nummers or None,
        route=Route.ADVISEUR,
        gebruiker=request.user,  # type: ignore[arg-type]
        weergavenaam=f"{_naam(request, context)} namens {adviseur.naam}",
        pseudoniem=context.pseudoniem if context else None,
        niveau=context.niveau if context else None,
        intermediair_kvk_nummer=adviseur.kvk_nummer,
    )


def _casemanager_actor(request: HttpRequest, werkgever_id: int) -> Actor | None:
    toewijzing = _toewijzingen(request).filter(werkgever_id=werkgever_id).first()
    if toewijzing is None:
        return None
    return Actor(
        werkgever=toewijzing.werkgever,
        rechten=CASEMANAGERDIENSTEN,
        wijzigrechten=frozenset(),  # own dossier activities are allowed by route (dossier.rechten)
        route=Route.CASEMANAGER,
        gebruiker=toewijzing.gebruiker,
        weergavenaam=f"{_naam(request, None)} (casemanager)",
    )


def _routes(context: eherkenning_sessie.EHerkenningContext | None) -> tuple[str, ...]:
    if context is None:
        return ROUTEVOLGORDE
    if context.intermediair_kvk_nummer:
        return (Route.KETENMACHTIGING,)
    return (Route.EHERKENNING, Route.ADVISEUR)


def _actor_via(
    request: HttpRequest,
    context: eherkenning_sessie.EHerkenningContext | None,
    werkgever_id: int,
    route: str,
) -> Actor | None:
    if route in (Route.EHERKENNING, Route.KETENMACHTIGING):
        actor = _eherkenning_actor(request, context) if context else None
        return actor if actor is not None and actor.werkgever.pk == werkgever_id else None
    if route == Route.LOKAAL:
        return _lokaal_actor(request, werkgever_id)
    if route == Route.ADVISEUR:
        return _adviseur_actor(request, context, werkgever_id)
    if route == Route.CASEMANAGER:
        return _casemanager_actor(request, werkgever_id)
    return None


def _vergeet_keuze(request: HttpRequest, route: str | None) -> None:
    request.session.pop(SESSIE_WERKGEVER, None)
    request.session.pop(SESSIE_ROUTE, None)
    request.toegang_vervallen_route = route  # type: ignore[attr-defined]


def actor_uit_sessie(request: HttpRequest) -> Actor | None:
    """The actor for this request, re-checked against the database on every request.

    The one place where an actor is built from a request: it carries the client's address and
    browser, so every service can write its own audit row (ADR 0013).
    """
    actor = _actor_uit_sessie(request)
    return None if actor is None else met_verzoek(actor, request)


def met_verzoek(actor: Actor, request: HttpRequest) -> Actor:
    """The actor with the request's client address and browser (sessions and API clients)."""
    return replace(actor, ip=client_ip(request), user_agent=request.META.get("HTTP_USER_AGENT", ""))


def beheerder_van(request: HttpRequest) -> Portaalactor:
    """The operator of this request (admin pages) with its client address and browser."""
    gebruiker = request.user if request.user.is_authenticated else None
    return beheerder(
        gebruiker,
        ip=client_ip(request),
        user_agent=request.META.get("HTTP_USER_AGENT", ""),
    )


def accounthouder_van(request: HttpRequest, gebruiker: User | None = None) -> Portaalactor:
    """The local account acting on itself in this request (``gebruiker`` while logging in,
    before the session holds it), with the client address and browser."""
    wie = gebruiker if gebruiker is not None else request.user
    if not isinstance(wie, User):
        raise PermissionDenied(gettext("Log eerst in."))
    return accounthouder(
        wie,
        ip=client_ip(request),
        user_agent=request.META.get("HTTP_USER_AGENT", ""),
    )


def persoon_van(request: HttpRequest) -> Portaalactor:
    """The logged-in person acting for no werkgever (e.g. deciding on the terms of use): a local
    account on itself, or an eHerkenning user by pseudonym, with client address and browser."""
    context = eherkenning_sessie.lees(request.session)
    if context is None:
        return accounthouder_van(request)
    gebruiker = request.user if isinstance(request.user, User) else None
    return Portaalactor(
        gebruiker=gebruiker,
        weergavenaam=_naam(request, context),
        route=Route.KETENMACHTIGING if context.intermediair_kvk_nummer else Route.EHERKENNING,
        ip=client_ip(request),
        user_agent=request.META.get("HTTP_USER_AGENT", ""),
        pseudoniem=context.pseudoniem,
        intermediair_kvk_nummer=context.intermediair_kvk_nummer,
    )


def actor_van(request: HttpRequest) -> Actor:
    """The actor ``@portaal_view`` or the API permission put on this request."""
    actor = getattr(request, "actor", None)
    if not isinstance(actor, Actor):
        raise PermissionDenied(GEEN_WERKGEVER)
    return actor


def _actor_uit_sessie(request: HttpRequest) -> Actor | None:
    if not request.user.is_authenticated:
        return None
    context = eherkenning_sessie.lees(request.session)
    werkgever_id = request.session.get(SESSIE_WERKGEVER)
    if werkgever_id is None:
        # An eHerkenning login acts for the organisation it represents, without a choice.
        return _eherkenning_actor(request, context) if context is not None else None
    if not isinstance(werkgever_id, int) or isinstance(werkgever_id, bool):
        _vergeet_keuze(request, None)  # only kies_werkgever sets it, as an int
        return None
    gekozen_route = request.session.get(SESSIE_ROUTE)
    routes = _routes(context)
    if gekozen_route in routes:
        routes = (gekozen_route,)
    else:
        gekozen_route = None
    for route in routes:
        actor = _actor_via(request, context, werkgever_id, route)
        if actor is not None:
            return actor
    _vergeet_keuze(request, gekozen_route)
    return None


def keuzes(request: HttpRequest) -> list[Keuze]:
    """Every werkgever the user may act for now, once each, with the route that applies."""
    if not request.user.is_authenticated:
        return []
    context = eherkenning_sessie.lees(request.session)
    gevonden: list[Keuze] = []
    if context is not None:
        eigen = _eherkenning_actor(request, context)
        if eigen is not None:
            gevonden.append(Keuze(eigen.werkgever, eigen.route, "eigen organisatie"))
    else:
        gevonden += [Keuze(lid.werkgever, Route.LOKAAL) for lid in _eigen_lidmaatschappen(request)]
    adviseur = adviseur_van(request, context)
    if adviseur is not None:
        for toegang in _actieve_toegangen(adviseur):
            toelichting = f"namens {adviseur.naam}, {toegang.get_niveau_display().lower()}"
            gevonden.append(Keuze(toegang.werkgever, Route.ADVISEUR, toelichting))
    if context is None:
        gevonden += [
            Keuze(t.werkgever, Route.CASEMANAGER, "als casemanager") for t in _toewijzingen(request)
        ]
    per_werkgever: dict[int, Keuze] = {}
    for keuze in gevonden:  # in ROUTEVOLGORDE: the first route per werkgever wins
        per_werkgever.setdefault(keuze.werkgever.pk, keuze)
    return sorted(per_werkgever.values(), key=lambda k: (k.werkgever.naam, k.werkgever.pk))


def kies_werkgever(request: HttpRequest, werkgever_id: int) -> bool:
    """Act for ``werkgever_id`` if the user has a route to it (one eHerkenning login represents
    exactly one organisation, DOMAIN §2, unless that organisation is an advisor, seed 002)."""
    opties = keuzes(request)
    keuze = next((k for k in opties if k.werkgever.pk == werkgever_id), None)
    if keuze is None:
        return False
    request.session[SESSIE_WERKGEVER] = werkgever_id
    request.session[SESSIE_ROUTE] = str(keuze.route)
    request.session[SESSIE_AANTAL_KEUZES] = len(opties)
    return True


def _zonder_actor(request: HttpRequest) -> HttpResponse | None:
    """No actor: choose the only werkgever, send to the choice page, or explain the refusal."""
    vervallen = getattr(request, "toegang_vervallen_route", None)
    context = eherkenning_sessie.lees(request.session)
    opties = keuzes(request)
    if vervallen in _VERLEENDE_ROUTES:
        # The grant or assignment ended mid-session: never switch to another werkgever silently.
        if not opties:
            raise PermissionDenied(TOEGANG_VERVALLEN)
        messages.warning(request, TOEGANG_VERVALLEN)
        return redirect("toegang:kies_werkgever")
    if len(opties) == 1:
        kies_werkgever(request, opties[0].werkgever.pk)
        return None
    if opties:
        return redirect("toegang:kies_werkgever")
    adviseur = adviseur_van(request, context)
    if adviseur is not None:
        raise PermissionDenied(geen_adviseurtoegang(adviseur))
    if context is not None:
        logout(request)  # the represented KvK is no longer known to the portal
        request.session[SESSIE_WEIGERING] = {"reden": "kvk_onbekend", "kvk": context.kvk_nummer}
        return redirect("eherkenning:geweigerd")
    raise PermissionDenied(GEEN_WERKGEVER)


def portaal_view(
    *, recht: str | tuple[str, ...] | None = None, wijzigen: bool = False
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Decorator for every portal page: login, an acting werkgever and one of ``recht``.

    ``recht`` is a service (``Dienst``) or a tuple of services of which one suffices; ``None``
    means any actor of the werkgever may open the page. ``wijzigen`` demands the level
    "bekijken en wijzigen" (pages that change data, including their GET form).
    """
    vereist = (recht,) if isinstance(recht, str) else recht

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            actor = actor_uit_sessie(request)
            if actor is None:
                if (antwoord := _zonder_actor(request)) is not None:
                    return antwoord
                actor = actor_uit_sessie(request)
            if actor is None:  # pragma: no cover - the only choice vanished in between
                raise PermissionDenied(GEEN_WERKGEVER)
            if vereist:
                vereis_recht(actor, *vereist, wijzigen=wijzigen)
            request.actor = actor  # type: ignore[attr-defined]
            try:
                return view(request, *args, **kwargs)
            finally:
                audit.registreer_inzage(door=actor)

        wrapper.portaal_recht = vereist  # type: ignore[attr-defined]
        wrapper.portaal_wijzigen = wijzigen  # type: ignore[attr-defined]
        return wrapper

    return decorator
