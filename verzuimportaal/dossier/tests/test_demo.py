"""The dossier demo fills open spells so every phase shows something; loading twice is a no-op."""

from datetime import date

import pytest

from tests.factories import VerzuimgevalFactory, WerknemerFactory
from verzuimportaal.dossier.demo import laad_demo
from verzuimportaal.dossier.models import Activiteit, Document
from verzuimportaal.toegang.actor import Route

pytestmark = pytest.mark.django_db


@pytest.mark.klok("2026-11-23")
def test_demo_vult_dossiers_en_is_idempotent(werkgever_a):
    for dagen in (3, 20, 50, 70, 120, 400):
        w = WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)
        VerzuimgevalFactory(
            werknemer=w, eerste_ziektedag=date.fromordinal(date(2026, 11, 23).toordinal() - dagen)
        )
    assert laad_demo(vandaag=date(2026, 11, 23)) == 7
    aantal = Activiteit.objects.count()
    assert Activiteit.objects.filter(afgewerkt=True, type="probleemanalyse").exists()
    assert Activiteit.objects.filter(aangemaakt_via=Route.CASEMANAGER).exists()
    assert Activiteit.objects.filter(afgewerkt=False, deadline__lt=date(2026, 11, 23)).exists()
    assert Document.objects.exists()
    assert laad_demo(vandaag=date(2026, 11, 23)) == 0
    assert Activiteit.objects.count() == aantal
