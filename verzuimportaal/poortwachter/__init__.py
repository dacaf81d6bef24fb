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
    hoort_bij_vorige,
    laatste_keten,
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
    "hoort_bij_vorige",
    "is_feestdag",
    "is_werkdag",
    "laatste_keten",
    "open_stappen",
    "pasen",
]
