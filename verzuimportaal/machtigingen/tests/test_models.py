import pytest
from django.db import IntegrityError, transaction

from verzuimportaal.machtigingen.models import Adviseur, Status
from verzuimportaal.machtigingen.tests.factories import (
    AdviseurFactory,
    AdviseurtoegangFactory,
    CasemanagertoewijzingFactory,
)

pytestmark = pytest.mark.django_db


def test_een_levende_toegang_per_werkgever_en_adviseur():
    toegang = AdviseurtoegangFactory(onbevestigd=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        AdviseurtoegangFactory(werkgever=toegang.werkgever, adviseur=toegang.adviseur)
    # a revoked grant does not count: it may be granted again
    AdviseurtoegangFactory(werkgever=toegang.werkgever, adviseur=toegang.adviseur, ingetrokken=True)
    toegang.status = Status.INGETROKKEN
    toegang.save()
    AdviseurtoegangFactory(werkgever=toegang.werkgever, adviseur=toegang.adviseur)


def test_alleen_actieve_adviseurs_met_gecontroleerde_vergunning_zijn_selecteerbaar():
    goed = AdviseurFactory()
    AdviseurFactory(actief=False)
    AdviseurFactory(vergunning_gecontroleerd_op=None)
    assert list(Adviseur.objects.selecteerbaar()) == [goed]


def test_casemanager_een_toewijzing_per_werkgever():
    toewijzing = CasemanagertoewijzingFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        CasemanagertoewijzingFactory(gebruiker=toewijzing.gebruiker, werkgever=toewijzing.werkgever)
