"""Ontvangstbevestiging after a melding: PDF in the inbox, once, never breaking the melding."""

from datetime import date, timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from verzuimportaal.berichten.models import Bericht
from verzuimportaal.dossier import brieven
from verzuimportaal.dossier.models import Ontvangstbevestiging
from verzuimportaal.verzuim import service as verzuim_service
from verzuimportaal.verzuim.models import Verzuimgeval

pytestmark = [pytest.mark.django_db, pytest.mark.klok("2026-11-23 10:00")]


@pytest.fixture(autouse=True)
def _ontvangstbevestigingen_aan(settings):
    settings.DOSSIER_ONTVANGSTBEVESTIGINGEN = True  # off in conf/ci.py for all other tests


def _meld_ziek(omgeving, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return verzuim_service.meld_ziek(
            door=omgeving.actor, werknemer=omgeving.gezond, eerste_ziektedag=date(2026, 11, 20)
        )


@pytest.fixture
def omgeving(werkgever_a):
    from tests.factories import werknemer_bij

    werkgever_a.gezond = werknemer_bij(werkgever_a)
    return werkgever_a


def test_ziekmelding_geeft_pdf_brief_in_de_inbox_zonder_bsn(
    omgeving, django_capture_on_commit_callbacks
):
    geval = _meld_ziek(omgeving, django_capture_on_commit_callbacks)
    bericht = Bericht.objects.get(verzuimgeval=geval)
    assert bericht.soort == "brief" and bericht.werkgever == omgeving.werkgever
    assert "Ontvangstbevestiging ziekmelding" in bericht.onderwerp
    assert bericht.document.read().startswith(b"%PDF")
    html = brieven.brief_html(geval.mutaties.get())
    assert omgeving.gezond.bsn not in html and geval.verzuimnummer in html


def test_nogmaals_uitvoeren_plaatst_geen_tweede_brief(omgeving, django_capture_on_commit_callbacks):
    geval = _meld_ziek(omgeving, django_capture_on_commit_callbacks)
    mutatie = geval.mutaties.get()
    assert brieven.stuur_ontvangstbevestiging(mutatie_id=mutatie.pk) is False
    assert Bericht.objects.filter(verzuimgeval=geval).count() == 1
    assert Ontvangstbevestiging.objects.filter(mutatie=mutatie).count() == 1


def test_falende_pdf_breekt_de_melding_niet(
    omgeving, django_capture_on_commit_callbacks, monkeypatch
):
    def kapot(html: str) -> bytes:
        raise OSError("WeasyPrint kapot")

    monkeypatch.setattr(brieven, "maak_pdf", kapot)
    geval = _meld_ziek(omgeving, django_capture_on_commit_callbacks)
    assert Verzuimgeval.objects.filter(pk=geval.pk).exists()
    assert not Bericht.objects.filter(verzuimgeval=geval).exists()
    assert not Ontvangstbevestiging.objects.exists()


def test_herstelmelding_krijgt_eigen_brief(omgeving, django_capture_on_commit_callbacks):
    geval = _meld_ziek(omgeving, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        verzuim_service.meld_volledig_hersteld(
            door=omgeving.actor, verzuimgeval=geval, hersteldatum=date(2026, 11, 23)
        )
    onderwerpen = set(
        Bericht.objects.filter(verzuimgeval=geval).values_list("onderwerp", flat=True)
    )
    assert f"Ontvangstbevestiging herstelmelding {geval.verzuimnummer}" in onderwerpen


def test_oude_melding_krijgt_geen_brief(omgeving):
    geval = verzuim_service.meld_ziek(
        door=omgeving.actor, werknemer=omgeving.gezond, eerste_ziektedag=date(2026, 11, 20)
    )
    mutatie = geval.mutaties.get()
    mutatie.geregistreerd_op = timezone.now() - timedelta(days=3)  # imported history (demo)
    mutatie.save()
    assert brieven.stuur_ontvangstbevestiging(mutatie_id=mutatie.pk) is False


@override_settings(DOSSIER_ONTVANGSTBEVESTIGINGEN=False)
def test_uitgeschakeld_geen_brief(omgeving, django_capture_on_commit_callbacks):
    geval = _meld_ziek(omgeving, django_capture_on_commit_callbacks)
    assert not Bericht.objects.filter(verzuimgeval=geval).exists()


def test_brief_in_de_taal_van_wie_meldde(omgeving, django_capture_on_commit_callbacks, monkeypatch):
    """ADR 0044: the letter and its inbox entry are in the reporter's chosen language."""
    from verzuimportaal.accounts import service as accounts
    from verzuimportaal.toegang.actor import accounthouder

    accounts.kies_taal(door=accounthouder(omgeving.lidmaatschap.gebruiker), taal="en")
    gemaakt: list[str] = []
    echte_pdf = brieven.maak_pdf

    def maak_pdf(html: str) -> bytes:
        gemaakt.append(html)
        return echte_pdf(html)

    monkeypatch.setattr(brieven, "maak_pdf", maak_pdf)

    geval = _meld_ziek(omgeving, django_capture_on_commit_callbacks)

    bericht = Bericht.objects.get(verzuimgeval=geval)
    assert bericht.onderwerp == f"Acknowledgement of sickness report {geval.verzuimnummer}"
    assert bericht.tekst.startswith("Attached you will find the acknowledgement of sickness")
    assert '<html lang="en">' in gemaakt[0]
    assert "We have received your sickness report." in gemaakt[0]
    assert "Wij hebben" not in gemaakt[0]
