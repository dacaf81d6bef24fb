"""``manage.py bewaartermijnen``: the trial run prints counts per kind and changes nothing."""

from datetime import date
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from tests.factories import WerknemerFactory
from verzuimportaal.bewaartermijnen.models import Opschoonronde
from verzuimportaal.werknemers.models import Werknemer

pytestmark = [pytest.mark.klok("2026-11-23 12:00:00"), pytest.mark.django_db]


def _uitvoer(*args: str) -> str:
    uit = StringIO()
    call_command("bewaartermijnen", *args, stdout=uit)
    return uit.getvalue()


def test_proef_drukt_aantallen_per_soort_af_en_wijzigt_niets():
    werknemer = WerknemerFactory(
        datum_in_dienst=date(2015, 1, 1), datum_uit_dienst=date(2024, 1, 31)
    )
    tekst = _uitvoer("--proef")
    assert "PROEF, niets gewijzigd" in tekst
    assert "regel verzuimgegevens: 2 jaar na de laatste dag in dienst (DOMAIN §4.7)" in tekst
    regel = next(r for r in tekst.splitlines() if "werknemers geanonimiseerd" in r)
    assert regel.split()[-1] == "1"
    werknemer.refresh_from_db()
    assert werknemer.geanonimiseerd_op is None
    assert Opschoonronde.objects.get().proef


def test_zonder_proef_uitgevoerd():
    WerknemerFactory(datum_in_dienst=date(2015, 1, 1), datum_uit_dienst=date(2024, 1, 31))
    tekst = _uitvoer()
    assert "(uitgevoerd)" in tekst
    assert Werknemer.objects.filter(geanonimiseerd_op__isnull=False).count() == 1


def test_proef_op_een_andere_peildatum():
    WerknemerFactory(datum_in_dienst=date(2015, 1, 1), datum_uit_dienst=date(2024, 11, 30))
    tekst = _uitvoer("--proef", "--peildatum", "2026-12-01")
    assert "01-12-2026" in tekst
    assert next(r for r in tekst.splitlines() if "werknemers geanonimiseerd" in r).endswith(" 1")


def test_peildatum_alleen_met_proef_en_geldig():
    with pytest.raises(CommandError, match="alleen met --proef"):
        _uitvoer("--peildatum", "2026-12-01")
    with pytest.raises(CommandError, match="JJJJ-MM-DD"):
        _uitvoer("--proef", "--peildatum", "1-12-2026")


def test_nachtelijke_taak_staat_in_beat():
    taak = settings.CELERY_BEAT_SCHEDULE["bewaartermijnen-opschonen"]
    assert taak["task"] == "verzuimportaal.bewaartermijnen.tasks.schoon_op_task"


def test_nachtelijke_taak_schoont_op():
    from verzuimportaal.bewaartermijnen.tasks import schoon_op_task

    WerknemerFactory(datum_in_dienst=date(2015, 1, 1), datum_uit_dienst=date(2024, 1, 31))
    assert schoon_op_task.apply().get()["werknemers_geanonimiseerd"] == 1
    assert Opschoonronde.objects.get().door.startswith("Celery beat")
