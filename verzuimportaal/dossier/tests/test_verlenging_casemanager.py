"""A casemanager does not record a loonsanctie or a voluntary extension (ADR 0016 §casemanager):
both move legal deadlines and the end of loondoorbetaling, which is the werkgever's decision."""

import pytest
from django.core.exceptions import PermissionDenied
from freezegun import freeze_time

from verzuimportaal.dossier import rechten, service
from verzuimportaal.dossier.models import Termijnverlenging, VerlengingSoort
from verzuimportaal.dossier.tests.factories import casemanager

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _bevroren():
    with freeze_time("2026-11-23"):
        yield


@pytest.mark.parametrize("soort", [VerlengingSoort.LOONSANCTIE, VerlengingSoort.VERLENGING])
def test_casemanager_mag_geen_loonsanctie_of_uitstel_vastleggen(werkgever_a, soort):
    door = casemanager(werkgever_a.werkgever)
    with pytest.raises(PermissionDenied) as fout:
        service.leg_verlenging_vast(
            door=door, verzuimgeval=werkgever_a.verzuimgeval, soort=soort, weken=13
        )
    assert "werkgever" in str(fout.value)
    assert not Termijnverlenging.objects.exists()
    assert not rechten.mag_verlenging_vastleggen(door)
    # The casemanager still records its own activities (seed 004).
    assert rechten.mag_dossier_wijzigen(door)


def test_werkgever_legt_verlenging_wel_vast(werkgever_a):
    assert rechten.mag_verlenging_vastleggen(werkgever_a.actor)
    service.leg_verlenging_vast(
        door=werkgever_a.actor,
        verzuimgeval=werkgever_a.verzuimgeval,
        soort=VerlengingSoort.LOONSANCTIE,
        weken=13,
    )
    assert Termijnverlenging.objects.get().weken == 13
