"""The one tenant filter for reads that need permission (deny by default), and the fetchers of
the core objects (loonheffingennummers, werknemers, verzuimgevallen, mutaties).

Every view fetches werkgever-bound objects through these functions, or through the fetchers an
app keeps in its own ``access`` module (``wazo``, ``aanvragen``, ``eigenrisicodragers``,
``polissen``, ``facturen``, ``lonen``) or ``selectors`` (``uitkeringen``), which are built on
``nummerfilter`` and ``vereis_recht`` here (ADR 0050). They take the acting context and return
only what that actor may see; a single-object fetcher raises Http404 for anything else, so an
account of werkgever A cannot even learn that an object of werkgever B exists. The fetchers also
note what personal data the actor was shown (``gelezen``); the request writes those audit rows
once at its end, for pages and API alike (ADR 0014).
"""

from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet

from verzuimportaal.utils.ophalen import een_of_404
from verzuimportaal.verzuim.models import Verzuimgeval, Verzuimmutatie
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


def nummerfilter(actor: Actor, pad: str, *, geactiveerd: bool = True) -> Q:
    """The actor's werkgever, active numbers only (seed 001), and route-B limits if any.

    A number is only visible once activated with its verificatiecode (seed 003 art. 1, 2.6);
    ``geactiveerd=False`` selects the numbers still waiting for their code instead.
    """
    filter_ = Q(
        **{
            f"{pad}werkgever": actor.werkgever,
            f"{pad}actief": True,
            f"{pad}geactiveerd_op__isnull": not geactiveerd,
        }
    )
    if actor.loonheffingennummer_ids is not None:
        filter_ &= Q(**{f"{pad}pk__in": actor.loonheffingennummer_ids})
    return filter_


def loonheffingennummers(actor: Actor) -> QuerySet[Loonheffingennummer]:
    """Active numbers of the werkgever; inactive numbers are not shown to users (seed 001)."""
    return Loonheffingennummer.objects.filter(nummerfilter(actor, ""))


def te_activeren_loonheffingennummers(actor: Actor) -> QuerySet[Loonheffingennummer]:
    """Active numbers of the werkgever that still wait for their verificatiecode (seed 003)."""
    return Loonheffingennummer.objects.filter(nummerfilter(actor, "", geactiveerd=False))


def werknemers(actor: Actor) -> QuerySet[Werknemer]:
    return Werknemer.objects.filter(nummerfilter(actor, "loonheffingennummer__")).select_related(
        "loonheffingennummer"
    )


def gelezen(actor: Actor, onderwerp: Model, *, omschrijving: str = "") -> None:
    """Note that the actor was shown ``onderwerp``: one INZIEN row at the end of the request
    (``@portaal_view`` and the API write it), unless the request also changed it."""
    actor.inzage.gelezen(onderwerp, omschrijving)


def lijst_gelezen(actor: Actor, *, soort: str, omschrijving: str) -> None:
    """Note that the actor was shown a list of ``soort``: one row per list, not per line."""
    actor.inzage.lijst_gelezen(soort, omschrijving)


def werknemer(actor: Actor, *, uuid: UUID | str) -> Werknemer:
    gevonden = een_of_404(werknemers(actor), "Werknemer", uuid=uuid)
    gelezen(actor, gevonden)
    return gevonden


def verzuimgevallen(actor: Actor) -> QuerySet[Verzuimgeval]:
    return Verzuimgeval.objects.filter(
        nummerfilter(actor, "werknemer__loonheffingennummer__")
    ).select_related("werknemer", "werknemer__loonheffingennummer")


def verzuimgeval(actor: Actor, *, uuid: UUID | str) -> Verzuimgeval:
    gevonden = een_of_404(verzuimgevallen(actor), "Verzuimgeval", uuid=uuid)
    gelezen(actor, gevonden)
    return gevonden


def lopende_verzuimgevallen(actor: Actor, *, waar: str) -> QuerySet[Verzuimgeval]:
    """Who is sick now: an audited read (one row per request, ``waar`` says which page)."""
    lijst_gelezen(actor, soort="verzuimgeval", omschrijving=f"lopende verzuimen ({waar})")
    return verzuimgevallen(actor).filter(einddatum__isnull=True)


def mutaties(actor: Actor) -> QuerySet[Verzuimmutatie]:
    return Verzuimmutatie.objects.filter(
        nummerfilter(actor, "verzuimgeval__werknemer__loonheffingennummer__")
    ).select_related("verzuimgeval", "verzuimgeval__werknemer")
