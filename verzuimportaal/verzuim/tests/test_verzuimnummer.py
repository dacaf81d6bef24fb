"""Verzuimnummers per werkgever per year (``YYYY-NNNNN``); older numbers keep their value."""

import importlib
from datetime import date

import pytest
from django.apps import apps

from tests.factories import (
    LidmaatschapFactory,
    LoonheffingennummerFactory,
    VerzuimgevalFactory,
    WerknemerFactory,
    actor_voor,
)
from verzuimportaal.verzuim import service
from verzuimportaal.verzuim.models import Nummerreeks

pytestmark = pytest.mark.klok("2026-11-23")

migratie = importlib.import_module(
    "verzuimportaal.verzuim.migrations.0006_verzuimnummer_per_werkgever"
)


def _ziek(werkgever_omgeving, dag: date) -> str:
    lhnr, actor = werkgever_omgeving
    werknemer = WerknemerFactory(loonheffingennummer=lhnr, datum_in_dienst=date(2020, 1, 1))
    geval = service.meld_ziek(door=actor, werknemer=werknemer, eerste_ziektedag=dag)
    return geval.verzuimnummer


@pytest.fixture
def werkgever_omgevingen(db):
    omgevingen = []
    for _ in range(2):
        lhnr = LoonheffingennummerFactory()
        omgevingen.append((lhnr, actor_voor(LidmaatschapFactory(werkgever=lhnr.werkgever))))
    return omgevingen


def test_elke_werkgever_telt_zijn_eigen_verzuimnummers_per_jaar(werkgever_omgevingen):
    a, b = werkgever_omgevingen
    assert _ziek(a, date(2026, 11, 2)) == "2026-00001"
    assert _ziek(a, date(2026, 11, 3)) == "2026-00002"
    assert _ziek(b, date(2026, 11, 3)) == "2026-00001"  # B learns nothing of A's volume
    assert _ziek(a, date(2025, 12, 30)) == "2025-00001"
    assert _ziek(b, date(2026, 11, 4)) == "2026-00002"
    sleutels = set(Nummerreeks.objects.values_list("sleutel", flat=True))
    assert sleutels == {
        f"verzuim-{a[0].werkgever_id}-2026",
        f"verzuim-{a[0].werkgever_id}-2025",
        f"verzuim-{b[0].werkgever_id}-2026",
    }


def test_migratie_houdt_bestaande_nummers_en_telt_per_werkgever_verder(werkgever_omgevingen):
    a, b = werkgever_omgevingen
    for lhnr, nummer in [(a[0], "2026-00001"), (b[0], "2026-00002"), (a[0], "2026-00003")]:
        VerzuimgevalFactory(
            werknemer=WerknemerFactory(loonheffingennummer=lhnr),
            verzuimnummer=nummer,
            eerste_ziektedag=date(2026, 1, 5),
        )
    Nummerreeks.objects.all().delete()
    Nummerreeks.objects.create(sleutel="verzuim-2026", laatste=3)  # the portal-wide counter

    migratie.vul_werkgevers_en_reeksen(apps, None)

    assert dict(Nummerreeks.objects.values_list("sleutel", "laatste")) == {
        f"verzuim-{a[0].werkgever_id}-2026": 3,
        f"verzuim-{b[0].werkgever_id}-2026": 2,
    }
    assert _ziek(a, date(2026, 11, 2)) == "2026-00004"
    assert _ziek(b, date(2026, 11, 2)) == "2026-00003"
