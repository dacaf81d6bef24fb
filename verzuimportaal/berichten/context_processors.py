from typing import Any

from django.http import HttpRequest

from .access import aantal_ongelezen


def ongelezen(request: HttpRequest) -> dict[str, Any]:
    """Unread count for the nav badge; only on portal pages (where an actor is set)."""
    actor = getattr(request, "actor", None)
    if actor is None:
        return {}
    return {"berichten_ongelezen": aantal_ongelezen(actor)}
