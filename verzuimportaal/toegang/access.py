"""The one place where reads that need permission are made (deny by default).

Every view fetches werkgever-bound objects through these functions. They take the acting context
and return only what that actor may see; a single-object fetcher raises Http404 for anything else,
so an account of werkgever A cannot even learn that an object of werkgever B exists.
"""

from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404

from verzuimportaal.verzuim.models import Verzuimgeval, Verzuimmutatie
from verzuimportaal.werkgevers.models import Loonheffingennummer
from verzuimportaal.werknemers.models import Werknemer

from .actor import Actor
from .diensten import Dienst


def vereis_recht(actor: Actor, *rechten: str) -> None:
    """Deny unless the actor holds one of ``rechten`` (a local right or an eHerkenning dienst)."""
    if not actor.heeft_een_van(rechten):
        namen = ", ".join(_naam(recht) for recht in rechten)
        raise PermissionDenied(
            f"U bent niet gemachtigd voor deze pagina. Hiervoor is een machtiging nodig voor: "
            f"{namen}. Vraag de machtigingenbeheerder van uw organisatie om deze machtiging."
        )


def _naam(recht: str) -> str:
    try:
        return Dienst(recht).label
    except ValueError:
        return recht


def loonheffingennummers(actor: Actor) -> QuerySet[Loonheffingennummer]:
    """Active numbers of the werkgever; inactive numbers are not shown to users (seed 001)."""
    return Loonheffingennummer.objects.filter(werkgever=actor.werkgever, actief=True)


def werknemers(actor: Actor) -> QuerySet[Werknemer]:
    return Werknemer.objects.filter(
        loonheffingennummer__werkgever=actor.werkgever, loonheffingennummer__actief=True
    ).select_related("loonheffingennummer")


def werknemer(actor: Actor, *, uuid: UUID | str) -> Werknemer:
    try:
        return werknemers(actor).get(uuid=uuid)
    except (Werknemer.DoesNotExist, ValueError, ValidationError) as exc:  # bad uuid: 404 too
        raise Http404("Werknemer niet gevonden.") from exc


def verzuimgevallen(actor: Actor) -> QuerySet[Verzuimgeval]:
    return Verzuimgeval.objects.filter(
        werknemer__loonheffingennummer__werkgever=actor.werkgever,
        werknemer__loonheffingennummer__actief=True,
    ).select_related("werknemer", "werknemer__loonheffingennummer")


def verzuimgeval(actor: Actor, *, uuid: UUID | str) -> Verzuimgeval:
    try:
        return verzuimgevallen(actor).get(uuid=uuid)
    except (Verzuimgeval.DoesNotExist, ValueError, ValidationError) as exc:  # bad uuid: 404 too
        raise Http404("Verzuimgeval niet gevonden.") from exc


def mutaties(actor: Actor) -> QuerySet[Verzuimmutatie]:
    return Verzuimmutatie.objects.filter(
        verzuimgeval__werknemer__loonheffingennummer__werkgever=actor.werkgever,
        verzuimgeval__werknemer__loonheffingennummer__actief=True,
    ).select_related("verzuimgeval", "verzuimgeval__werknemer")
