"""Money in the demo (issue 15): a polis per werkgever, wages for every werknemer, the
uitkering runs of the three months before the demo day and this month's arbofacturen."""

from datetime import date
from decimal import Decimal

from django.utils import timezone

from verzuimportaal.facturen.service import maak_arbofacturen
from verzuimportaal.geld.bedragen import eerste_van_maand, maanden_later
from verzuimportaal.lonen.service import leg_loon_vast
from verzuimportaal.polissen.models import Eigenrisicotermijn, Polis
from verzuimportaal.polissen.service import controleer_voorwaarden
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.werkgevers.models import Werkgever
from verzuimportaal.werknemers.models import Werknemer

from .service import voer_maandrun_uit

DEMO_MAANDEN = 3
# Two werkgevers with different conditions, so the demo shows both kinds of dekking.
_VOORWAARDEN = (
    {"eigenrisicotermijn": Eigenrisicotermijn.TIEN, "dekking": "100/70", "dekkingsperiode": 364},
    {
        "eigenrisicotermijn": Eigenrisicotermijn.DERTIG,
        "dekking": "95/90/85/70",
        "dekkingsperiode": 182,
    },
)


def _jaarloon(werknemer: Werknemer) -> Decimal:
    """A plausible full-time wage between 32,000 and 68,000, scaled by the deeltijdfactor."""
    voltijd = Decimal(32000 + (int(werknemer.bsn) % 37) * 1000)
    return (voltijd * werknemer.deeltijdfactor).quantize(Decimal(1))


def laad(*, eigen: dict[str, Actor], vandaag: date) -> int:
    """Polis and wages through the services, then the last three monthly runs; returns lines."""
    for index, (_sleutel, actor) in enumerate(sorted(eigen.items())):
        werkgever: Werkgever = actor.werkgever
        polis = Polis(
            werkgever=werkgever,
            polisnummer=f"VZ-{werkgever.kvk_nummer}",
            ingangsdatum=date(2015, 1, 1),
            premiepercentage=Decimal("3.25"),
            arbotarief=Decimal("12.50"),
            vastgelegd_op=timezone.now(),
            **_VOORWAARDEN[index % len(_VOORWAARDEN)],
        )
        polis.full_clean()
        controleer_voorwaarden(polis)
        polis.save()
        for werknemer in Werknemer.objects.filter(
            loonheffingennummer__werkgever=werkgever
        ).order_by("pk"):
            leg_loon_vast(
                door=actor,
                werknemer=werknemer,
                ingangsdatum=werknemer.datum_in_dienst,
                bruto_jaarloon=_jaarloon(werknemer),
            )
    regels = 0
    eerste = maanden_later(eerste_van_maand(vandaag), -DEMO_MAANDEN)
    for stap in range(DEMO_MAANDEN):
        regels += voer_maandrun_uit(maand=maanden_later(eerste, stap)).run.aantal_regels
    maak_arbofacturen(maand=vandaag)  # DOMAIN §7.4: this month's arbofactuur per werkgever
    return regels
