"""Which pages an actor may open, from the rights the pages themselves declare.

``portaal_view`` records on every page the services it demands and whether it demands the level
"bekijken en wijzigen" (``portaal_recht`` / ``portaal_wijzigen``). ``mag`` reads those records
through the URL resolver, so a link or button is shown exactly when the page behind it would let
the actor in: the menu, the dashboard and every action use one source of truth with the views.
"""

from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver

from .actor import Actor


def _patronen(patronen: list[Any], namespace: str = "") -> Iterator[tuple[str, Callable[..., Any]]]:
    for patroon in patronen:
        if isinstance(patroon, URLResolver):
            ns = patroon.namespace or ""
            yield from _patronen(patroon.url_patterns, f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(patroon, URLPattern) and patroon.name:
            yield f"{namespace}{patroon.name}", patroon.callback


@cache
def _views_van(resolver: URLResolver) -> dict[str, Callable[..., Any]]:
    views: dict[str, Callable[..., Any]] = {}
    for naam, view in _patronen(resolver.url_patterns):
        views.setdefault(naam, view)
    return views


def mag(actor: Actor | None, url_naam: str) -> bool:
    """Whether ``actor`` gets past the rights check of the page named ``url_naam``.

    A page without ``portaal_view`` is not a portal page (raises ``LookupError``), so a typo or
    a page that checks its rights elsewhere never shows a link by accident.
    """
    if actor is None:
        return False
    try:
        view = _views_van(get_resolver())[url_naam]
    except KeyError as exc:
        raise LookupError(f"Onbekende pagina {url_naam!r}.") from exc
    if not hasattr(view, "portaal_recht"):
        raise LookupError(f"Pagina {url_naam!r} gebruikt geen portaal_view.")
    rechten: tuple[str, ...] | None = getattr(view, "portaal_recht", None)
    wijzigen: bool = getattr(view, "portaal_wijzigen", False)
    if not rechten:
        return True
    return actor.heeft_een_van(rechten, wijzigen=wijzigen)
