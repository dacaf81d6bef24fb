"""Figures cached per access scope and data version of the werkgever (ADR 0011).

The key holds the werkgever's ``gegevensversie`` (raised in the same transaction as every write
on its werknemers, verzuim and dossiers), the actor's route-B limit to loonheffingennummers and
whatever the caller adds (kind, day, period): a change is never hidden by the cache, and two
scopes never share an entry. Cache only figures, dates and primary keys, never personal data.
"""

import hashlib
import time
from collections.abc import Callable
from datetime import date
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Min

from verzuimportaal.werkgevers.models import Gegevenswijziging

from .actor import Actor


def _rest(actor: Actor, *delen: object) -> str:
    nummers = (
        "alle"
        if actor.loonheffingennummer_ids is None
        else ".".join(str(pk) for pk in sorted(actor.loonheffingennummer_ids))
    )
    # Number lists and periods can be long; a digest keeps every key within memcached's 250.
    return hashlib.sha256("|".join([nummers, *map(str, delen)]).encode()).hexdigest()[:40]


def sleutel(actor: Actor, soort: str, *delen: object) -> str:
    werkgever = actor.werkgever
    return f"scope:{soort}:{werkgever.pk}:{werkgever.gegevensversie}:{_rest(actor, *delen)}"


def gecached[T](actor: Actor, soort: str, *delen: object, bereken: Callable[[], T]) -> T:
    """The cached value for this scope, or ``bereken()`` stored for the next request."""
    naam = sleutel(actor, soort, *delen)
    waarde: Any = cache.get(naam)
    if waarde is None:
        waarde = bereken()
        cache.set(naam, waarde, settings.DASHBOARD_CACHE_SECONDEN)
    return waarde


def _ongewijzigd_tot(werkgever_id: int, van: int, tot_versie: int, tot: date) -> bool:
    """No write after version ``van`` up to ``tot_versie`` can change a day up to ``tot``: each
    of those versions has its row (rows pruned or a raise outside the services: recompute) and
    every row's first changed day lies after ``tot``."""
    wijzigingen = Gegevenswijziging.objects.filter(
        werkgever_id=werkgever_id, versie__gt=van, versie__lte=tot_versie
    ).aggregate(aantal=Count("pk"), eerste=Min("vanaf"))
    return wijzigingen["aantal"] == tot_versie - van and wijzigingen["eerste"] > tot


def gecached_tot[T](
    actor: Actor, soort: str, *delen: object, tot: date, bereken: Callable[[], T]
) -> T:
    """Like ``gecached`` for figures over days up to ``tot`` only (ADR 0047): a figure computed
    under an older data version is still shown when no write since then can change a day up to
    ``tot`` (``Gegevenswijziging.vanaf``, one query), e.g. last year's statistics after a
    ziekmelding of today. The entry keeps its first lifetime, the safety net for changes outside
    the services (ADR 0011)."""
    werkgever = actor.werkgever
    naam = f"scope-tot:{soort}:{werkgever.pk}:{_rest(actor, tot.isoformat(), *delen)}"
    versie = werkgever.gegevensversie
    opgeslagen: Any = cache.get(naam)
    if opgeslagen is not None:
        bij, berekend_op, waarde = opgeslagen
        if bij == versie:
            return waarde
        rest = settings.DASHBOARD_CACHE_SECONDEN - (time.time() - berekend_op)
        if bij < versie and rest > 1 and _ongewijzigd_tot(werkgever.pk, bij, versie, tot):
            cache.set(naam, (versie, berekend_op, waarde), int(rest))
            return waarde
    waarde = bereken()
    cache.set(naam, (versie, time.time(), waarde), settings.DASHBOARD_CACHE_SECONDEN)
    return waarde
