"""Demo without a worker: follow-up tasks run after the response (issue: a ziekmelding took
about 2.3 s in the demo because the receipt pdf was made inside the request)."""

import pytest
from django.core.signals import request_finished
from django.db import close_old_connections
from django.http.response import HttpResponseBase
from django.urls import reverse

from conftest import Omgeving, ingelogde_client
from tests.factories import WerknemerFactory
from verzuimportaal.dossier.models import Ontvangstbevestiging
from verzuimportaal.runtime.models import Uitgaand

pytestmark = pytest.mark.klok("2026-11-23 10:00")


def test_brief_wordt_pas_na_het_antwoord_gemaakt(
    werkgever_a: Omgeving, settings, prive_opslag, django_capture_on_commit_callbacks, monkeypatch
):
    settings.DOSSIER_ONTVANGSTBEVESTIGINGEN = True
    settings.TAKEN_NA_HET_ANTWOORD = True
    gezond = WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)
    Uitgaand.objects.all().delete()
    client = ingelogde_client(werkgever_a.lidmaatschap)
    # The test client closes the response as a WSGI server does after sending it, which fires
    # request_finished; hold that back to look at the moment the response is complete.
    monkeypatch.setattr(HttpResponseBase, "close", lambda self: None)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("verzuim:ziek_melden", args=[gezond.uuid]),
            {"eerste_ziektedag": "2026-11-20", "vangnet": "nee"},
        )
    assert response.status_code == 302
    assert not Ontvangstbevestiging.objects.exists()  # not made inside the request
    assert Uitgaand.objects.exists()

    monkeypatch.undo()
    request_finished.disconnect(close_old_connections)  # as the test client does
    try:
        request_finished.send(sender=None)  # the server has sent the response
    finally:
        request_finished.connect(close_old_connections)

    assert Ontvangstbevestiging.objects.count() == 1
    assert not Uitgaand.objects.exists()
