"""Demo: a bezwaar against a decision in the inbox of Bakkerij Van den Broek (DOMAIN §7.6).

Runs after ``aanvragen.demo`` decided the oldest case; the objection goes through the service
(deadline, kenmerk, BSN). Idempotent: nothing happens once the bakkerij has a bezwaar.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from verzuimportaal.aanvragen.models import Status, Zaak
from verzuimportaal.ontslag.demo import KVK_BAKKERIJ, demo_actor
from verzuimportaal.werkgevers.models import Werkgever

from . import service
from .models import Bezwaar


def laad_demo(*, vandaag: date) -> None:
    werkgever = Werkgever.objects.filter(kvk_nummer=KVK_BAKKERIJ).first()
    door = demo_actor(werkgever) if werkgever else None
    if werkgever is None or door is None:
        return
    if Bezwaar.objects.filter(zaak__werkgever=werkgever).exists():
        return
    besluit = (
        Zaak.objects.filter(werkgever=werkgever, status=Status.BESLUIT, werknemer__isnull=False)
        .order_by("besluit_op", "pk")
        .first()
    )
    if besluit is None:
        return
    try:
        with transaction.atomic():
            service.dien_bezwaar_in(
                door=door,
                besluit_zaak=besluit,
                gronden="De ingangsdatum van het verlof is door de werkneemster tijdig gemeld; "
                "wij verzoeken u het besluit te herzien.",
                reden_te_laat="Demo: de brief kwam pas na de termijn onder onze aandacht.",
            )
    except ValidationError:
        return
