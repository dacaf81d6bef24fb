"""The retention periods of DOMAIN §4.7 as data, and when a period has ended (no Django).

A period of N years that starts on day S covers S … S + N years (the same calendar date; a start
on 29 February ends on 28 February). The data are kept through that last day and removed from
the day after it: ``verlopen(start, termijn, peildatum)`` is true from S + N years + 1 day on.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class Categorie(StrEnum):
    VERZUIMGEGEVENS = "verzuimgegevens"
    REINTEGRATIEDOSSIER = "reintegratiedossier"
    AUDITTRAIL = "audittrail"


@dataclass(frozen=True)
class Bewaartermijn:
    categorie: Categorie
    jaren: int
    vanaf: str  # the day the period starts, in words
    daarna: str  # what happens after it
    bron: str


# DOMAIN §4.7: verzuim records 2 years after employment ends, 5 for an eigenrisicodrager ZW.
VERZUIMGEGEVENS = Bewaartermijn(
    Categorie.VERZUIMGEGEVENS,
    2,
    "de laatste dag in dienst",
    "werknemer en verzuimgevallen geanonimiseerd; brieven en correcties verwijderd",
    "DOMAIN §4.7",
)
VERZUIMGEGEVENS_ERD_ZW = Bewaartermijn(
    Categorie.VERZUIMGEGEVENS,
    5,
    "de laatste dag in dienst",
    "werknemer en verzuimgevallen geanonimiseerd; brieven en correcties verwijderd",
    "DOMAIN §4.7, eigenrisicodrager Ziektewet",
)
# DOMAIN §4.7: the re-integration file at most 2 years after the re-integration ended; the last
# sick day of a combined spell (DOMAIN §5.1), because re-integration runs as long as the case.
REINTEGRATIEDOSSIER = Bewaartermijn(
    Categorie.REINTEGRATIEDOSSIER,
    2,
    "de laatste ziektedag van het (samengestelde) verzuimgeval",
    "activiteiten, documenten, termijnverlengingen, herinneringen verwijderd",
    "DOMAIN §4.7",
)
REINTEGRATIEDOSSIER_ERD_ZW = Bewaartermijn(
    Categorie.REINTEGRATIEDOSSIER,
    5,
    "de laatste ziektedag van het (samengestelde) verzuimgeval",
    "activiteiten, documenten, termijnverlengingen, herinneringen verwijderd",
    "DOMAIN §4.7, eigenrisicodrager Ziektewet",
)
# ADR 0020: who read or changed personal data stays provable for 5 years, longer than any record
# it is about; the database trigger (audit migration 0003) enforces the same 5 years.
AUDITTRAIL = Bewaartermijn(
    Categorie.AUDITTRAIL, 5, "het tijdstip van de auditregel", "auditregel verwijderd", "ADR 0020"
)

ALLE = (
    VERZUIMGEGEVENS,
    VERZUIMGEGEVENS_ERD_ZW,
    REINTEGRATIEDOSSIER,
    REINTEGRATIEDOSSIER_ERD_ZW,
    AUDITTRAIL,
)

# DOMAIN §5.1: a new spell that starts less than 28 days after the hersteldatum continues the case.
SAMENTELLING_DAGEN = 28


def verzuimgegevens(*, eigenrisicodrager_zw: bool) -> Bewaartermijn:
    return VERZUIMGEGEVENS_ERD_ZW if eigenrisicodrager_zw else VERZUIMGEGEVENS


def reintegratiedossier(*, eigenrisicodrager_zw: bool) -> Bewaartermijn:
    return REINTEGRATIEDOSSIER_ERD_ZW if eigenrisicodrager_zw else REINTEGRATIEDOSSIER


def laatste_bewaardag(start: date, termijn: Bewaartermijn) -> date:
    """The last day the data are kept: the same calendar date ``termijn.jaren`` later."""
    try:
        return start.replace(year=start.year + termijn.jaren)
    except ValueError:  # 29 February to a year without it
        return start.replace(year=start.year + termijn.jaren, day=28)


def verlopen(start: date, termijn: Bewaartermijn, peildatum: date) -> bool:
    return peildatum > laatste_bewaardag(start, termijn)


def eerste_start_die_blijft(termijn: Bewaartermijn, peildatum: date) -> date:
    """The earliest start whose data are still kept on ``peildatum``, for a database filter:
    ``start < eerste_start_die_blijft(...)`` is exactly ``verlopen(start, ...)``."""
    try:
        dag = peildatum.replace(year=peildatum.year - termijn.jaren)
    except ValueError:  # 29 February
        dag = peildatum.replace(year=peildatum.year - termijn.jaren, day=28)
    dag -= timedelta(days=2)  # verlopen() is monotone in the start: walk up to the first kept day
    while verlopen(dag, termijn, peildatum):
        dag += timedelta(days=1)
    return dag


def einde_reintegratie(spells: list[tuple[date, date | None]], index: int) -> date | None:
    """The last sick day of the combined case that spell ``index`` belongs to (DOMAIN §5.1).

    ``spells`` are one werknemer's (eerste_ziektedag, einddatum) pairs sorted by first sick day;
    ``einddatum`` is the first day no longer sick. ``None`` while the case is still open.
    """
    einde = spells[index][1]
    for eerste_ziektedag, volgend_einde in spells[index + 1 :]:
        if einde is None:
            return None
        if (eerste_ziektedag - einde).days >= SAMENTELLING_DAGEN:
            break
        einde = volgend_einde
    return None if einde is None else einde - timedelta(days=1)
