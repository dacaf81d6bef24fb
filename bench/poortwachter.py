"""Benchmark of the Poortwachter deadline engine.

Generates seeded random sick-leave histories (N sick periods over many employees, with
combined cases, WAZO leave, ziek uit dienst, open cases and recorded facts) and times computing all
deadlines with ``bereken_termijnen``. Generating the input is not timed.

    .venv/bin/python bench/poortwachter.py [--n 100000] [--seed 2025] [--herhaal 3]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from verzuimportaal.poortwachter import (
    EindeReden,
    Gevalfeiten,
    WazoVerlof,
    Ziekteperiode,
    bereken_termijnen,
)

# Spell length in days: mostly short, a tail of long-term sickness (roughly the shape of Dutch
# verzuim: most spells last a week or less, a few percent run past a year).
_DUUR_KLASSEN: tuple[tuple[float, int, int], ...] = (
    (0.55, 1, 7),
    (0.25, 8, 42),
    (0.12, 43, 365),
    (0.08, 366, 900),
)
_KANS_OPEN = 0.10
_KANS_UIT_DIENST = 0.05
_KANS_KORTE_ONDERBREKING = 0.35
_KANS_VERLOF = 0.05
_KANS_FEITEN = 0.30


@dataclass(frozen=True, slots=True)
class Geschiedenis:
    perioden: tuple[Ziekteperiode, ...]
    verlof: tuple[WazoVerlof, ...]
    feiten: tuple[Gevalfeiten, ...]


def _duur(rng: random.Random) -> int:
    trekking = rng.random()
    for kans, laagste, hoogste in _DUUR_KLASSEN:
        if trekking < kans:
            return rng.randint(laagste, hoogste)
        trekking -= kans
    return rng.randint(1, 7)


def _feiten(rng: random.Random, periode: Ziekteperiode) -> Gevalfeiten:
    begin = periode.eerste_ziektedag
    probleemanalyse = begin + timedelta(days=rng.randint(20, 50))
    plan = probleemanalyse + timedelta(days=rng.randint(3, 20))
    evaluaties: list[date] = []
    dag = plan
    for _ in range(rng.randint(0, 6)):
        dag += timedelta(days=rng.randint(30, 50))
        evaluaties.append(dag)
    return Gevalfeiten(
        periode_id=periode.id,
        probleemanalyse_op=probleemanalyse,
        plan_van_aanpak_op=plan,
        evaluaties_op=tuple(evaluaties),
        loonsanctie_weken=rng.choice((0, 0, 0, 13, 26, 52)),
        verlenging_weken=rng.choice((0, 0, 0, 13, 26)),
    )


def genereer(*, aantal_perioden: int, seed: int) -> list[Geschiedenis]:
    """Histories with ``aantal_perioden`` sick periods in total, reproducible from ``seed``."""
    rng = random.Random(seed)
    geschiedenissen: list[Geschiedenis] = []
    volgnummer = 0
    while volgnummer < aantal_perioden:
        aantal = min(rng.randint(1, 8), aantal_perioden - volgnummer)
        dag = date(2018, 1, 1) + timedelta(days=rng.randint(0, 6 * 365))
        perioden: list[Ziekteperiode] = []
        verlof: list[WazoVerlof] = []
        for index in range(aantal):
            laatste = index == aantal - 1
            begin = dag
            zelfde_oorzaak = rng.random() < 0.5
            if laatste and rng.random() < _KANS_OPEN:
                perioden.append(
                    Ziekteperiode(
                        id=volgnummer, eerste_ziektedag=begin, zelfde_oorzaak=zelfde_oorzaak
                    )
                )
            else:
                einde = begin + timedelta(days=_duur(rng))
                uit_dienst = laatste and rng.random() < _KANS_UIT_DIENST
                perioden.append(
                    Ziekteperiode(
                        id=volgnummer,
                        eerste_ziektedag=begin,
                        einddatum=einde,
                        einde_reden=EindeReden.UIT_DIENST if uit_dienst else EindeReden.HERSTELD,
                        zelfde_oorzaak=zelfde_oorzaak,
                    )
                )
                if rng.random() < _KANS_KORTE_ONDERBREKING:
                    onderbreking = rng.randint(0, 27)
                else:
                    onderbreking = rng.randint(28, 400)
                if rng.random() < _KANS_VERLOF:
                    verlof_begin = einde + timedelta(days=rng.randint(0, 14))
                    verlof_einde = verlof_begin + timedelta(days=16 * 7 - 1)
                    verlof.append(WazoVerlof(eerste_dag=verlof_begin, laatste_dag=verlof_einde))
                    onderbreking = (verlof_einde - einde).days + 1 + rng.randint(0, 40)
                dag = einde + timedelta(days=onderbreking)
            volgnummer += 1
        feiten = (_feiten(rng, perioden[0]),) if rng.random() < _KANS_FEITEN else ()
        geschiedenissen.append(
            Geschiedenis(perioden=tuple(perioden), verlof=tuple(verlof), feiten=feiten)
        )
    return geschiedenissen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=100_000, help="number of sick periods")
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--herhaal", type=int, default=3, help="timed runs; the best one counts")
    args = parser.parse_args()

    geschiedenissen = genereer(aantal_perioden=args.n, seed=args.seed)
    tijden: list[float] = []
    gevallen = stappen = 0
    for _ in range(max(1, args.herhaal)):
        start = time.perf_counter()
        gevallen = stappen = 0
        for geschiedenis in geschiedenissen:
            for geval in bereken_termijnen(
                perioden=geschiedenis.perioden,
                verlof=geschiedenis.verlof,
                feiten=geschiedenis.feiten,
            ):
                gevallen += 1
                stappen += len(geval.stappen)
        tijden.append(time.perf_counter() - start)

    beste = min(tijden)
    print(
        f"{args.n} ziekteperioden, {len(geschiedenissen)} werknemers, "
        f"{gevallen} samengestelde gevallen, {stappen} stappen"
    )
    print(
        f"beste van {len(tijden)}: {beste:.3f} s, {beste / args.n * 1e6:.1f} µs per ziekteperiode "
        f"(alle runs: {', '.join(f'{t:.3f}' for t in tijden)} s)"
    )


if __name__ == "__main__":
    main()
