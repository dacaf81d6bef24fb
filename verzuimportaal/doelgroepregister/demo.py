"""Demo: a stand of the doelgroepregister (DOMAIN §7.7), loaded as the operator would.

Some werknemers of each demo werkgever are in the register, plus people who work elsewhere (BSNs
from 999 70 …). Deterministic; idempotent (nothing happens once a stand is loaded).
"""

from datetime import date, timedelta

from django.contrib.auth.models import User

from verzuimportaal.demo.gegevens import DEMO_KVK_NUMMERS, elfproef_vanaf
from verzuimportaal.toegang.actor import beheerder
from verzuimportaal.werknemers.models import Werknemer

from . import service
from .models import Registerimport

BEHEERDER = "beheer"


def laad_demo(*, vandaag: date) -> list[str]:
    account = User.objects.filter(username=BEHEERDER).first()
    if account is None or Registerimport.objects.exists():
        return []
    bsns: list[str] = []
    for kvk in DEMO_KVK_NUMMERS:
        werknemers = Werknemer.objects.filter(
            loonheffingennummer__werkgever__kvk_nummer=kvk, datum_uit_dienst__isnull=True
        ).order_by("pk")
        bsns += [w.bsn for w in werknemers[3:60:9]]  # about one in nine
    kandidaat = 999_700_000
    for _ in range(25):  # people without a demo employer: a lookup by BSN finds them
        nummer = elfproef_vanaf(kandidaat)
        bsns.append(nummer)
        kandidaat = int(nummer) + 1
    inhoud = ("bsn\n" + "\n".join(dict.fromkeys(bsns)) + "\n").encode()
    proef = service.lees_in(
        door=beheerder(account),
        bestandsnaam="doelgroepregister-demo.csv",
        inhoud=inhoud,
        peildatum=vandaag - timedelta(days=3),
    )
    stand = service.leg_vast(door=beheerder(account), registerimport=proef)
    return [f"Doelgroepregister: {stand.aantal} personen (stand {stand.peildatum:%d-%m-%Y})."]
