"""``lees_samen``: several querysets in one query give the same rows as the ORM (ADR 0037)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from verzuimportaal.storingen.models import Storingsmelding
from verzuimportaal.utils.gebundeld import lees_samen
from verzuimportaal.voorwaarden.models import Voorwaardenversie

pytestmark = [pytest.mark.django_db, pytest.mark.klok("2026-11-23")]
AMS = ZoneInfo("Europe/Amsterdam")


def _velden(obj, namen):
    return tuple(getattr(obj, n) for n in namen)


def test_zelfde_rijen_en_volgorde_als_de_orm_in_een_query():
    begin = datetime(2026, 11, 20, 9, 30, 15, 123456, tzinfo=AMS)
    for i, onderbreking in enumerate((False, True, False)):
        Storingsmelding.objects.create(
            titel=f"Storing {i}",
            tekst="Tekst met 'aanhalingstekens' en é",
            begin=begin + timedelta(hours=i),
            verwacht_einde=None if i else begin + timedelta(days=5),
            onderbreking=onderbreking,
        )
    Storingsmelding.objects.create(titel="Voorbij", begin=begin, einde=begin + timedelta(hours=1))
    for nummer, ingang in (("2.0", date(2026, 6, 1)), ("1.0", date(2025, 1, 1))):
        Voorwaardenversie.objects.create(
            nummer=nummer, tekst="lang", gepubliceerd_op=ingang, ingangsdatum=ingang
        )
    storingen = Storingsmelding.objects.zichtbaar()
    versies = Voorwaardenversie.objects.defer("tekst").order_by("ingangsdatum")
    eerste = Voorwaardenversie.objects.order_by("-ingangsdatum")[:1]

    with CaptureQueriesContext(connection) as queries:
        gebundeld = lees_samen(storingen, versies, eerste, Storingsmelding.objects.none())
    assert len(queries) == 1

    velden_s = [f.attname for f in Storingsmelding._meta.concrete_fields]
    assert [_velden(s, velden_s) for s in gebundeld[0]] == [_velden(s, velden_s) for s in storingen]
    assert [s.titel for s in gebundeld[0]] == ["Storing 1", "Storing 0", "Storing 2"]
    assert gebundeld[0][1].verwacht_einde == begin + timedelta(days=5)
    assert [(v.nummer, v.ingangsdatum) for v in gebundeld[1]] == [
        ("1.0", date(2025, 1, 1)),
        ("2.0", date(2026, 6, 1)),
    ]
    assert "tekst" in gebundeld[1][0].get_deferred_fields()
    assert [v.nummer for v in gebundeld[2]] == ["2.0"]
    assert gebundeld[2][0].tekst == "lang"
    assert gebundeld[3] == []


def test_alleen_gewone_querysets():
    with pytest.raises(ValueError):
        lees_samen(Storingsmelding.objects.select_related("aangemaakt_door"))
    with pytest.raises(ValueError):
        lees_samen(Storingsmelding.objects.values("titel"))
