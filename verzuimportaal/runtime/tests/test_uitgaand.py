"""Broker away during a ziekmelding: the melding is stored; its letter, e-mail and dashboard
refresh wait in the outbox and all go out once the broker is back (ADR 0019)."""

import pytest
from celery.app.task import Task
from django.core import mail
from django.urls import reverse
from kombu.exceptions import OperationalError

from conftest import Omgeving, ingelogde_client
from tests.factories import WerknemerFactory
from verzuimportaal.dossier.models import Ontvangstbevestiging
from verzuimportaal.runtime import uitgaand
from verzuimportaal.runtime.models import Uitgaand
from verzuimportaal.verzuim.models import Verzuimgeval

pytestmark = pytest.mark.klok("2026-11-23 10:00")

BRIEF = "verzuimportaal.dossier.tasks.maak_ontvangstbevestiging"
DASHBOARD = "verzuimportaal.portaal.tasks.verwarm_dashboard"
NOTIFICATIE = "verzuimportaal.berichten.tasks.verstuur_notificatie"


def test_broker_weg_melding_bewaard_en_vervolg_later_precies_eenmaal(
    werkgever_a: Omgeving, settings, monkeypatch, prive_opslag, django_capture_on_commit_callbacks
):
    settings.DOSSIER_ONTVANGSTBEVESTIGINGEN = True
    settings.DASHBOARD_VOORVERWARMEN = True
    monkeypatch.setattr(
        "verzuimportaal.berichten.tasks.notificatieadressen", lambda werkgever: ["hr@example.nl"]
    )
    gezond = WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)
    Uitgaand.objects.all().delete()  # what the factories caused is not this test's subject
    client = ingelogde_client(werkgever_a.lidmaatschap)

    def broker_weg(self, *args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    with monkeypatch.context() as storing:
        storing.setattr(Task, "apply_async", broker_weg)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("verzuim:ziek_melden", args=[gezond.uuid]),
                {"eerste_ziektedag": "2026-11-20", "vangnet": "nee"},
            )
        assert response.status_code == 302
        geval = Verzuimgeval.objects.get(werknemer=gezond)
        assert sorted(Uitgaand.objects.values_list("taak", flat=True)) == [BRIEF, DASHBOARD]
        assert not Ontvangstbevestiging.objects.exists()
        # The beat task runs meanwhile: nothing is lost, nothing is sent.
        assert uitgaand.verstuur() == 0
        assert Uitgaand.objects.count() == 2

    # The broker is back: the next beat run sends letter and refresh; the letter's e-mail
    # notification goes through the outbox as well.
    with django_capture_on_commit_callbacks(execute=True):
        assert uitgaand.verstuur() == 2
    assert Ontvangstbevestiging.objects.filter(mutatie__verzuimgeval=geval).count() == 1
    assert [m.to for m in mail.outbox] == [["hr@example.nl"]]
    assert not Uitgaand.objects.exists()

    # A second run (or a duplicate delivery) changes nothing.
    assert uitgaand.verstuur() == 0
    assert Ontvangstbevestiging.objects.filter(mutatie__verzuimgeval=geval).count() == 1
    assert len(mail.outbox) == 1
