"""Wet verbetering poortwachter: deadlines and working days, without Django (DOMAIN §5)."""

from verzuimportaal.poortwachter.feestdagen import (
    Feestdag,
    eerste_werkdag_vanaf,
    feestdagen,
    is_feestdag,
    is_werkdag,
    pasen,
)
from verzuimportaal.poortwachter.termijnen import (
    EindeReden,
    Gevalfeiten,
    PeriodeId,
    Reintegratieverslag,
    SamengesteldGeval,
    Stap,
    StapSoort,
    Verantwoordelijke,
    WazoVerlof,
    Ziekteperiode,
    bereken_termijnen,
    open_stappen,
)

__all__ = [
    "EindeReden",
    "Feestdag",
    "Gevalfeiten",
    "PeriodeId",
    "Reintegratieverslag",
    "SamengesteldGeval",
    "Stap",
    "StapSoort",
    "Verantwoordelijke",
    "WazoVerlof",
    "Ziekteperiode",
    "bereken_termijnen",
    "eerste_werkdag_vanaf",
    "feestdagen",
    "is_feestdag",
    "is_werkdag",
    "open_stappen",
    "pasen",
]
