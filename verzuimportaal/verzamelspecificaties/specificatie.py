"""The verzamelspecificatie as rows: one source for the page, the XLSX and the PDF (DOMAIN §7.2).

Every figure is a stored amount of a line (whole cents), so page and exports are identical.
"""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from .models import Grondslag, Specificatieregel, Uitkeringssoort


def kop() -> list[str]:
    return [
        _("Werknemer"),
        _("BSN"),
        _("Soort"),
        _("Grondslag"),
        _("Van"),
        _("Tot en met"),
        _("Dagloon"),
        _("Percentage"),
        _("Maximumdagloon"),
        _("Dagbedrag"),
        _("Uitkeringsdagen"),
        _("Bruto"),
    ]


def rijen(regels: Iterable[Specificatieregel]) -> list[list[object]]:
    """One row per betaalperiode, per werknemer and soort (DOMAIN §7.2)."""
    return [
        [
            regel.werknemer.volledige_naam,
            regel.werknemer.bsn,
            str(regel.soort.label),
            str(Grondslag(regel.grondslag).label),
            regel.van,
            regel.tot_en_met,
            regel.dagloon,
            regel.percentage,
            regel.maximumdagloon,
            regel.dagbedrag,
            regel.uitkeringsdagen,
            regel.bruto,
        ]
        for regel in regels
    ]


def totaalrijen(regels: Iterable[Specificatieregel]) -> list[list[object]]:
    """The month total per soort and over all, as rows of the same table (bruto column)."""
    per_soort = {soort: Decimal("0.00") for soort in Uitkeringssoort}
    for regel in regels:
        per_soort[regel.soort] += regel.bruto
    leeg: list[object] = [""] * 10
    uitkomst = [
        [_("Totaal %(soort)s") % {"soort": soort.label}, *leeg, bedrag]
        for soort, bedrag in per_soort.items()
    ]
    uitkomst.append([_("Totaal maand"), *leeg, sum(per_soort.values(), Decimal("0.00"))])
    return uitkomst


def maanden(regels: Iterable[date]) -> list[date]:
    """The months (first days) with lines, newest first, from the lines' end dates."""
    return sorted({dag.replace(day=1) for dag in regels}, reverse=True)
