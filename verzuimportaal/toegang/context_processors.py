from typing import Any

from django.http import HttpRequest

from .diensten import Dienst


def acterende_context(request: HttpRequest) -> dict[str, Any]:
    """The actor and which menu items it may use (pages check again; this only hides links)."""
    actor = getattr(request, "actor", None)
    if actor is None:
        return {"actor": None, "mag": {}}
    return {
        "actor": actor,
        "mag": {
            "verzuim": actor.heeft_recht(Dienst.VERZUIM_MELDEN),
            "werknemers": actor.heeft_een_van((Dienst.WERKNEMERSGEGEVENS, Dienst.VERZUIM_MELDEN)),
            "werknemers_beheren": actor.heeft_recht(Dienst.WERKNEMERSGEGEVENS),
        },
    }
