"""Figures cached per access scope and data version of the werkgever (ADR 0011).

The key holds the werkgever's ``gegevensversie`` (raised in the same transaction as every write
on its werknemers, verzuim and dossiers), the actor's route-B limit to loonheffingennummers and
whatever the caller adds (kind, day, period): a change is never hidden by the cache, and two
scopes never share an entry. Cache only figures, dates and primary keys, never personal data.
"""

import hashlib
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache

from .actor import Actor


def sleutel(actor: Actor, soort: str, *delen: object) -> str:
    nummers = (
        "alle"
        if actor.loonheffingennummer_ids is None
        else ".".join(str(pk) for pk in sorted(actor.loonheffingennummer_ids))
    )
    werkgever = actor.werkgever
    # Number lists and periods can be long; a digest keeps every key within memcached's 250.
    rest = hashlib.sha256("|".join([nummers, *map(str, delen)]).encode()).hexdigest()[:40]
    return f"scope:{soort}:{werkgever.pk}:{werkgever.gegevensversie}:{rest}"


def gecached[T](actor: Actor, soort: str, *delen: object, bereken: Callable[[], T]) -> T:
    """The cached value for this scope, or ``bereken()`` stored for the next request."""
    naam = sleutel(actor, soort, *delen)
    waarde: Any = cache.get(naam)
    if waarde is None:
        waarde = bereken()
        cache.set(naam, waarde, settings.DASHBOARD_CACHE_SECONDEN)
    return waarde
