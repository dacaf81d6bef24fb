"""Demo: the demo werkgevers' numbers count as activated long ago; Bakkerij Van den Broek gets a
new number waiting for its verificatiecode, with a known code the demo command prints."""

from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from verzuimportaal.toegang.actor import beheerder
from verzuimportaal.werkgevers import service as werkgevers_service
from verzuimportaal.werkgevers.models import Loonheffingennummer, Werkgever

from . import service
from .models import Verificatiecode

DEMO_CODE = "DEMA-VERZ-UM24"  # only in the demo; real codes are random and never stored
POSTADRESSEN = {
    "69201843": ("Molenstraat 12", "3811 HK", "Amersfoort"),
    "41178230": ("Lindelaan 200", "6821 BD", "Arnhem"),
    "58823417": ("Industrieweg 7", "7418 EW", "Deventer"),
}
NIEUW_SUBNUMMER = "L09"


def laad_demo(*, vandaag: date) -> str | None:
    moment = timezone.make_aware(datetime.combine(vandaag - timedelta(days=700), time(9)))
    # Numbers made by the base demo loader predate the verificatiecode: activated long ago.
    Loonheffingennummer.objects.filter(
        geactiveerd_op__isnull=True, verificatiecodes__isnull=True
    ).update(geactiveerd_op=moment)
    for kvk, (adres, postcode, plaats) in POSTADRESSEN.items():
        werkgever = Werkgever.objects.filter(kvk_nummer=kvk).first()
        if werkgever is not None and not werkgever.adres:
            werkgevers_service.wijzig_postadres(
                door=beheerder(None).voor(werkgever), adres=adres, postcode=postcode, plaats=plaats
            )
    bakkerij = Werkgever.objects.filter(kvk_nummer="69201843").first()
    beheer = get_user_model().objects.filter(is_staff=True).order_by("pk").first()
    eerste = bakkerij.loonheffingennummers.order_by("nummer").first() if bakkerij else None
    if bakkerij is None or beheer is None or eerste is None:
        return None
    nummer = eerste.nummer[:9] + NIEUW_SUBNUMMER
    nieuw = Loonheffingennummer.objects.filter(nummer=nummer).first()
    if nieuw is None:
        nieuw = werkgevers_service.voeg_loonheffingennummer_toe(
            door=beheerder(beheer).voor(bakkerij),
            nummer=nummer,
            omschrijving="Nieuwe vestiging (na overname)",
        )
    if (
        nieuw.geactiveerd_op is None
        and not Verificatiecode.objects.filter(loonheffingennummer=nieuw).exists()
    ):
        service._maak_brief(door=beheerder(beheer), loonheffingennummer=nieuw, code=DEMO_CODE)
    return (
        f"Verificatiecode (demo) voor loonheffingennummer {nummer} van {bakkerij.naam}: "
        f"{DEMO_CODE} — activeren als demo-bakkerij op /verificatie/"
    )
