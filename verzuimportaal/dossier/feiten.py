"""What the dossier knows was done, fed to the deadline engine (DOMAIN §5).

Registered in ``DossierConfig.ready`` with ``termijnen.registreer_dossierbron``: one query over
the finished activities and one over the extensions, for any number of spells.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from verzuimportaal import poortwachter

from .models import HANDMATIGE_TYPES, Activiteit, ActiviteitType, Termijnverlenging, VerlengingSoort

_FEITTYPES = (
    ActiviteitType.PROBLEEMANALYSE,
    ActiviteitType.PLAN_VAN_AANPAK,
    ActiviteitType.EVALUATIE,
)


@dataclass
class _Feiten:
    probleemanalyse_op: date | None = None
    plan_van_aanpak_op: date | None = None
    evaluaties_op: list[date] = field(default_factory=list)
    loonsanctie_weken: int = 0
    verlenging_weken: int = 0


def _vroegste(a: date | None, b: date) -> date:
    return b if a is None else min(a, b)


def feiten_en_uitgevoerd(
    geval_ids: Iterable[int],
) -> tuple[list[poortwachter.Gevalfeiten], list[tuple[int, str, date]]]:
    """Per spell: the done probleemanalyse, plan van aanpak and evaluations, and the extensions;
    and every other legal step marked done as (spell id, step kind, date done).

    One query over the finished activities answers both, one over the extensions. The engine
    merges the facts of the spells of one combined case (earliest dates, all evaluations, largest
    extension), so each spell reports only its own.
    """
    ids = list(geval_ids)
    per_geval: dict[int, _Feiten] = defaultdict(_Feiten)
    uitgevoerd: list[tuple[int, str, date]] = []
    for geval_id, soort, datum in (
        Activiteit.objects.filter(verzuimgeval_id__in=ids, afgewerkt=True)
        .exclude(type__in=HANDMATIGE_TYPES)
        .values_list("verzuimgeval_id", "type", "uitgevoerd_op")
    ):
        if soort not in _FEITTYPES:
            if datum is not None:
                uitgevoerd.append((geval_id, soort, datum))
            continue
        assert datum is not None  # afgewerkt implies a date (check constraint)
        feiten = per_geval[geval_id]
        if soort == ActiviteitType.EVALUATIE:
            feiten.evaluaties_op.append(datum)
        elif soort == ActiviteitType.PROBLEEMANALYSE:
            feiten.probleemanalyse_op = _vroegste(feiten.probleemanalyse_op, datum)
        else:
            feiten.plan_van_aanpak_op = _vroegste(feiten.plan_van_aanpak_op, datum)
    for geval_id, soort, weken in Termijnverlenging.objects.filter(
        verzuimgeval_id__in=ids
    ).values_list("verzuimgeval_id", "soort", "weken"):
        if soort == VerlengingSoort.LOONSANCTIE:
            per_geval[geval_id].loonsanctie_weken = weken
        else:
            per_geval[geval_id].verlenging_weken = weken
    feiten_per_geval = [
        poortwachter.Gevalfeiten(
            periode_id=geval_id,
            probleemanalyse_op=f.probleemanalyse_op,
            plan_van_aanpak_op=f.plan_van_aanpak_op,
            evaluaties_op=tuple(f.evaluaties_op),
            loonsanctie_weken=f.loonsanctie_weken,
            verlenging_weken=f.verlenging_weken,
        )
        for geval_id, f in per_geval.items()
    ]
    return feiten_per_geval, uitgevoerd
