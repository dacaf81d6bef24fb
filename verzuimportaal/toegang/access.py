"""The one place where reads that need permission are made (deny by default).

Every view fetches werkgever-bound objects through these functions. They take the acting context
and return only what that actor may see; a single-object fetcher raises Http404 for anything else,
so an account of werkgever A cannot even learn that an object of werkgever B exists.
"""

from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.http import Http404

from verzuimportaal.facturen.models import Arbofactuur
from verzuimportaal.lonen.models import Loongegeven
from verzuimportaal.polissen.models import Polis
from verzuimportaal.uitkeringen.models import Uitkeringsregel
from verzuimportaal.verzuim.models import Verzuimgeval, Verzuimmutatie
from verzuimportaal.wazo.models import Wazoverlof
from verzuimportaal.werkgevers.models import Loonheffingennummer
from verzuimportaal.werknemers.models import Werknemer

from .actor import Actor
from .diensten import Dienst


def vereis_recht(actor: Actor, *rechten: str, wijzigen: bool = False) -> None:
    """Deny unless the actor holds one of ``rechten``, at level "wijzigen" when asked."""
    if actor.heeft_een_van(rechten, wijzigen=wijzigen):
        return
    namen = ", ".join(_naam(recht) for recht in rechten)
    if wijzigen and actor.heeft_een_van(rechten):
        raise PermissionDenied(
            f"U mag deze gegevens alleen bekijken. Voor wijzigen is het niveau 'bekijken en "
            f"wijzigen' nodig voor: {namen}. Vraag de werkgever om dit niveau."
        )
    raise PermissionDenied(
        f"U bent niet gemachtigd voor deze pagina. Hiervoor is een machtiging nodig voor: "
        f"{namen}. Vraag de machtigingenbeheerder van uw organisatie om deze machtiging."
    )


def _naam(recht: str) -> str:
    try:
        return Dienst(recht).label
    except ValueError:
        return recht


def _nummerfilter(actor: Actor, pad: str) -> Q:
    """The actor's werkgever, active numbers only (seed 001), and route-B limits if any.

    A number is only visible once activated with its verificatiecode (seed 003 art. 1, 2.6).
    """
    filter_ = Q(
        **{
            f"{pad}werkgever": actor.werkgever,
            f"{pad}actief": True,
            f"{pad}geactiveerd_op__isnull": False,
        }
    )
    if actor.loonheffingennummer_ids is not None:
        filter_ &= Q(**{f"{pad}pk__in": actor.loonheffingennummer_ids})
    return filter_


def loonheffingennummers(actor: Actor) -> QuerySet[Loonheffingennummer]:
    """Active numbers of the werkgever; inactive numbers are not shown to users (seed 001)."""
    return Loonheffingennummer.objects.filter(_nummerfilter(actor, ""))


def werknemers(actor: Actor) -> QuerySet[Werknemer]:
    return Werknemer.objects.filter(_nummerfilter(actor, "loonheffingennummer__")).select_related(
        "loonheffingennummer"
    )


def werknemer(actor: Actor, *, uuid: UUID | str) -> Werknemer:
    try:
        return werknemers(actor).get(uuid=uuid)
    except (Werknemer.DoesNotExist, ValueError, ValidationError) as exc:  # bad uuid: 404 too
        raise Http404("Werknemer niet gevonden.") from exc


def verzuimgevallen(actor: Actor) -> QuerySet[Verzuimgeval]:
    return Verzuimgeval.objects.filter(
        _nummerfilter(actor, "werknemer__loonheffingennummer__")
    ).select_related("werknemer", "werknemer__loonheffingennummer")


def verzuimgeval(actor: Actor, *, uuid: UUID | str) -> Verzuimgeval:
    try:
        return verzuimgevallen(actor).get(uuid=uuid)
    except (Verzuimgeval.DoesNotExist, ValueError, ValidationError) as exc:  # bad uuid: 404 too
        raise Http404("Verzuimgeval niet gevonden.") from exc


def mutaties(actor: Actor) -> QuerySet[Verzuimmutatie]:
    return Verzuimmutatie.objects.filter(
        _nummerfilter(actor, "verzuimgeval__werknemer__loonheffingennummer__")
    ).select_related("verzuimgeval", "verzuimgeval__werknemer")


def uitkeringsregels(actor: Actor) -> QuerySet[Uitkeringsregel]:
    """Paid uitkering lines (DOMAIN §7.3): only with "Inzien uitkeringsgegevens" (DOMAIN §3)."""
    vereis_recht(actor, Dienst.UITKERINGSGEGEVENS)
    return Uitkeringsregel.objects.filter(
        _nummerfilter(actor, "werknemer__loonheffingennummer__"), werkgever=actor.werkgever
    ).select_related("werknemer", "run")


def polissen(actor: Actor) -> QuerySet[Polis]:
    """The werkgever's verzuimverzekering, newest first (shown to the werkgever, DOMAIN §7.3)."""
    vereis_recht(actor, Dienst.UITKERINGSGEGEVENS)
    return Polis.objects.filter(werkgever=actor.werkgever).order_by("-ingangsdatum")


def arbofacturen(actor: Actor) -> QuerySet[Arbofactuur]:
    """The werkgever's arbofacturen (DOMAIN §7.4), newest first; Financiën only."""
    vereis_recht(actor, Dienst.UITKERINGSGEGEVENS)
    return Arbofactuur.objects.filter(werkgever=actor.werkgever).order_by("-maand")


def loongegevens(actor: Actor, *, werknemer: Werknemer) -> QuerySet[Loongegeven]:
    """The wage history of a werknemer the actor may see, newest first (DOMAIN §7.3)."""
    vereis_recht(actor, Dienst.WERKNEMERSGEGEVENS, Dienst.UITKERINGSGEGEVENS)
    return Loongegeven.objects.filter(
        werknemer__in=werknemers(actor).filter(pk=werknemer.pk)
    ).order_by("-ingangsdatum")


def wazoverloven(actor: Actor) -> QuerySet[Wazoverlof]:
    """WAZO leave of the werkgever's employees (DOMAIN §4.4, §7.1)."""
    return Wazoverlof.objects.filter(
        _nummerfilter(actor, "werknemer__loonheffingennummer__")
    ).select_related("werknemer", "werknemer__loonheffingennummer")


def wazoverlof(actor: Actor, *, uuid: UUID | str) -> Wazoverlof:
    try:
        return wazoverloven(actor).get(uuid=uuid)
    except (Wazoverlof.DoesNotExist, ValueError, ValidationError) as exc:  # bad uuid: 404 too
        raise Http404("Verlof niet gevonden.") from exc
