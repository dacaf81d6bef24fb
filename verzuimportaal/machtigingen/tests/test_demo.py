from datetime import date

import pytest
from django.contrib.auth.models import User
from django.core import mail

from tests.factories import LidmaatschapFactory, WerkgeverFactory
from verzuimportaal.machtigingen import demo
from verzuimportaal.machtigingen.models import Adviseurtoegang, Casemanagertoewijzing, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def demowerkgevers():
    for kvk, account in (
        (demo.BAKKERIJ, "demo-bakkerij"),
        (demo.ZORGGROEP, "demo-zorggroep"),
        (demo.INSTALLATIE, "demo-installatie"),
    ):
        LidmaatschapFactory(
            werkgever=WerkgeverFactory(kvk_nummer=kvk),
            gebruiker__username=account,
            gebruiker__email=f"{account}@example.com",
        )


def test_demo_laadt_toegang_in_elke_stand_en_is_idempotent(demowerkgevers):
    regels = demo.laad_demo(vandaag=date(2026, 11, 23))
    assert len(regels) == 1 and "?t=" in regels[0]  # the pending request's link is printed
    assert not mail.outbox

    assert demo.laad_demo(vandaag=date(2026, 11, 23)) == []
    standen = sorted(
        Adviseurtoegang.objects.values_list("werkgever__kvk_nummer", "status", "niveau")
    )
    assert standen == sorted(
        [
            (demo.BAKKERIJ, Status.ACTIEF, "bekijken"),
            (demo.INSTALLATIE, Status.ACTIEF, "wijzigen"),
            (demo.ZORGGROEP, Status.WACHT_OP_BEVESTIGING, "bekijken"),
            (demo.INSTALLATIE, Status.INGETROKKEN, "wijzigen"),
        ]
    )
    assert User.objects.get(username="demo-adviseur").check_password(demo.WACHTWOORD)
    assert Casemanagertoewijzing.objects.filter(gebruiker__username="demo-casemanager").count() == 2
