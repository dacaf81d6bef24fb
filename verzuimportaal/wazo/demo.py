"""Demo: WAZO leave at Bakkerij Van den Broek (DOMAIN §7.1, §5.1).

Three stories, each through the services so every rule applies: zwangerschapsverlof applied for
in time and starting soon; zwangerschapsverlof last year with the birth reported, sickness before
it and sickness after it with "zelfde oorzaak: ja" (one combined case in the verzuimdossier);
adoptieverlof. Deterministic for the same data and ``vandaag``; idempotent (nothing happens once
the bakkerij has WAZO leave). A candidate employee that a rule refuses is skipped.
"""

from collections.abc import Callable
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from verzuimportaal.toegang.actor import Actor, Route
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.verzuim import service as verzuim_service
from verzuimportaal.verzuim.models import Verzuimgeval, ZelfdeOorzaak
from verzuimportaal.werkgevers.models import Werkgever
from verzuimportaal.werknemers.models import Werknemer

from . import service
from .models import Soort, Wazoverlof

KVK_BAKKERIJ = "69201843"


def _dag(dagen: int) -> timedelta:
    return timedelta(days=dagen)


def _eerste_die_lukt(
    kandidaten: list[Werknemer], gebruikt: set[int], actie: Callable[[Werknemer], object]
) -> None:
    for werknemer in kandidaten:
        if werknemer.pk in gebruikt:
            continue
        try:
            with transaction.atomic():
                actie(werknemer)
        except ValidationError:
            continue
        gebruikt.add(werknemer.pk)
        return


def laad_demo(*, vandaag: date) -> None:
    werkgever = Werkgever.objects.filter(kvk_nummer=KVK_BAKKERIJ).first()
    gebruiker = get_user_model().objects.filter(username="demo-bakkerij").first()
    if werkgever is None or gebruiker is None:
        return
    if Wazoverlof.objects.filter(werknemer__loonheffingennummer__werkgever=werkgever).exists():
        return
    door = Actor(
        werkgever=werkgever,
        rechten=frozenset(Dienst),
        route=Route.LOKAAL,
        gebruiker=gebruiker,
        weergavenaam=gebruiker.get_full_name(),
    )
    # Employees without any sickness in the last 400 days: the stories below need a clean slate.
    recent_ziek = Verzuimgeval.objects.filter(
        Q(einddatum__isnull=True) | Q(einddatum__gte=vandaag - _dag(400))
    ).values("werknemer_id")
    kandidaten = list(
        Werknemer.objects.filter(
            loonheffingennummer__werkgever=werkgever,
            loonheffingennummer__actief=True,
            datum_uit_dienst__isnull=True,
            datum_in_dienst__lte=vandaag - _dag(500),
        )
        .exclude(pk__in=recent_ziek)
        .order_by("pk")
    )
    gebruikt: set[int] = set()

    # 1. Applied today, in the window S-28 ... S-14: the leave starts in 20 days.
    ingang = vandaag + _dag(20)
    _eerste_die_lukt(
        kandidaten,
        gebruikt,
        lambda w: service.meld_zwangerschapsverlof(
            door=door, werknemer=w, uitgerekende_datum=ingang + _dag(41), ingangsdatum=ingang
        ),
    )

    # 2. Sick before the leave, the birth reported, sick again after it with the same cause.
    ingang = vandaag - _dag(200)
    uitgerekend = ingang + _dag(41)

    def met_ziekte(werknemer: Werknemer) -> None:
        voor = verzuim_service.meld_ziek(
            door=door, werknemer=werknemer, eerste_ziektedag=ingang - _dag(40)
        )
        verzuim_service.meld_volledig_hersteld(
            door=door, verzuimgeval=voor, hersteldatum=ingang - _dag(12)
        )
        verlof = service.meld_zwangerschapsverlof(
            door=door,
            werknemer=werknemer,
            uitgerekende_datum=uitgerekend,
            ingangsdatum=ingang,
            aangevraagd_op=ingang - _dag(21),
        )
        verlof = service.meld_geboorte(
            door=door, verlof=verlof, geboortedatum=uitgerekend - _dag(3)
        )
        verzuim_service.meld_ziek(
            door=door,
            werknemer=werknemer,
            eerste_ziektedag=verlof.laatste_dag + _dag(8),
            zelfde_oorzaak=ZelfdeOorzaak.JA,
        )

    _eerste_die_lukt(kandidaten, gebruikt, met_ziekte)

    # 3. Adoptieverlof, applied for 3 weeks before it starts.
    ingang = vandaag + _dag(21)
    _eerste_die_lukt(
        kandidaten,
        gebruikt,
        lambda w: service.meld_adoptieverlof(
            door=door,
            werknemer=w,
            soort=Soort.ADOPTIE,
            datum_komst=ingang + _dag(7),
            ingangsdatum=ingang,
            weken=6,
        ),
    )
