"""Writing the audit trail. Reads are logged too, also when nothing changes.

``registreer`` and ``registreer_overzicht`` take the ``Actor``, which carries the client's
address and browser (``toegang.acterend``); write services call them inside their transaction.
``registreer_voor`` is for contexts without a request actor (operator commands, tasks). The
werkgever of a row is always the acting werkgever, never taken from the object or the client, so
a row can never end up in (or reveal data to) another werkgever's log.
"""

from django.db import models

from verzuimportaal.toegang.actor import Actor, Handelende, onderwerpsleutel
from verzuimportaal.werkgevers.models import Werkgever

from .models import USER_AGENT_LENGTE, Actie, Auditregel


def registreer(
    *, door: Handelende, actie: str, onderwerp: models.Model, omschrijving: str = ""
) -> None:
    """One audit row for ``actie`` on ``onderwerp`` by ``door``: in the acting werkgever's log,
    or in the portal's own log for a ``Portaalactor`` (ADR 0013).

    Write services call this inside their own transaction (ADR 0013): when the row cannot be
    written, the change is rolled back with it.
    """
    soort, kenmerk = onderwerpsleutel(onderwerp)
    registreer_voor(
        actor=door,
        ip=door.ip,
        user_agent=door.user_agent,
        actie=actie,
        object_type=soort,
        object_id=kenmerk,
        omschrijving=omschrijving,
    )
    door.inzage.al_gelogd(onderwerp)


def registreer_inzage(*, door: Actor) -> None:
    """The reads noted by the ``toegang`` fetchers during this request: one row per object and
    per list, none for an object that already has a row of this request (a change covers it)."""
    onderwerpen, lijsten = door.inzage.te_loggen()
    for (soort, kenmerk), omschrijving in onderwerpen:
        registreer_voor(
            actor=door,
            ip=door.ip,
            user_agent=door.user_agent,
            actie=Actie.INZIEN,
            object_type=soort,
            object_id=kenmerk,
            omschrijving=omschrijving,
        )
    for soort, omschrijving in lijsten:
        registreer_overzicht(
            door=door, actie=Actie.INZIEN, object_type=soort, omschrijving=omschrijving
        )


def registreer_overzicht(*, door: Actor, actie: str, object_type: str, omschrijving: str) -> None:
    """One audit row for a list or export (one row for the list, not one per object)."""
    registreer_voor(
        actor=door,
        ip=door.ip,
        user_agent=door.user_agent,
        actie=actie,
        object_type=object_type,
        object_id="",
        omschrijving=omschrijving,
    )


def registreer_voor(
    *,
    actor: Handelende,
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
