"""UWV benefits in the demo (DOMAIN §7.2, ADR 0045).

``laad_vangnet`` runs inside the money demo, before its three monthly runs: one open spell of the
first werkgever is a vangnet ZW case, so its lines exist when the runs deduct them (ADR 0046).
``laad_demo`` runs after the WAZO and case demos: a zwangerschapsverlof of the bakkerij that began
four months ago, granted, gets its lines, and the uitvoerder's feed delivers a no-riskpolis line
the portal cannot compute.
Idempotent: nothing happens once the data is there.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from verzuimportaal.aanvragen import service as aanvragen
from verzuimportaal.aanvragen.models import Besluit
from verzuimportaal.geld.bedragen import eerste_van_maand, laatste_van_maand, maanden_later
from verzuimportaal.geld.uwv import specificeer
from verzuimportaal.polissen.uitvoerder import Uitvoerder
from verzuimportaal.toegang.actor import Actor, Route
from verzuimportaal.toegang.actor import beheerder as als_beheerder
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.wazo import service as wazo
from verzuimportaal.wazo.demo import KVK_BAKKERIJ
from verzuimportaal.wazo.uitkering import MAXIMUMDAGLOON
from verzuimportaal.werkgevers.models import Werkgever
from verzuimportaal.werknemers.models import Werknemer

from . import service
from .models import Bron, Grondslag, Maximumdagloon, Specificatieregel, Vangnetuitkering

# How far back the demo computes lines: the granted WAZO leave below began four months ago.
WAZO_MAANDEN = 5


def _planning() -> Uitvoerder:
    beheerder = (
        get_user_model().objects.filter(is_staff=True, is_superuser=True).order_by("pk").first()
    )
    if beheerder is None:
        return Uitvoerder()
    return Uitvoerder.medewerker(beheerder, ip=None, user_agent="")


def _zorg_voor_maximumdagloon() -> None:
    """The values DOMAIN §7.2 gives, as migration 0002 stores them: a test database that was
    emptied between tests (the browser tests' live server) has lost what migrations wrote."""
    for ingangsdatum, bedrag in MAXIMUMDAGLOON.items():
        Maximumdagloon.objects.get_or_create(
            ingangsdatum=ingangsdatum, defaults={"bedrag": bedrag, "vastgelegd_op": timezone.now()}
        )


def laad_vangnet(*, werkgever: Werkgever, vandaag: date, maanden: int) -> None:
    """A vangnet ZW decision for the werkgever's longest open spell that began before the first
    of the ``maanden`` demo months, and its lines for those months."""
    if Vangnetuitkering.objects.exists():
        return
    _zorg_voor_maximumdagloon()
    eerste = maanden_later(eerste_van_maand(vandaag), -maanden)
    geval = (
        Verzuimgeval.objects.filter(
            werknemer__loonheffingennummer__werkgever=werkgever,
            werknemer__loongegevens__isnull=False,
            eerste_ziektedag__lt=maanden_later(eerste, -1),
        )
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=vandaag))
        .order_by("eerste_ziektedag", "pk")
        .first()
    )
    if geval is None:
        return
    door = _planning()
    service.leg_vangnetuitkering_vast(door=door, verzuimgeval=geval, grondslag=Grondslag.ZIEKTEWET)
    for stap in range(maanden):
        service.stel_specificaties_op(door=door, maand=maanden_later(eerste, stap))


def _wazo(*, vandaag: date) -> None:
    """Zwangerschaps- en bevallingsverlof of the bakkerij that began four months ago, applied
    for in time, the birth reported and the application granted by the behandelaar ``beheer``."""
    werkgever = Werkgever.objects.filter(kvk_nummer=KVK_BAKKERIJ).first()
    gebruiker = get_user_model().objects.filter(username="demo-bakkerij").first()
    behandelaar = get_user_model().objects.filter(username="beheer", is_staff=True).first()
    if werkgever is None or gebruiker is None or behandelaar is None:
        return
    door = Actor(
        werkgever=werkgever,
        rechten=frozenset(Dienst),
        route=Route.LOKAAL,
        gebruiker=gebruiker,
        weergavenaam=gebruiker.get_full_name(),
    )
    recent = Verzuimgeval.objects.filter(
        Q(einddatum__isnull=True) | Q(einddatum__gte=vandaag - timedelta(days=400))
    ).values("werknemer_id")
    kandidaten = (
        Werknemer.objects.filter(
            loonheffingennummer__werkgever=werkgever,
            loonheffingennummer__actief=True,
            datum_uit_dienst__isnull=True,
            datum_in_dienst__lte=vandaag - timedelta(days=500),
            loongegevens__isnull=False,
            wazoverloven__isnull=True,
        )
        .exclude(pk__in=recent)
        .distinct()
        .order_by("-pk")
    )
    ingang = maanden_later(eerste_van_maand(vandaag), -4) + timedelta(days=3)
    uitgerekend = ingang + timedelta(days=41)
    for werknemer in kandidaten[:20]:
        try:
            with transaction.atomic():
                verlof = wazo.meld_zwangerschapsverlof(
                    door=door,
                    werknemer=werknemer,
                    uitgerekende_datum=uitgerekend,
                    ingangsdatum=ingang,
                    aangevraagd_op=ingang - timedelta(days=21),
                )
                verlof = wazo.meld_geboorte(door=door, verlof=verlof, geboortedatum=uitgerekend)
                if verlof.zaak is not None:
                    zaak = aanvragen.wijs_toe(
                        door=als_beheerder(behandelaar), zaak=verlof.zaak, behandelaar=behandelaar
                    )
                    aanvragen.beslis(
                        door=als_beheerder(behandelaar),
                        zaak=zaak,
                        besluit=Besluit.TOEGEKEND,
                        toelichting="Het verlof en de uitkering zijn toegekend.",
                    )
        except ValidationError:
            continue
        return


def laad_demo(*, vandaag: date) -> None:
    if Specificatieregel.objects.filter(bron=Bron.UITVOERDER).exists():
        return
    _wazo(vandaag=vandaag)
    door = _planning()
    eerste = maanden_later(eerste_van_maand(vandaag), -WAZO_MAANDEN)
    for stap in range(WAZO_MAANDEN):
        service.stel_specificaties_op(door=door, maand=maanden_later(eerste, stap))
    _feed(vandaag=vandaag)


def _feed(*, vandaag: date) -> None:
    """The uitvoerder's feed: last month's no-riskpolis benefit (85 %, per cao) for a werknemer
    with an open spell without a vangnet decision, loaded with proefdraai and vastleggen."""
    beheerder = get_user_model().objects.filter(is_staff=True, is_superuser=True).first()
    geval = (
        Verzuimgeval.objects.filter(einddatum__isnull=True, vangnetuitkering__isnull=True)
        .filter(werknemer__loongegevens__isnull=False)
        .select_related("werknemer__loonheffingennummer")
        .order_by("eerste_ziektedag", "pk")
        .first()
    )
    if beheerder is None or geval is None:
        return
    maand = maanden_later(eerste_van_maand(vandaag), -1)
    van = max(maand, geval.eerste_ziektedag)
    tot = laatste_van_maand(maand)
    dagloon = Decimal("150.00")
    periode = specificeer(
        dagloon=dagloon,
        percentage=Decimal(85),
        van=van,
        tot_en_met=tot,
        tabel=service.maximumdagloontabel(),
    )[0]
    werknemer = geval.werknemer
    inhoud = (
        "bsn;loonheffingennummer;grondslag;van;tot_en_met;dagloon;percentage;dagbedrag;bruto\n"
        f"{werknemer.bsn};{werknemer.loonheffingennummer.nummer};no_riskpolis;{van};"
        f"{periode.tot_en_met};{dagloon};85;{periode.dagbedrag};{periode.bruto}\n"
    ).encode()
    proef = service.lees_in(
        door=als_beheerder(beheerder), bestandsnaam="uwv-verzamelspecificatie.csv", inhoud=inhoud
    )
    if not proef.fouten:
        service.leg_vast(door=als_beheerder(beheerder), specificatieimport=proef)
