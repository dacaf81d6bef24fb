"""Slips a new user ran into: /beheer/ for a non-staff user, 403 tracebacks in the log, a
double full stop after "B.V.", a double "(casemanager)", references to articles that do not
exist in the terms, "(optioneel) (niet verplicht)"."""

import logging

import pytest
from django.urls import reverse

from conftest import ingelogde_client
from tests.html import tekst
from verzuimportaal.blokkades.forms import MisbruikmeldingForm
from verzuimportaal.machtigingen.forms import ToegangVerlenenForm
from verzuimportaal.voorwaarden.forms import AcceptatieForm
from verzuimportaal.werkgevers.models import Werkgever

pytestmark = [pytest.mark.django_db, pytest.mark.klok("2026-11-23")]


def test_beheer_geeft_403_aan_wie_geen_beheerder_is(werkgever_a):
    client = ingelogde_client(werkgever_a.lidmaatschap)
    response = client.get("/beheer/", follow=True)  # a redirect loop raises RedirectCycleError
    assert response.status_code == 403
    assert "alleen voor de beheerders van het portaal" in tekst(response)


def test_weigering_komt_zonder_traceback_in_het_log(werkgever_a, caplog):
    client = ingelogde_client(werkgever_a.lidmaatschap)
    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert client.get("/beheer/").status_code in (302, 403)
        assert client.get("/beheer/login/").status_code == 403
    regels = [r for r in caplog.records if r.name == "django.request"]
    assert regels and all(r.exc_info is None for r in regels)
    assert "Forbidden" in regels[-1].getMessage()


def test_geen_dubbele_punt_na_bv(werkgever_a):
    Werkgever.objects.filter(pk=werkgever_a.werkgever.pk).update(naam="Bakkerij Dubbel B.V.")
    response = ingelogde_client(werkgever_a.lidmaatschap).get(reverse("berichten:inbox"))
    assert "B.V.." not in tekst(response)


def test_geen_verwijzing_naar_niet_bestaande_artikelen_en_geen_dubbel_optioneel():
    assert "artikel" not in str(AcceptatieForm().fields["notificatie_email"].help_text)
    for form in (MisbruikmeldingForm, ToegangVerlenenForm):
        assert not any("(optioneel)" in str(v.label) for v in form.base_fields.values())
