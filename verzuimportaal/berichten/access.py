"""Reads of the inbox for the acting werkgever (built on the actor; deny by default).

Letters tied to a verzuimgeval are only for actors with the verzuim service (DOMAIN §3, seed 001
"Met deze dienst kunt u ook brieven over uw meldingen bekijken"), and only while that spell is
visible to the actor (an inactive or non-activated number hides it, seed 001/003).
"""

from uuid import UUID

from django.db.models import Exists, OuterRef, Q, QuerySet

from verzuimportaal.toegang import access
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils.ophalen import een_of_404

from .models import Bericht, Leesstatus


def berichten(actor: Actor) -> QuerySet[Bericht]:
    """The actor's werkgever's messages, annotated with ``gelezen`` for the acting user."""
    zichtbaar = Q(verzuimgeval__isnull=True)
    if actor.heeft_recht(Dienst.VERZUIM_MELDEN):
        zichtbaar |= Q(verzuimgeval__in=access.verzuimgevallen(actor).values("pk"))
    gebruiker_id = actor.gebruiker.pk if actor.gebruiker is not None else None
    return (
        Bericht.objects.filter(zichtbaar, werkgever=actor.werkgever)
        .annotate(
            gelezen=Exists(
                Leesstatus.objects.filter(bericht=OuterRef("pk"), gebruiker_id=gebruiker_id)
            )
        )
        .order_by("-aangemaakt_op", "-pk")
    )


def bericht(actor: Actor, *, uuid: UUID | str) -> Bericht:
    return een_of_404(berichten(actor), "Bericht", uuid=uuid)


def aantal_ongelezen(actor: Actor) -> int:
    return berichten(actor).filter(gelezen=False).count()  # type: ignore[misc]
