"""Attachments of a case (ADR 0028): served only through access-checked views, as a download,
audited; the werkgever's answer to a question may carry a document checked by content."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conftest import ingelogde_gebruiker
from verzuimportaal.aanvragen.models import Bijlage, Status
from verzuimportaal.aanvragen.tests.factories import PDF, bijlage_van, zaak_van
from verzuimportaal.audit.models import Actie, Auditregel
from verzuimportaal.toegang.actor import beheerder

pytestmark = pytest.mark.klok("2026-11-23")


def test_werkgever_downloadt_bijlage_van_eigen_zaak(werkgever_a, eigenaar, buitenstaander):
    bijlage = bijlage_van(werkgever_a)
    response = eigenaar.get(reverse("aanvragen:bijlage", args=[bijlage.uuid]))
    assert response.status_code == 200 and response.content == PDF
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert Auditregel.objects.filter(
        object_type="bijlage", object_id=str(bijlage.uuid), actie=Actie.DOWNLOADEN
    ).exists()
    assert buitenstaander.get(reverse("aanvragen:bijlage", args=[bijlage.uuid])).status_code == 404


def test_behandelaar_downloadt_in_het_log_van_de_werkgever(werkgever_a, behandelaar, eigenaar):
    bijlage = bijlage_van(werkgever_a)
    response = ingelogde_gebruiker(behandelaar).get(
        reverse("behandeling:bijlage", args=[bijlage.uuid])
    )
    assert response.status_code == 200 and response.content == PDF
    regel = Auditregel.objects.get(object_type="bijlage", actie=Actie.DOWNLOADEN)
    assert regel.werkgever == werkgever_a.werkgever and "Behandelaar" in regel.weergavenaam
    assert eigenaar.get(reverse("behandeling:bijlage", args=[bijlage.uuid])).status_code == 403


def test_antwoord_met_document_via_de_pagina(werkgever_a, eigenaar, behandelaar):
    from verzuimportaal.aanvragen import service

    zaak = service.vraag_informatie(
        door=beheerder(behandelaar), zaak=zaak_van(werkgever_a), vraag="Stuur de beschikking."
    )
    adres = reverse("aanvragen:beantwoorden", args=[zaak.uuid])
    assert "Stuur de beschikking." in eigenaar.get(adres).content.decode()
    fout = eigenaar.post(
        adres,
        {"antwoord": "Bijgevoegd.", "bijlage": SimpleUploadedFile("x.pdf", b"GIF89a....")},
    )
    assert fout.status_code == 200 and "Dit soort bestand" in fout.content.decode()
    assert not Bijlage.objects.exists()
    response = eigenaar.post(
        adres, {"antwoord": "Bijgevoegd.", "bijlage": SimpleUploadedFile("beschikking.pdf", PDF)}
    )
    assert response.status_code == 302
    zaak.refresh_from_db()
    assert zaak.status == Status.IN_BEHANDELING
    assert Bijlage.objects.get(zaak=zaak).naam == "beschikking.pdf"
