"""Rechtenbeheer of local accounts (seed 004, DOMAIN §3/§9)."""

import time

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import ingelogde_client
from tests.factories import GebruikerFactory, LidmaatschapFactory
from tests.html import tekst
from verzuimportaal.accounts.inlogstap import SESSIE_HERBEVESTIGD
from verzuimportaal.accounts.models import Profiel, SmsApparaat
from verzuimportaal.audit.models import Auditregel
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.toegang.models import Lidmaatschap

from .hulp import WACHTWOORD

R, W, V, O = (  # noqa: E741
    Dienst.RECHTENBEHEER,
    Dienst.WERKNEMERSGEGEVENS,
    Dienst.VERZUIM_MELDEN,
    Dienst.OVERZICHTEN,
)


def nieuw_account(**extra: object) -> dict[str, object]:
    return {
        "aanhef": "Beste",
        "voornaam": "Anna",
        "tussenvoegsels": "de",
        "achternaam": "Vries",
        "email": "anna@administratiekantoor.example",
        "telefoonnummer": "06 1234 5600",
        "rechten": [W, V],
        "huidig_wachtwoord": WACHTWOORD,
        **extra,
    }


def test_overzicht_toont_accounts_en_rechten_van_eigen_werkgever(
    eigenaar, werkgever_a, werkgever_b
):
    LidmaatschapFactory(werkgever=werkgever_a.werkgever, rechten=[O], gebruiker__last_name="Lezer")
    response = eigenaar.get(reverse("accounts:rechtenbeheer"))
    inhoud = tekst(response)
    assert werkgever_a.lidmaatschap.gebruiker.username in inhoud
    assert "Rechtenbeheer, Werknemersgegevens beheren, Ziek- en herstelmeldingen doen" in inhoud
    assert "Test Lezer" in inhoud and "Overzichten inzien" in inhoud
    assert werkgever_b.lidmaatschap.gebruiker.username not in inhoud


def test_overzicht_zonder_n_plus_1(eigenaar, werkgever_a):
    def meet() -> int:
        with CaptureQueriesContext(connection) as q:
            assert eigenaar.get(reverse("accounts:rechtenbeheer")).status_code == 200
        return len(q.captured_queries)

    for _ in range(2):
        LidmaatschapFactory(werkgever=werkgever_a.werkgever)
    meet()  # the first page also picks the werkgever for the session
    drie = meet()
    for _ in range(27):
        LidmaatschapFactory(werkgever=werkgever_a.werkgever)
    assert meet() == drie


def test_zonder_recht_rechtenbeheer_403(werkgever_a):
    lid = LidmaatschapFactory(werkgever=werkgever_a.werkgever, rechten=[W, V, O])
    client = ingelogde_client(lid)
    assert client.get(reverse("accounts:rechtenbeheer")).status_code == 403
    assert client.post(reverse("accounts:account_aanmaken"), nieuw_account()).status_code == 403
    assert not User.objects.filter(email="anna@administratiekantoor.example").exists()


def test_buitenstaander_404_op_account_van_andere_werkgever(buitenstaander, werkgever_a):
    lid = LidmaatschapFactory(werkgever=werkgever_a.werkgever, rechten=[O])
    for naam in ("accounts:rechten_wijzigen", "accounts:account_deactiveren"):
        adres = reverse(naam, args=[lid.uuid])
        assert buitenstaander.get(adres).status_code == 404
        assert (
            buitenstaander.post(
                adres, {"rechten": [R], "huidig_wachtwoord": WACHTWOORD}
            ).status_code
            == 404
        )
    lid.refresh_from_db()
    assert lid.rechten == [O] and lid.actief


def test_account_aanmaken_met_tijdelijk_wachtwoord_per_email(
    eigenaar, werkgever_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = eigenaar.post(reverse("accounts:account_aanmaken"), nieuw_account())
    assert response.status_code == 302

    lid = Lidmaatschap.objects.get(gebruiker__email="anna@administratiekantoor.example")
    assert lid.werkgever == werkgever_a.werkgever
    assert lid.rechtenset == {W, V} and not lid.hoofdcontactpersoon
    gebruiker = lid.gebruiker
    assert gebruiker.username == "avries"
    assert gebruiker.get_full_name() == "Anna de Vries"
    assert Profiel.objects.get(gebruiker=gebruiker).wachtwoord_wijzigen
    assert SmsApparaat.objects.get(user=gebruiker).telefoonnummer == "0612345600"
    assert len(mail.outbox) == 1
    assert "avries" in mail.outbox[0].body and "Tijdelijk wachtwoord:" in mail.outbox[0].body
    tijdelijk = mail.outbox[0].body.split("Tijdelijk wachtwoord: ")[1].split()[0]
    assert gebruiker.check_password(tijdelijk)


def test_niet_meer_rechten_toekennen_dan_je_zelf_hebt(werkgever_a):
    beheerder = LidmaatschapFactory(werkgever=werkgever_a.werkgever, rechten=[R, O])
    client = ingelogde_client(beheerder)
    response = client.post(reverse("accounts:account_aanmaken"), nieuw_account(rechten=[O, V]))
    assert response.status_code == 200
    assert (
        "U kunt alleen rechten toekennen of afnemen die u zelf heeft. Niet toegestaan: "
        "Ziek- en herstelmeldingen doen" in tekst(response)
    )
    assert not User.objects.filter(email="anna@administratiekantoor.example").exists()

    ander = LidmaatschapFactory(werkgever=werkgever_a.werkgever, rechten=[V])
    adres = reverse("accounts:rechten_wijzigen", args=[ander.uuid])
    afnemen = client.post(adres, {"rechten": [O]})  # would remove V, which it does not hold
    assert "alleen rechten toekennen of afnemen die u zelf heeft" in tekst(afnemen)
    ander.refresh_from_db()
    assert ander.rechten == [V]
    assert client.post(adres, {"rechten": [V, O]}).status_code == 302
    ander.refresh_from_db()
    assert ander.rechtenset == {V, O}


def test_laatste_rechtenbeheerder_blijft(eigenaar, werkgever_a):
    eigen = werkgever_a.lidmaatschap
    zonder = eigenaar.post(
        reverse("accounts:rechten_wijzigen", args=[eigen.uuid]),
        {"rechten": [W, V, O], "huidig_wachtwoord": WACHTWOORD},
    )
    assert "laatste rechtenbeheerder" in tekst(zonder)
    weg = eigenaar.post(reverse("accounts:account_deactiveren", args=[eigen.uuid]), {})
    assert "laatste rechtenbeheerder" in tekst(weg)
    eigen.refresh_from_db()
    assert eigen.actief and Dienst.RECHTENBEHEER in eigen.rechtenset

    tweede = LidmaatschapFactory(werkgever=werkgever_a.werkgever, rechten=[R])
    assert (
        eigenaar.post(reverse("accounts:account_deactiveren", args=[eigen.uuid]), {}).status_code
        == 302
    )
    eigen.refresh_from_db()
    assert not eigen.actief
    # The deactivated account loses access at once, in its existing session (ADR 0002).
    assert eigenaar.get(reverse("accounts:rechtenbeheer")).status_code == 403
    assert tweede.actief


def test_inactief_lidmaatschap_telt_niet_als_rechtenbeheerder(eigenaar, werkgever_a):
    LidmaatschapFactory(werkgever=werkgever_a.werkgever, rechten=[R], actief=False)
    LidmaatschapFactory(werkgever=werkgever_b_werkgever(), rechten=[R])
    response = eigenaar.post(
        reverse("accounts:rechten_wijzigen", args=[werkgever_a.lidmaatschap.uuid]),
        {"rechten": [O], "huidig_wachtwoord": WACHTWOORD},
    )
    assert "laatste rechtenbeheerder" in tekst(response)


def werkgever_b_werkgever():
    from tests.factories import WerkgeverFactory

    return WerkgeverFactory()


@pytest.mark.parametrize(
    "adres", ["anna@administratiekantoor.example", "ANNA@Administratiekantoor.example"]
)
def test_een_emailadres_per_account(eigenaar, werkgever_b, adres):
    bestaand = werkgever_b.lidmaatschap.gebruiker
    bestaand.email = "anna@administratiekantoor.example"
    bestaand.save()
    response = eigenaar.post(reverse("accounts:account_aanmaken"), nieuw_account(email=adres))
    assert response.status_code == 200
    assert "Dit e-mailadres hoort al bij een ander account" in tekst(response)
    assert User.objects.filter(email__iexact=adres).count() == 1


def test_herbevestiging_met_wachtwoord_voor_rechten_wijzigen(eigenaar, werkgever_a):
    ander = LidmaatschapFactory(werkgever=werkgever_a.werkgever, rechten=[O])
    adres = reverse("accounts:rechten_wijzigen", args=[ander.uuid])
    assert "Uw wachtwoord (ter bevestiging)" in tekst(eigenaar.get(adres))

    zonder = eigenaar.post(adres, {"rechten": [O, V]})
    assert "Vul uw wachtwoord in om de wijziging te bevestigen." in tekst(zonder)
    fout = eigenaar.post(adres, {"rechten": [O, V], "huidig_wachtwoord": "fout-123"})
    assert "Dit wachtwoord is onjuist." in tekst(fout)
    ander.refresh_from_db()
    assert ander.rechten == [O]

    assert (
        eigenaar.post(adres, {"rechten": [O, V], "huidig_wachtwoord": WACHTWOORD}).status_code
        == 302
    )
    # Within the next minutes no second prompt; after them again (DOMAIN §9).
    assert "Uw wachtwoord (ter bevestiging)" not in tekst(eigenaar.get(adres))
    sessie = eigenaar.session
    sessie[SESSIE_HERBEVESTIGD] = time.time() - 301
    sessie.save()
    assert "Uw wachtwoord (ter bevestiging)" in tekst(eigenaar.get(adres))


def test_herbevestiging_voor_email_en_telefoon(eigenaar, werkgever_a):
    adres = reverse("accounts:contactgegevens_wijzigen")
    gegevens = {"email": "nieuw@example.com", "telefoonnummer": "0611111111"}
    assert "Vul uw wachtwoord in" in tekst(eigenaar.post(adres, gegevens))
    gebruiker = werkgever_a.lidmaatschap.gebruiker
    gebruiker.refresh_from_db()
    assert gebruiker.email != "nieuw@example.com"

    assert eigenaar.post(adres, {**gegevens, "huidig_wachtwoord": WACHTWOORD}).status_code == 302
    gebruiker.refresh_from_db()
    assert gebruiker.email == "nieuw@example.com"
    assert SmsApparaat.objects.get(user=gebruiker).telefoonnummer == "0611111111"


def test_gedeactiveerd_account_niet_meer_te_wijzigen(eigenaar, werkgever_a):
    lid = LidmaatschapFactory(werkgever=werkgever_a.werkgever, rechten=[O], actief=False)
    assert eigenaar.get(reverse("accounts:rechten_wijzigen", args=[lid.uuid])).status_code == 404


def test_eherkenning_of_account_zonder_werkgever_kan_niet(db):
    client = Client()
    client.force_login(GebruikerFactory(), backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(reverse("accounts:rechtenbeheer")).status_code == 403


def test_wijzigingen_in_rechtenbeheer_staan_in_de_auditlog(
    eigenaar, werkgever_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        eigenaar.post(reverse("accounts:account_aanmaken"), nieuw_account())
    lid = Lidmaatschap.objects.get(gebruiker__email="anna@administratiekantoor.example")
    adres = reverse("accounts:rechten_wijzigen", args=[lid.uuid])
    eigenaar.post(adres, {"rechten": [W, V]})  # nothing changes: no row
    eigenaar.post(adres, {"rechten": [O]})
    eigenaar.post(reverse("accounts:account_deactiveren", args=[lid.uuid]), {})

    regels = Auditregel.objects.filter(object_type="lidmaatschap", object_id=str(lid.uuid))
    assert [(r.actie, r.omschrijving) for r in regels.order_by("pk")] == [
        (
            "aanmaken",
            "Account avries: aangemaakt met Werknemersgegevens beheren, "
            "Ziek- en herstelmeldingen doen",
        ),
        (
            "wijzigen",
            "Account avries: rechten Werknemersgegevens beheren, "
            "Ziek- en herstelmeldingen doen → Overzichten inzien",
        ),
        ("wijzigen", "Account avries: gedeactiveerd"),
    ]
    assert {r.werkgever_id for r in regels} == {werkgever_a.werkgever.pk}
    assert all(r.gebruiker_id == werkgever_a.lidmaatschap.gebruiker_id for r in regels)
