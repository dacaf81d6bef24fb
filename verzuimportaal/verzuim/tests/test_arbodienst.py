"""Issue 17 point 12, seed 004: a new ziekmelding reaches the casemanager and the arbodienst at
once (an arbeidsconflict is flagged), and the werkgever sees when to expect the call of the
verzuimconsultant: within four working days, on the page, in the confirmation and in the PDF."""

from datetime import date

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from conftest import ingelogde_client
from tests.factories import GebruikerFactory, WerknemerFactory
from tests.html import tekst
from verzuimportaal.dossier.brieven import brief_html
from verzuimportaal.machtigingen.tests.factories import CasemanagertoewijzingFactory
from verzuimportaal.runtime.models import Uitgaand
from verzuimportaal.verzuim import arbodienst, service

pytestmark = pytest.mark.klok("2026-11-26 10:00")  # a Thursday


def test_vier_werkdagen_over_het_weekend():
    # Thu 26-11 → Fri 27, Mon 30, Tue 1, Wed 2 December.
    assert arbodienst.contact_uiterlijk(timezone.now()) == date(2026, 12, 2)


@pytest.fixture
def casemanager(werkgever_a):
    return CasemanagertoewijzingFactory(
        werkgever=werkgever_a.werkgever, gebruiker=GebruikerFactory(email="Cm@Arbo.example")
    )


def test_ziekmelding_met_conflict_gaat_naar_casemanager_en_arbodienst(
    werkgever_a, casemanager, settings
):
    settings.ARBODIENST_EMAIL = "meldingen@arbo.example"
    CasemanagertoewijzingFactory(
        werkgever=werkgever_a.werkgever,
        gebruiker=GebruikerFactory(email="oud@arbo.example"),
        actief=False,
    )
    werknemer = WerknemerFactory(
        loonheffingennummer=werkgever_a.loonheffingennummer, voornaam="Aisha", achternaam="Bakker"
    )
    geval = service.meld_ziek(
        door=werkgever_a.actor,
        werknemer=werknemer,
        eerste_ziektedag=date(2026, 11, 26),
        arbeidsconflict=True,
    )
    assert Uitgaand.objects.filter(taak="verzuimportaal.verzuim.tasks.meld_aan_arbodienst").exists()

    assert arbodienst.meld(verzuimgeval_id=geval.pk) == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["cm@arbo.example", "meldingen@arbo.example"]
    bericht = mail.outbox[0]
    assert geval.verzuimnummer in bericht.subject and "arbeidsconflict" in bericht.subject
    assert "Neem snel contact op met de werknemer" in bericht.body
    assert "uiterlijk op 02-12-2026" in bericht.body
    for geheim in (str(werknemer.bsn), "Aisha", "Bakker"):  # DOMAIN §9: no personal data by e-mail
        assert geheim not in f"{bericht.subject} {bericht.body}"


def test_zonder_casemanager_en_arbodienstadres_geen_mail(werkgever_a, settings):
    settings.ARBODIENST_EMAIL = ""
    werknemer = WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)
    service.meld_ziek(
        door=werkgever_a.actor, werknemer=werknemer, eerste_ziektedag=date(2026, 11, 26)
    )
    assert not Uitgaand.objects.filter(taak="verzuimportaal.verzuim.tasks.meld_aan_arbodienst")
    assert arbodienst.meld(verzuimgeval_id=werkgever_a.verzuimgeval.pk) == 0
    assert mail.outbox == []


def test_verwachting_op_de_pagina_en_in_de_ontvangstbevestiging(werkgever_a):
    werknemer = WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)
    client = ingelogde_client(werkgever_a.lidmaatschap)
    antwoord = client.post(
        reverse("verzuim:ziek_melden", args=[werknemer.uuid]),
        {
            "eerste_ziektedag_dag": "26",
            "eerste_ziektedag_maand": "11",
            "eerste_ziektedag_jaar": "2026",
            "vangnet": "nee",
        },
        follow=True,
    )
    pagina = tekst(antwoord)
    assert "uiterlijk op 02-12-2026" in pagina  # the confirmation message
    assert (
        "De verzuimconsultant neemt binnen vier werkdagen contact met u op, uiterlijk op "
        "02-12-2026." in pagina
    )
    geval = werknemer.verzuimgevallen.get()
    brief = brief_html(geval.mutaties.get())
    assert "binnen vier werkdagen contact met u op, uiterlijk op 02-12-2026" in brief


@pytest.mark.klok("2026-12-03 10:00")
def test_na_de_termijn_geen_verwachting_meer_op_de_pagina(werkgever_a):
    client = ingelogde_client(werkgever_a.lidmaatschap)
    werkgever_a.verzuimgeval.gemeld_op = werkgever_a.verzuimgeval.gemeld_op.replace(
        year=2026, month=11, day=26
    )
    werkgever_a.verzuimgeval.save(update_fields=["gemeld_op"])
    pagina = client.get(reverse("verzuim:detail", args=[werkgever_a.verzuimgeval.uuid]))
    assert b'data-testid="arbodienst"' not in pagina.content
