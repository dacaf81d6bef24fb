"""The uitkeringsspecificatie as rows: one source for the page, the XLSX and the PDF.

Every figure shown is taken from the stored lines, so page and exports are identical (issue 15).
Month amounts are the paid amounts (rounded once, DOMAIN §7.3). Daily figures (dagloon, dagbedrag)
are computed unrounded; they are shown rounded to cents for reading only.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, QuerySet, Sum
from django.utils.translation import gettext as _

from verzuimportaal.geld.bedragen import NUL, rond_af

from .models import Regelsoort, Uitkeringsregel


def kop_werkgever() -> list[str]:
    """Column headings of ``werkgeverrijen`` in the active language (page, XLSX and PDF)."""
    return [
        _("Werknemer"),
        "BSN",
        _("Maand"),
        _("Soort"),
        _("Uitkeringsdagen"),
        _("Dagen eigen risico"),
        _("Bruto"),
        _("Aftrek UWV"),
        _("Te betalen"),
        _("Betaaldatum"),
    ]


def kop_perioden() -> list[str]:
    """Column headings of ``periodenrijen`` in the active language (page, XLSX and PDF)."""
    return [
        _("Maand"),
        _("Soort"),
        _("Van"),
        _("Tot en met"),
        _("Dagen"),
        _("Eerste ziektedag-nummer"),
        _("Dagloon"),
        # xgettext:no-python-format
        _("Dekking %"),
        # xgettext:no-python-format
        _("% arbeidsongeschikt"),
        _("Dagbedrag"),
        _("Bedrag"),
    ]


@dataclass(frozen=True)
class Maandtotaal:
    maand: date  # the run's month
    betaaldatum: date
    werknemers: int
    bedrag: Decimal


def per_betaalmaand(regels: QuerySet[Uitkeringsregel]) -> list[Maandtotaal]:
    """What each run paid the werkgever: month, payment date, werknemers and amount."""
    return [
        Maandtotaal(
            maand=rij["run__maand"],
            betaaldatum=rij["betaaldatum"],
            werknemers=rij["werknemers"],
            bedrag=rij["bedrag"] or NUL,
        )
        for rij in regels.order_by()
        .values("run__maand", "betaaldatum")
        .annotate(werknemers=Count("werknemer", distinct=True), bedrag=Sum("bedrag"))
        .order_by("-run__maand")
    ]


def _soort(regel: Uitkeringsregel) -> str:
    return str(Regelsoort(regel.soort).label)


def werkgeverrijen(regels: Iterable[Uitkeringsregel]) -> list[list[object]]:
    """One row per line of a run: the uitkeringsspecificatie per werkgever."""
    return [
        [
            regel.werknemer.volledige_naam,
            regel.werknemer.bsn,
            regel.maand.strftime("%m-%Y"),
            _soort(regel),
            regel.uitkeringsdagen,
            regel.eigenrisicodagen,
            regel.bruto,
            regel.aftrek_uwv,
            regel.bedrag,
            regel.betaaldatum,
        ]
        for regel in regels
    ]


def periodenrijen(regels: Iterable[Uitkeringsregel]) -> list[list[object]]:
    """The computation per period of each line: the uitkeringsspecificatie per werknemer."""
    rijen: list[list[object]] = []
    for regel in regels:
        for periode in regel.dagen:
            rijen.append(
                [
                    regel.maand.strftime("%m-%Y"),
                    _soort(regel),
                    date.fromisoformat(periode["van"]),
                    date.fromisoformat(periode["tot_en_met"]),
                    periode["dagen"],
                    periode["ziektedag"],
                    rond_af(Decimal(periode["dagloon"])),
                    Decimal(periode["dekking"]),
                    periode["percentage_ao"],
                    rond_af(Decimal(periode["dagbedrag"])),
                    rond_af(Decimal(periode["bedrag"])),
                ]
            )
    return rijen


def totaal(regels: Iterable[Uitkeringsregel]) -> Decimal:
    return sum((regel.bedrag for regel in regels), NUL)


# The column of the paid amount in each table: "Te betalen" and "Bedrag".
KOLOM_WERKGEVER_BEDRAG = 8
KOLOM_PERIODEN_BEDRAG = 10


def totaalrij(kop: list[str], kolom: int, bedrag: Decimal) -> list[object]:
    """The total the page shows, as the last row of the export: label first, the amount in the
    column of the paid amount."""
    rij: list[object] = [""] * len(kop)
    rij[0] = _("Totaal")
    rij[kolom] = bedrag
    return rij
