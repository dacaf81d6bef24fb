"""Reads for the activation page.

``toegang.access.loonheffingennummers`` hides non-activated numbers by design (seed 003), so the
numbers waiting for their code are selected here, with the same tenant and route-B limits.
"""

from django.db.models import QuerySet
from django.http import Http404

from verzuimportaal.toegang.actor import Actor
from verzuimportaal.werkgevers.models import Loonheffingennummer


def te_activeren_nummers(actor: Actor) -> QuerySet[Loonheffingennummer]:
    nummers = Loonheffingennummer.objects.filter(
        werkgever=actor.werkgever, actief=True, geactiveerd_op__isnull=True
    )
    if actor.loonheffingennummer_ids is not None:
        nummers = nummers.filter(pk__in=actor.loonheffingennummer_ids)
    return nummers.order_by("nummer")


def te_activeren_nummer(actor: Actor, *, pk: int) -> Loonheffingennummer:
    try:
        return te_activeren_nummers(actor).get(pk=pk)
    except (Loonheffingennummer.DoesNotExist, ValueError) as exc:
        raise Http404("Loonheffingennummer niet gevonden.") from exc
