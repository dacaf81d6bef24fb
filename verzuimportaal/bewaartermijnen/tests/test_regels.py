"""The retention periods of DOMAIN §4.7 as pure functions: boundaries, leap days, combined cases."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verzuimportaal.bewaartermijnen import regels
from verzuimportaal.bewaartermijnen.regels import (
    AUDITTRAIL,
    REINTEGRATIEDOSSIER,
    VERZUIMGEGEVENS,
    VERZUIMGEGEVENS_ERD_ZW,
)


def test_verzuimgegevens_twee_jaar_eigenrisicodrager_vijf():
    # DOMAIN §4.7
    assert regels.verzuimgegevens(eigenrisicodrager_zw=False).jaren == 2
    assert regels.verzuimgegevens(eigenrisicodrager_zw=True).jaren == 5
    assert regels.reintegratiedossier(eigenrisicodrager_zw=False).jaren == 2
    assert regels.reintegratiedossier(eigenrisicodrager_zw=True).jaren == 5
    assert AUDITTRAIL.jaren == 5


@pytest.mark.parametrize(
    ("peildatum", "verlopen"),
    [
        (date(2026, 3, 14), False),  # one day before the last day
        (date(2026, 3, 15), False),  # the last day: still kept
        (date(2026, 3, 16), True),  # the day after
    ],
)
def test_grens_van_twee_jaar(peildatum, verlopen):
    assert regels.laatste_bewaardag(date(2024, 3, 15), VERZUIMGEGEVENS) == date(2026, 3, 15)
    assert regels.verlopen(date(2024, 3, 15), VERZUIMGEGEVENS, peildatum) is verlopen


def test_start_op_29_februari_eindigt_op_28_februari():
    assert regels.laatste_bewaardag(date(2024, 2, 29), VERZUIMGEGEVENS) == date(2026, 2, 28)
    assert not regels.verlopen(date(2024, 2, 29), VERZUIMGEGEVENS, date(2026, 2, 28))
    assert regels.verlopen(date(2024, 2, 29), VERZUIMGEGEVENS, date(2026, 3, 1))
    assert regels.laatste_bewaardag(date(2023, 2, 28), VERZUIMGEGEVENS_ERD_ZW) == date(2028, 2, 28)


@given(
    peildatum=st.dates(min_value=date(2001, 1, 1), max_value=date(2099, 12, 31)),
    termijn=st.sampled_from(regels.ALLE),
)
def test_databasegrens_is_precies_de_regel(peildatum, termijn):
    grens = regels.eerste_start_die_blijft(termijn, peildatum)
    assert regels.verlopen(grens - timedelta(days=1), termijn, peildatum)
    assert not regels.verlopen(grens, termijn, peildatum)


def test_einde_reintegratie_los_geval():
    # einddatum is the first day fit; the re-integration ended the day before (DOMAIN §4.1).
    gevallen = [(date(2023, 1, 2), date(2023, 3, 1))]
    assert regels.einde_reintegratie(gevallen, 0) == date(2023, 2, 28)


def test_einde_reintegratie_volgt_samengesteld_geval():
    # DOMAIN §5.1: a gap under 28 days continues the case; 28 days starts a new one.
    gevallen = [
        (date(2023, 1, 2), date(2023, 3, 1)),
        (date(2023, 3, 28), date(2023, 5, 1)),  # gap 27: same case
        (date(2023, 5, 29), date(2023, 7, 1)),  # gap 28: new case
    ]
    assert regels.einde_reintegratie(gevallen, 0) == date(2023, 4, 30)
    assert regels.einde_reintegratie(gevallen, 1) == date(2023, 4, 30)
    assert regels.einde_reintegratie(gevallen, 2) == date(2023, 6, 30)


def test_einde_reintegratie_open_zolang_het_geval_loopt():
    gevallen = [(date(2023, 1, 2), date(2023, 3, 1)), (date(2023, 3, 10), None)]
    assert regels.einde_reintegratie(gevallen, 0) is None
    assert regels.einde_reintegratie(gevallen, 1) is None


def test_reintegratiedossier_grens():
    assert REINTEGRATIEDOSSIER.bron == "DOMAIN §4.7"
    assert not regels.verlopen(date(2024, 2, 28), REINTEGRATIEDOSSIER, date(2026, 2, 28))
    assert regels.verlopen(date(2024, 2, 28), REINTEGRATIEDOSSIER, date(2026, 3, 1))
