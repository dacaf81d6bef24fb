"""Reads for the activation page.

``toegang.access.loonheffingennummers`` hides non-activated numbers by design (seed 003); the
numbers waiting for their code come from ``toegang.access`` too, with the same tenant filter and
route-B limits.
"""

from django.db.models import QuerySet

from verzuimportaal.toegang import access
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.utils.ophalen import een_of_404
from verzuimportaal.werkgevers.models import Loonheffingennummer


def te_activeren_nummers(actor: Actor) -> QuerySet[Loonheffingennummer]:
    return access.te_activeren_loonheffingennummers(actor).order_by("nummer")


def te_activeren_nummer(actor: Actor, *, pk: int) -> Loonheffingennummer:
    return een_of_404(te_activeren_nummers(actor), "Loonheffingennummer", pk=pk)
