"""Demo: corrections and a percentage change at Bakkerij Van den Broek (DOMAIN §4.6, ADR 0009).

Deterministic for the same data and ``vandaag``; idempotent (nothing happens once the bakkerij has
a correction). Uses the services, so every rule applies; a candidate that a rule refuses is
skipped and the next one is tried.
"""

from collections.abc import Callable, Iterable
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction

from verzuimportaal.toegang.actor import Actor, Route
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.werkgevers.models import Werkgever

from . import service
from .models import Correctie, EindeReden, MutatieSoort, Verzuimgeval

KVK_BAKKERIJ = "69201843"
EEN_DAG = timedelta(days=1)


def _eerste_die_lukt(
    gevallen: Iterable[Verzuimgeval], actie: Callable[[Verzuimgeval], object]
) -> None:
    for geval in gevallen:
        try:
            with transaction.atomic():
                actie(geval)
        except ValidationError:
            continue
        return


def laad_demo(*, vandaag: date) -> None:
    werkgever = Werkgever.objects.filter(kvk_nummer=KVK_BAKKERIJ).first()
    gebruiker = get_user_model().objects.filter(username="demo-bakkerij").first()
    if werkgever is None or gebruiker is None:
        return
    gevallen = Verzuimgeval.objects.filter(
        werknemer__loonheffingennummer__werkgever=werkgever,
        werknemer__loonheffingennummer__actief=True,
    ).select_related("werknemer", "werknemer__loonheffingennummer")
    if Correctie.objects.filter(verzuimgeval__in=gevallen).exists():
        return
    door = Actor(
        werkgever=werkgever,
        rechten=frozenset(Dienst),
        route=Route.LOKAAL,
        gebruiker=gebruiker,
        weergavenaam=gebruiker.get_full_name(),
    )
    open_ = gevallen.filter(einddatum__isnull=True).order_by("eerste_ziektedag", "pk")
    hersteld = gevallen.filter(einde_reden=EindeReden.HERSTELD).order_by("-einddatum", "pk")

    # The first sick day was reported a day too late.
    _eerste_die_lukt(
        open_,
        lambda g: service.corrigeer_eerste_ziektedag(
            door=door,
            verzuimgeval=g,
            eerste_ziektedag=g.eerste_ziektedag - EEN_DAG,
            reden="Eerste ziektedag een dag te laat ingevuld",
        ),
    )
    # The employee started again a day later than reported.
    _eerste_die_lukt(
        hersteld[:20],
        lambda g: service.corrigeer_hersteldatum(
            door=door,
            verzuimgeval=g,
            hersteldatum=g.einddatum + EEN_DAG if g.einddatum else vandaag,
            reden="Werknemer begon een dag later weer",
        ),
    )
    # After a partial recovery, the bedrijfsarts advises a higher percentage again.
    gedeeltelijk = open_.filter(mutaties__soort=MutatieSoort.GEDEELTELIJK_HERSTELD).distinct()
    _eerste_die_lukt(
        gedeeltelijk,
        lambda g: service.wijzig_percentage(
            door=door,
            verzuimgeval=g,
            ingangsdatum=vandaag - timedelta(days=3),
            percentage_arbeidsongeschikt=80,
            reden="Nieuw advies bedrijfsarts",
        ),
    )
