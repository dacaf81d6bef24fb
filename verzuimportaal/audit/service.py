"""Writing the audit trail. Reads are logged too, also when nothing changes.

``registreer`` is for views (it takes the actor that ``@portaal_view`` put on the request);
``registreer_voor`` is for contexts without a request (API, tasks, commands). The werkgever of a
row is always the acting werkgever, never taken from the object or the client, so a row can never
end up in (or reveal data to) another werkgever's log.
"""

from typing import Any

from django.db import models
from django.http import HttpRequest

from verzuimportaal.toegang.actor import Actor
from verzuimportaal.utils.clientip import client_ip
from verzuimportaal.werkgevers.models import Werkgever

from .models import USER_AGENT_LENGTE, Actie, Auditregel


def _object_id(obj: models.Model) -> str:
    kenmerk: Any = getattr(obj, "uuid", None)
    if kenmerk is None:
        kenmerk = obj.pk
    return "" if kenmerk is None else str(kenmerk)


def registreer(
    *, request: HttpRequest, actie: str, object: models.Model, omschrijving: str = ""
) -> None:
    """One audit row for ``actie`` on ``object`` by the request's actor."""
    _vanuit_request(
        request,
        actie=actie,
        object_type=object._meta.model_name or type(object).__name__.lower(),
        object_id=_object_id(object),
        omschrijving=omschrijving,
    )


def registreer_overzicht(
    *, request: HttpRequest, actie: str, object_type: str, omschrijving: str
) -> None:
    """One audit row for a list or export page (one row for the page, not one per object)."""
    _vanuit_request(
        request, actie=actie, object_type=object_type, object_id="", omschrijving=omschrijving
    )


def _vanuit_request(
    request: HttpRequest, *, actie: str, object_type: str, object_id: str, omschrijving: str
) -> None:
    actor: Actor = request.actor  # type: ignore[attr-defined]
    registreer_voor(
        actor=actor,
        ip=client_ip(request),
        user_agent=request.META.get("HTTP_USER_AGENT", ""),
        actie=actie,
        object_type=object_type,
        object_id=object_id,
        omschrijving=omschrijving,
    )


def registreer_voor(
    *,
    actor: Actor,
    ip: str | None,
    user_agent: str,
    actie: str,
    object_type: str,
    object_id: str,
    omschrijving: str = "",
    werkgever: Werkgever | None = None,
) -> None:
    """One audit row without a request. ``werkgever`` defaults to the actor's werkgever."""
    if actie not in Actie.values:
        raise ValueError(f"Onbekende auditactie: {actie!r}")
    gebruiker = actor.gebruiker
    Auditregel.objects.create(
        werkgever=werkgever if werkgever is not None else actor.werkgever,
        gebruiker=gebruiker if gebruiker is not None and gebruiker.pk else None,
        weergavenaam=actor.weergavenaam[:200],
        pseudoniem=actor.pseudoniem or "",
        route=actor.route,
        kvk_nummer=actor.werkgever.kvk_nummer if actor.werkgever else "",
        intermediair_kvk_nummer=actor.intermediair_kvk_nummer or "",
        actie=actie,
        object_type=object_type[:50],
        object_id=str(object_id)[:64],
        omschrijving=omschrijving[:255],
        ip_adres=ip or None,
        user_agent=(user_agent or "")[:USER_AGENT_LENGTE],
    )
