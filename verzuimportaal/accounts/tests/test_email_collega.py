"""Issue 17 point 12 (seed 004, "Ik ontvang de verificatiecode op het verkeerde e-mailadres"):
the hoofdcontactpersoon changes a colleague's e-mail address in Rechtenbeheer."""

import pytest
from django.core import mail
from django.urls import reverse

from conftest import ingelogde_client
from tests.factories import GebruikerFactory, LidmaatschapFactory, WerkgeverFactory
from tests.html import tekst
from verzuimportaal.audit.models import Auditregel
from verzuimportaal.toegang.diensten import Dienst

from .hulp import WACHTWOORD


@pytest.fixture
def hoofdcontactpersoon(werkgever_a):
    werkgever_a.lidmaatschap.hoofdcontactpersoon = True
    werkgever_a.lidmaatschap.save(update_fields=["hoofdcontactpersoon"])
    return ingelogde_client(werkgever_a.lidmaatschap)


def _collega(werkgever_a, email: str = "oud@bakkerij.example"):
    return LidmaatschapFactory(
        werkgever=werkgever_a.werkgever,
        gebruiker=GebruikerFactory(email=email),
        rechten=[Dienst.VERZUIM_MELDEN],
    )


def _post(client, collega, email: str, **extra: str):
    adres = reverse("accounts:rechten_wijzigen", args=[collega.uuid])
    return client.post(
        adres,
        {"actie": "email", "email-email": email, "email-huidig_wachtwoord": WACHTWOORD, **extra},
    )


def test_hoofdcontactpersoon_wijzigt_emailadres_van_collega(
    hoofdcontactpersoon, werkgever_a, django_capture_on_commit_callbacks
):
    collega = _collega(werkgever_a)
    pagina = tekst(
        hoofdcontactpersoon.get(reverse("accounts:rechten_wijzigen", args=[collega.uuid]))
    )
    assert "Als hoofdcontactpersoon wijzigt u het e-mailadres" in pagina

    with django_capture_on_commit_callbacks(execute=True):
        antwoord = _post(hoofdcontactpersoon, collega, "Nieuw@Bakkerij.example")

    assert antwoord.status_code == 302
    collega.gebruiker.refresh_from_db()
    assert collega.gebruiker.email == "Nieuw@bakkerij.example"
    assert [m.to for m in mail.outbox] == [["oud@bakkerij.example"]]
    assert "gewijzigd" in mail.outbox[0].body
    regel = Auditregel.objects.get(object_id=str(collega.uuid), actie="wijzigen")
    assert "e-mailadres gewijzigd" in regel.omschrijving
    assert collega.rechten == [Dienst.VERZUIM_MELDEN]  # the rights stay as they were


def test_gewone_rechtenbeheerder_kan_het_niet(eigenaar, werkgever_a):
    collega = _collega(werkgever_a)
    pagina = tekst(eigenaar.get(reverse("accounts:rechten_wijzigen", args=[collega.uuid])))
    assert "Als hoofdcontactpersoon" not in pagina
    assert _post(eigenaar, collega, "nieuw@bakkerij.example").status_code == 403
    collega.gebruiker.refresh_from_db()
    assert collega.gebruiker.email == "oud@bakkerij.example"


def test_adres_van_een_ander_account_of_van_een_andere_werkgever_geweigerd(
    hoofdcontactpersoon, werkgever_a
):
    collega = _collega(werkgever_a)
    GebruikerFactory(email="bezet@bakkerij.example")
    bezet = tekst(_post(hoofdcontactpersoon, collega, "bezet@bakkerij.example"))
    assert "Dit e-mailadres hoort al bij een ander account" in bezet

    LidmaatschapFactory(gebruiker=collega.gebruiker, werkgever=WerkgeverFactory())
    gedeeld = tekst(_post(hoofdcontactpersoon, collega, "nieuw@bakkerij.example"))
    assert "Dit account werkt ook voor een andere werkgever" in gedeeld
    collega.gebruiker.refresh_from_db()
    assert collega.gebruiker.email == "oud@bakkerij.example"


def test_wachtwoord_ter_bevestiging_nodig(hoofdcontactpersoon, werkgever_a):
    collega = _collega(werkgever_a)
    fout = tekst(
        _post(hoofdcontactpersoon, collega, "nieuw@b.example", **{"email-huidig_wachtwoord": "x"})
    )
    assert "Dit wachtwoord is onjuist." in fout
    collega.gebruiker.refresh_from_db()
    assert collega.gebruiker.email == "oud@bakkerij.example"
