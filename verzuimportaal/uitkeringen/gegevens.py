"""Loading one werknemer's history as input for the pure computation (DOMAIN §7.3), in bulk."""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from verzuimportaal.geld.uitkering import (
    Dienstverband,
    Loon,
    Polisvoorwaarden,
    UwvPeriode,
    Ziekmelding,
)
from verzuimportaal.lonen.models import Loongegeven
from verzuimportaal.polissen.models import Polis
from verzuimportaal.poortwachter.termijnen import EindeReden
from verzuimportaal.verzamelspecificaties.models import Specificatieregel
from verzuimportaal.verzuim.models import MUTATIES_MET_PERCENTAGE, Verzuimgeval, Verzuimmutatie
from verzuimportaal.verzuim.models import EindeReden as VerzuimEindeReden
from verzuimportaal.werknemers.models import Werknemer


@dataclass(frozen=True)
class Historie:
    """Everything the computation needs of one werknemer."""

    werknemer_id: int
    werkgever_id: int
    dienstverband: Dienstverband
    meldingen: tuple[Ziekmelding, ...]
    lonen: tuple[Loon, ...]
    polissen: tuple[Polisvoorwaarden, ...]
    # The UWV benefits paid to the werkgever (DOMAIN §7.2), deducted per day (ADR 0046).
    uwv: tuple[UwvPeriode, ...] = ()


_REDENEN = {
    VerzuimEindeReden.HERSTELD: EindeReden.HERSTELD,
    VerzuimEindeReden.UIT_DIENST: EindeReden.UIT_DIENST,
}


def polissen_per_werkgever(werkgever_ids: Iterable[int]) -> dict[int, tuple[Polisvoorwaarden, ...]]:
    per: dict[int, list[Polisvoorwaarden]] = defaultdict(list)
    for polis in Polis.objects.filter(werkgever_id__in=set(werkgever_ids)).order_by("ingangsdatum"):
        per[polis.werkgever_id].append(polis.voorwaarden())
    return {werkgever_id: tuple(reeks) for werkgever_id, reeks in per.items()}


def historie(werknemer_ids: Sequence[int]) -> list[Historie]:
    """The histories of ``werknemer_ids`` with six queries, whatever their number."""
    werknemers = list(
        Werknemer.objects.filter(pk__in=werknemer_ids)
        .select_related("loonheffingennummer")
        .only("pk", "datum_in_dienst", "datum_uit_dienst", "loonheffingennummer__werkgever_id")
        .order_by("pk")
    )
    gevallen: dict[int, list[tuple[int, date, date | None, str]]] = defaultdict(list)
    for pk, werknemer_id, begin, einde, reden in Verzuimgeval.objects.filter(
        werknemer_id__in=werknemer_ids
    ).values_list("pk", "werknemer_id", "eerste_ziektedag", "einddatum", "einde_reden"):
        gevallen[werknemer_id].append((pk, begin, einde, reden))
    stappen: dict[int, list[tuple[date, int]]] = defaultdict(list)
    for geval_id, ingang, pct in (
        Verzuimmutatie.objects.filter(
            verzuimgeval__werknemer_id__in=werknemer_ids,
            soort__in=MUTATIES_MET_PERCENTAGE,
            percentage_arbeidsongeschikt__isnull=False,
        )
        .order_by("ingangsdatum")
        .values_list("verzuimgeval_id", "ingangsdatum", "percentage_arbeidsongeschikt")
    ):
        if pct is not None:  # excluded by the filter; narrows the type
            stappen[geval_id].append((ingang, pct))
    lonen: dict[int, list[Loon]] = defaultdict(list)
    for loon in Loongegeven.objects.filter(werknemer_id__in=werknemer_ids).order_by("ingangsdatum"):
        lonen[loon.werknemer_id].append(Loon(loon.ingangsdatum, loon.verzekerd_jaarloon))
    polissen = polissen_per_werkgever(w.loonheffingennummer.werkgever_id for w in werknemers)
    uwv: dict[int, list[UwvPeriode]] = defaultdict(list)
    for werknemer_id, van, tot, dagbedrag in (
        Specificatieregel.objects.filter(werknemer_id__in=werknemer_ids)
        .order_by("van", "pk")
        .values_list("werknemer_id", "van", "tot_en_met", "dagbedrag")
    ):
        uwv[werknemer_id].append(UwvPeriode(van, tot, dagbedrag))
    uitkomst = []
    for werknemer in werknemers:
        werkgever_id = werknemer.loonheffingennummer.werkgever_id
        uitkomst.append(
            Historie(
                werknemer_id=werknemer.pk,
                werkgever_id=werkgever_id,
                dienstverband=Dienstverband(
                    datum_in_dienst=werknemer.datum_in_dienst,
                    laatste_dag=werknemer.datum_uit_dienst,
                ),
                meldingen=tuple(
                    Ziekmelding(
                        id=pk,
                        eerste_ziektedag=begin,
                        einddatum=einde,
                        einde_reden=_REDENEN.get(VerzuimEindeReden(reden)) if einde else None,
                        percentages=tuple(stappen.get(pk, ())),
                    )
                    for pk, begin, einde, reden in gevallen.get(werknemer.pk, ())
                ),
                lonen=tuple(lonen.get(werknemer.pk, ())),
                polissen=polissen.get(werkgever_id, ()),
                uwv=tuple(uwv.get(werknemer.pk, ())),
            )
        )
    return uitkomst
