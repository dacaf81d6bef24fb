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
            "werknemers_beheren": actor.heeft_recht(Dienst.WERKNEMERSGEGEVENS, wijzigen=True),
            "verzuim_melden": actor.heeft_recht(Dienst.VERZUIM_MELDEN, wijzigen=True),
            "overzichten": actor.heeft_recht(Dienst.OVERZICHTEN),
            "rechtenbeheer": actor.heeft_recht(Dienst.RECHTENBEHEER),
            "financien": actor.heeft_recht(Dienst.UITKERINGSGEGEVENS),
            # inzage.views: werknemersgegevens, verzuim and rechtenbeheer (ADR 0021).
            "inzage": all(
                actor.heeft_recht(recht)
                for recht in (
                    Dienst.WERKNEMERSGEGEVENS,
                    Dienst.VERZUIM_MELDEN,
                    Dienst.RECHTENBEHEER,
                )
            ),
        },
    }
