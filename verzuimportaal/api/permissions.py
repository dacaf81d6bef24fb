"""API access: the same acting context and rights as the portal pages (deny by default)."""

from typing import TYPE_CHECKING, Any

from rest_framework.permissions import SAFE_METHODS, BasePermission

if TYPE_CHECKING:  # rest_framework.views imports the permission classes from settings
    from rest_framework.request import Request
    from rest_framework.views import APIView

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.koppelingen.authenticatie import koppeling_actor
from verzuimportaal.toegang.acterend import actor_uit_sessie, kies_werkgever, met_verzoek
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.models import Lidmaatschap


def _registreer_aanroep(request: "Request", actor: Actor) -> None:
    """Every call of an API client is in the audit log with its client id (also a refused one)."""
    audit.registreer_voor(
        actor=actor,
        ip=actor.ip,
        user_agent=actor.user_agent,
        actie=Actie.INZIEN if request.method in SAFE_METHODS else Actie.WIJZIGEN,
        object_type="api",
        object_id=actor.api_client or "",
        omschrijving=f"{request.method} {request.path}",
    )


class PortaalRecht(BasePermission):
    """The view declares ``diensten`` (one of them suffices); writes need level "wijzigen"."""

    message = (
        "U bent niet gemachtigd voor dit onderdeel van de API. Log in, kies de werkgever waarvoor "
        "u werkt en vraag zo nodig de machtigingenbeheerder om de machtiging."
    )

    def has_permission(self, request: "Request", view: "APIView") -> bool:
        diensten: tuple[str, ...] = getattr(view, "diensten", ())
        if request.method not in SAFE_METHODS:
            # A view may ask a narrower set for writes (werknemers: only werknemersgegevens).
            diensten = getattr(view, "schrijfdiensten", diensten)
        if not diensten:
            return False  # a view that declares no service is closed
        actor = koppeling_actor(request)
        if actor is not None:
            actor = met_verzoek(actor, request._request)
            _registreer_aanroep(request, actor)
            self.message = (
                "Deze API-koppeling heeft geen scope voor dit onderdeel op dit niveau. Vraag een "
                "token aan met de juiste scope, of vraag de rechtenbeheerder die toe te kennen."
            )
        else:
            actor = actor_uit_sessie(request._request)
        if actor is None and request.user.is_authenticated:
            # As on the pages: an account of exactly one werkgever acts for that werkgever.
            ids = list(
                Lidmaatschap.objects.filter(gebruiker_id=request.user.pk, actief=True).values_list(
                    "werkgever_id", flat=True
                )[:2]
            )
            if len(ids) == 1 and kies_werkgever(request._request, ids[0]):
                actor = actor_uit_sessie(request._request)
        if actor is None:
            return False
        request.actor = actor  # type: ignore[attr-defined]
        request._request.actor = actor  # type: ignore[attr-defined]
        wijzigen = request.method not in SAFE_METHODS
        return actor.heeft_een_van(diensten, wijzigen=wijzigen)

    def has_object_permission(self, request: "Request", view: "APIView", obj: Any) -> bool:
        return True  # objects only ever come from the access module's scoped querysets
