from typing import Any

from django.http import HttpRequest

from . import zichtbaar
from .acterend import SESSIE_AANTAL_KEUZES
from .diensten import Dienst

# Menu items and actions by the page they open; ``zichtbaar.mag`` reads that page's own rights.
PAGINAS = {
    "verzuim": "verzuim:lopend",
    "werknemers": "werknemers:lijst",
    "werknemers_beheren": "werknemers:aanmelden",
    "verzuim_melden": "verzuim:ziek_melden",
    "overzichten": "overzichten:index",
    "rechtenbeheer": "accounts:rechtenbeheer",
    "toegang": "machtigingen:overzicht",
    "auditlog": "audit:log",
    "wazo": "wazo:overzicht",
    "financien": "uitkeringen:overzicht",
    "aanvragen": "aanvragen:lijst",
    # The verificatiecode letter names this menu item (seed 003).
    "verificatie": "verificatie:activeren",
    "doelgroepregister": "doelgroepregister:raadplegen",
    "eigenrisicodragers": "eigenrisicodragers:status",
    "ontslag": "ontslag:start",
    "bezwaar": "bezwaar:start",
    "reintegratieverslag": "reintegratieverslag:overzicht",
}


def acterende_context(request: HttpRequest) -> dict[str, Any]:
    """The actor and which menu items it may use: exactly the pages that would let it in."""
    actor = getattr(request, "actor", None)
    if actor is None:
        return {"actor": None, "mag": {}}
    return {
        "actor": actor,
        # Only who could choose between werkgevers when choosing is offered another one.
        "meer_werkgevers": request.session.get(SESSIE_AANTAL_KEUZES, 0) > 1,
        "mag": {
            **{naam: zichtbaar.mag(actor, pagina) for naam, pagina in PAGINAS.items()},
            # inzage.views checks more than its portaal_view: werknemersgegevens, verzuim and
            # rechtenbeheer (ADR 0021).
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
