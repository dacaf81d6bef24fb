"""A write boundary's transaction (ADR 0049): its follow-ups in one INSERT, and no savepoint when
it joins an all-or-nothing transaction, without changing what is stored."""

import contextlib
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from verzuimportaal.runtime.models import Uitgaand
from verzuimportaal.utils.taken import gebundeld, na_commit
from verzuimportaal.utils.transactie import schrijfgrens, zonder_savepoint

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("met_worker")]

DASHBOARD = "verzuimportaal.portaal.tasks.verwarm_dashboard"
BRIEF = "verzuimportaal.dossier.tasks.maak_ontvangstbevestiging"


@pytest.fixture
def met_worker(settings: Any) -> None:
    """As in production: the rows wait in the outbox for beat (no eager run after the commit)."""
    settings.CELERY_TASK_ALWAYS_EAGER = False


def _statements(vastgelegd: CaptureQueriesContext, begin: str) -> list[str]:
    return [q["sql"] for q in vastgelegd.captured_queries if q["sql"].startswith(begin)]


def _taken() -> list[tuple[str, list[object]]]:
    return [(u.taak, u.argumenten) for u in Uitgaand.objects.order_by("pk")]


@schrijfgrens
def _drie_vervolgen(*, weiger: bool = False) -> None:
    na_commit(DASHBOARD, 1)
    na_commit(BRIEF, 2)
    na_commit(DASHBOARD, 3)
    if weiger:
        raise ValidationError("geweigerd")


def test_vervolgen_van_een_schrijfgrens_met_een_insert_in_volgorde():
    with CaptureQueriesContext(connection) as vastgelegd:
        _drie_vervolgen()
    assert len(_statements(vastgelegd, 'INSERT INTO "runtime_uitgaand"')) == 1
    assert _taken() == [(DASHBOARD, [1]), (BRIEF, [2]), (DASHBOARD, [3])]


def test_geweigerde_schrijfgrens_laat_geen_vervolgen_achter():
    with pytest.raises(ValidationError):
        _drie_vervolgen(weiger=True)
    assert _taken() == []


def test_vervolg_in_genest_blok_gaat_mee_terug_met_dat_blok():
    """An atomic block inside the boundary may be rolled back on its own (caught refusal): a
    follow-up placed in it is written at once, so that rollback takes it back."""
    with transaction.atomic(), gebundeld():
        na_commit(DASHBOARD, 1)
        try:
            with transaction.atomic():
                na_commit(BRIEF, 2)
                raise ValidationError("binnenste geweigerd")
        except ValidationError:
            pass
        with transaction.atomic():
            na_commit(BRIEF, 3)
    assert _taken() == [(BRIEF, [3]), (DASHBOARD, [1])]


def test_buiten_een_schrijfgrens_direct_in_de_outbox():
    with transaction.atomic():
        na_commit(DASHBOARD, 7)
        assert _taken() == [(DASHBOARD, [7])]


def test_schrijfgrens_in_zonder_savepoint_zonder_savepoint_en_alles_of_niets():
    with transaction.atomic():
        with CaptureQueriesContext(connection) as vastgelegd, zonder_savepoint():
            _drie_vervolgen()
        assert _statements(vastgelegd, "SAVEPOINT") == []
        assert not transaction.get_rollback()
    assert len(_taken()) == 3

    with transaction.atomic():
        with zonder_savepoint(), pytest.raises(ValidationError):
            _drie_vervolgen(weiger=True)
        # Nothing to roll back to: the whole transaction can only be rolled back.
        assert transaction.get_rollback()
    assert len(_taken()) == 3


@schrijfgrens
def _buiten_vangt_binnen() -> None:
    na_commit(DASHBOARD, 1)
    with contextlib.suppress(ValidationError):
        _drie_vervolgen(weiger=True)
    na_commit(DASHBOARD, 4)


def test_schrijfgrens_binnen_een_schrijfgrens_houdt_zijn_savepoint():
    """Only the use case called directly joins without a savepoint; the one it calls keeps its
    own, so the outer one can catch its refusal and carry on."""
    with transaction.atomic():
        with CaptureQueriesContext(connection) as vastgelegd, zonder_savepoint():
            _buiten_vangt_binnen()
        assert len(_statements(vastgelegd, "SAVEPOINT")) == 1
        assert not transaction.get_rollback()
    assert _taken() == [(DASHBOARD, [1]), (DASHBOARD, [4])]


def test_zonder_savepoint_geldt_alleen_binnen_het_blok():
    with transaction.atomic():
        with zonder_savepoint():
            pass
        with CaptureQueriesContext(connection) as vastgelegd:
            _drie_vervolgen()
        assert len(_statements(vastgelegd, "SAVEPOINT")) == 1
