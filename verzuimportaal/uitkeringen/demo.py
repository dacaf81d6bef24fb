"""Money in the demo: a polis per werkgever, wages for every werknemer, a vangnet ZW case, the
uitkering runs of the three months before the demo day (with the UWV deduction) and this month's
arbofacturen."""

from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model

from verzuimportaal.facturen.service import maak_arbofacturen
from verzuimportaal.geld.bedragen import eerste_van_maand, maanden_later
from verzuimportaal.lonen.models import Loonactualisatie
from verzuimportaal.lonen.service import (
    leg_loon_vast,
    open_loonactualisaties,
    rond_loonactualisatie_af,
)
from verzuimportaal.polissen.models import Eigenrisicotermijn
from verzuimportaal.polissen.service import leg_polis_vast
from verzuimportaal.polissen.uitvoerder import Uitvoerder
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.verzamelspecificaties.demo import laad_vangnet
from verzuimportaal.werkgevers.models import Werkgever
from verzuimportaal.werknemers.models import Werknemer

from .service import voer_maandrun_uit

DEMO_MAANDEN = 3
# Two werkgevers with different conditions, so the demo shows both kinds of dekking.
_VOORWAARDEN: tuple[tuple[int, str, int], ...] = (
    (Eigenrisicotermijn.TIEN, "100/70", 364),
    (Eigenrisicotermijn.DERTIG, "95/90/85/70", 182),
)


def _jaarloon(werknemer: Werknemer) -> Decimal:
    """A plausible full-time wage between 32,000 and 68,000, scaled by the deeltijdfactor."""
    voltijd = Decimal(32000 + (int(werknemer.bsn) % 37) * 1000)
    return (voltijd * werknemer.deeltijdfactor).quantize(Decimal(1))


def laad(*, eigen: dict[str, Actor], vandaag: date) -> int:
    """Polis and wages through the services, then the last three monthly runs; returns lines."""
    beheerder = Uitvoerder.medewerker(
        get_user_model().objects.filter(is_staff=True, is_superuser=True).order_by("pk").get(),
        ip=None,
        user_agent="",
    )
    for index, (_sleutel, actor) in enumerate(sorted(eigen.items())):
        werkgever: Werkgever = actor.werkgever
        eigenrisicotermijn, dekking, dekkingsperiode = _VOORWAARDEN[index % len(_VOORWAARDEN)]
        leg_polis_vast(
            door=beheerder.actor_voor(werkgever),
            polisnummer=f"VZ-{werkgever.kvk_nummer}",
            ingangsdatum=date(2015, 1, 1),
            premiepercentage=Decimal("3.25"),
            arbotarief=Decimal("12.50"),
            eigenrisicotermijn=eigenrisicotermijn,
            dekking=dekking,
            dekkingsperiode=dekkingsperiode,
        )
        for werknemer in Werknemer.objects.filter(
            loonheffingennummer__werkgever=werkgever
        ).order_by("pk"):
            leg_loon_vast(
                door=actor,
                werknemer=werknemer,
                ingangsdatum=werknemer.datum_in_dienst,
                bruto_jaarloon=_jaarloon(werknemer),
            )
    # DOMAIN §7.2-7.3: a vangnet ZW case whose UWV benefit the runs below deduct (ADR 0046).
    laad_vangnet(
        werkgever=sorted(eigen.items())[0][1].werkgever, vandaag=vandaag, maanden=DEMO_MAANDEN
    )
    regels = 0
    eerste = maanden_later(eerste_van_maand(vandaag), -DEMO_MAANDEN)
    planning = Uitvoerder()
    for stap in range(DEMO_MAANDEN):
        run = voer_maandrun_uit(door=planning, maand=maanden_later(eerste, stap)).run
        regels += run.aantal_regels
    # DOMAIN §7.4: this month's arbofactuur per werkgever.
    maak_arbofacturen(door=planning, maand=vandaag)
    _januari(eigen=eigen, planning=planning, vandaag=vandaag)
    return regels


def _januari(*, eigen: dict[str, Actor], planning: Uitvoerder, vandaag: date) -> None:
    """The January updates of last year and this year, confirmed as they are: the voorschot of
    both years and the naverrekening of last year (DOMAIN §7.3, ADR 0042)."""
    for jaar in (vandaag.year - 1, vandaag.year):
        open_loonactualisaties(door=planning, jaar=jaar, notificeren=False)
        for actor in eigen.values():
            actualisatie = Loonactualisatie.objects.get(werkgever=actor.werkgever, jaar=jaar)
            rond_loonactualisatie_af(door=actor, actualisatie=actualisatie)
