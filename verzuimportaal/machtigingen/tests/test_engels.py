"""Access pages, messages and the confirmation e-mail with English active (ADR 0044)."""

import pytest
from django.conf import settings
from django.core import mail

from tests.html import tekst

from .factories import AdviseurFactory, AdviseurtoegangFactory
from .test_views import OVERZICHT, VERLENEN, aanvragen, emailadressen  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def engels(eigenaar):
    eigenaar.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return eigenaar


def test_wie_heeft_toegang_in_het_engels(werkgever_a, engels):
    AdviseurtoegangFactory(werkgever=werkgever_a.werkgever, adviseur__naam="Advies A")
    AdviseurtoegangFactory(
        werkgever=werkgever_a.werkgever, adviseur__naam="Wacht", onbevestigd=True
    )

    inhoud = tekst(engels.get(OVERZICHT))

    assert f"Who has access to {werkgever_a.werkgever.naam}" in inhoud
    assert "Advisors with access or a pending request" in inhoud
    assert "Awaiting confirmation" in inhoud
    assert "Accounts of your organisation" in inhoud
    assert "Grant access to an advisor" in inhoud
    for nederlands in ("Wie heeft toegang", "Wacht op bevestiging", "Adviseurs", "Intrekken"):
        assert nederlands not in inhoud


def test_aanvragen_in_het_engels_met_engelse_mail_en_melding(
    engels, django_capture_on_commit_callbacks
):
    formulier = tekst(engels.get(VERLENEN))
    assert "Grant access to your advisor" in formulier
    assert "Your advisor's KvK number" in formulier
    assert "Toegang verlenen" not in formulier

    adviseur = AdviseurFactory()
    response = aanvragen(engels, adviseur.kvk_nummer, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert mail.outbox[-1].subject == "Confirm access for your advisor in the Verzuimportaal"
    assert mail.outbox[-1].body.startswith("Dear Sir or Madam,")
    assert f"the advisor {adviseur.naam}" in mail.outbox[-1].body
    overzicht = tekst(engels.get(OVERZICHT))
    assert f"The request for {adviseur.naam} has been saved." in overzicht


def test_onbekende_adviseur_is_een_engelse_formulierfout(
    engels, django_capture_on_commit_callbacks
):
    response = aanvragen(engels, "99887766", django_capture_on_commit_callbacks)

    assert "This KvK number is not known as an advisor" in tekst(response)
    assert not mail.outbox


def test_mail_blijft_nederlands_zonder_taalkeuze(eigenaar, django_capture_on_commit_callbacks):
    aanvragen(eigenaar, AdviseurFactory().kvk_nummer, django_capture_on_commit_callbacks)

    assert mail.outbox[-1].subject == "Bevestig de toegang voor uw adviseur in het Verzuimportaal"
