"""Demo: the cases of the WAZO demo at Bakkerij Van den Broek in each status (ADR 0027).

The operator's demo account ``beheer`` acts as behandelaar: the oldest case is decided (the
letter lands in the bakkerij's inbox), the next one waits for information, the newest stays
received. Idempotent: nothing happens once any case of the bakkerij has moved on.
"""

from datetime import date

from django.contrib.auth import get_user_model

from verzuimportaal.toegang.actor import beheerder
from verzuimportaal.werkgevers.models import Werkgever

from . import service
from .models import Besluit, Status, Zaak

KVK_BAKKERIJ = "69201843"


def laad_demo(*, vandaag: date) -> None:
    werkgever = Werkgever.objects.filter(kvk_nummer=KVK_BAKKERIJ).first()
    behandelaar = get_user_model().objects.filter(username="beheer", is_staff=True).first()
    if werkgever is None or behandelaar is None or not behandelaar.has_perm("aanvragen.behandelen"):
        return
    zaken = list(Zaak.objects.filter(werkgever=werkgever).order_by("ontvangen_op", "pk"))
    if len(zaken) < 3 or any(z.status != Status.ONTVANGEN for z in zaken):
        return
    besloten = service.wijs_toe(door=beheerder(behandelaar), zaak=zaken[0], behandelaar=behandelaar)
    service.beslis(
        door=beheerder(behandelaar),
        zaak=besloten,
        besluit=Besluit.TOEGEKEND,
        toelichting="Het verlof en de uitkering zijn toegekend zoals aangevraagd.",
    )
    service.vraag_informatie(
        door=beheerder(behandelaar),
        zaak=zaken[1],
        vraag="Wilt u het bewijs van de adoptie (de beschikking) nasturen?",
    )
