"""The marker ``klok`` freezes the fixtures and the test body on one day (ADR 0012)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from tests.factories import VerzuimgevalFactory


@pytest.fixture
def vandaag_in_fixture() -> date:
    return timezone.localdate()


@pytest.fixture
def geval_van_vandaag(db):
    return VerzuimgevalFactory(eerste_ziektedag=timezone.localdate())


@pytest.mark.klok("2028-02-29 12:00")
def test_fixtures_en_test_zien_dezelfde_dag(vandaag_in_fixture, geval_van_vandaag):
    assert vandaag_in_fixture == date(2028, 2, 29)
    assert geval_van_vandaag.eerste_ziektedag == date(2028, 2, 29)
    assert timezone.localdate() == date(2028, 2, 29)


@pytest.mark.klok("2026-12-31 22:59")
def test_klok_verzetten_in_de_test(klok, vandaag_in_fixture):
    assert vandaag_in_fixture == date(2026, 12, 31)  # 23:59 in Amsterdam
    klok.tick(timedelta(minutes=2))
    assert timezone.localdate() == date(2027, 1, 1)


def test_zonder_marker_de_klok_van_de_machine(klok):
    assert klok is None
