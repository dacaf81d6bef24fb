"""Operator creates the hoofdcontactpersoon (seed 004); password reset by e-mail (DOMAIN §9)."""

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from tests.factories import GebruikerFactory, WerkgeverFactory
from tests.html import tekst
from verzuimportaal.accounts import service
from verzuimportaal.accounts.models import Profiel, SmsApparaat, VertrouwdApparaat
from verzuimportaal.toegang.actor import accounthouder
from verzuimportaal.toegang.actor import beheerder as actor_beheerder
from verzuimportaal.toegang.models import LOKALE_RECHTEN

from .hulp import WACHTWOORD, inloggen, sms_apparaat


def gegevens(werkgever, **extra):
    return {
        "door": actor_beheerder(None),
        "werkgever": werkgever,
        "polisnummer": "MVO-778899",
        "bedrijfsnaam": werkgever.naam.upper(),
        "aanhef": "Geachte mevrouw",
        "voornaam": "Noor",
        "tussenvoegsels": "",
        "achternaam": "Bouzid",
        "email": "noor@bedrijf.example",
        "telefoonnummer": "06-12345677",
        **extra,
    }


def test_hoofdcontactpersoon_met_alle_rechten_en_tijdelijk_wachtwoord(
    db, django_capture_on_commit_callbacks
):
    werkgever = WerkgeverFactory()
    with django_capture_on_commit_callbacks(execute=True):
        lid = service.maak_hoofdcontactpersoon(**gegevens(werkgever))
    assert lid.hoofdcontactpersoon and lid.werkgever == werkgever
    assert lid.rechtenset == set(LOKALE_RECHTEN) and lid.polisnummer == "MVO-778899"
    assert Profiel.objects.get(gebruiker=lid.gebruiker).wachtwoord_wijzigen
    assert SmsApparaat.objects.get(user=lid.gebruiker).telefoonnummer == "0612345677"
    assert mail.outbox[0].to == ["noor@bedrijf.example"]
    assert mail.outbox[0].body.startswith("Geachte mevrouw Noor Bouzid")


def test_bedrijfsnaam_moet_bij_de_werkgever_passen(db):
    werkgever = WerkgeverFactory()
    with pytest.raises(ValidationError, match="komt niet overeen"):
        service.maak_hoofdcontactpersoon(**gegevens(werkgever, bedrijfsnaam="Iets Anders B.V."))
    assert not User.objects.filter(email="noor@bedrijf.example").exists()


def test_beheerformulier_voor_de_operator(db, django_capture_on_commit_callbacks):
    werkgever = WerkgeverFactory()
    beheerder = GebruikerFactory(is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(beheerder, backend="django.contrib.auth.backends.ModelBackend")
    from django_otp import DEVICE_ID_SESSION_KEY

    apparaat = service.zorg_voor_email_apparaat(door=accounthouder(beheerder))
    sessie = client.session
    sessie[DEVICE_ID_SESSION_KEY] = apparaat.persistent_id
    sessie.save()
    adres = reverse("admin:toegang_lidmaatschap_hoofdcontactpersoon")
    assert client.get(adres).status_code == 200
    data = {**gegevens(werkgever), "werkgever": werkgever.pk}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(adres, data)
    assert response.status_code == 302
    assert User.objects.get(email="noor@bedrijf.example").lidmaatschappen.get().hoofdcontactpersoon


def test_wachtwoord_herstellen_zonder_te_verraden_of_het_adres_bestaat(werkgever_a):
    gebruiker = werkgever_a.lidmaatschap.gebruiker
    gebruiker.email = "fatima@example.com"
    gebruiker.save()
    sms_apparaat(gebruiker)
    VertrouwdApparaat.objects.create(
        gebruiker=gebruiker,
        sleutel_hash="x" * 64,
        otp_apparaat="x",
        verloopt_op="2099-01-01T00:00:00Z",
    )

    onbekend = Client().post(reverse("accounts:wachtwoord_vergeten"), {"email": "wie@nergens.nl"})
    bekend = Client().post(reverse("accounts:wachtwoord_vergeten"), {"email": "FATIMA@example.com"})
    assert onbekend.status_code == bekend.status_code == 302
    assert onbekend["Location"] == bekend["Location"]
    assert len(mail.outbox) == 1
    link = re.search(r"http://\S+", mail.outbox[0].body).group(0)

    client = Client()
    formulier = client.get(link, follow=True)
    assert "Nieuw wachtwoord instellen" in tekst(formulier)
    zwak = client.post(
        formulier.redirect_chain[-1][0], {"new_password1": "abc", "new_password2": "abc"}
    )
    assert "tussen de 8 en 16 tekens" in tekst(zwak)
    response = client.post(
        formulier.redirect_chain[-1][0],
        {"new_password1": "Herstel-Regen26", "new_password2": "Herstel-Regen26"},
    )
    assert response["Location"] == reverse("accounts:wachtwoord_hersteld")
    assert "_auth_user_id" not in client.session  # no login without the second factor
    assert not VertrouwdApparaat.objects.geldig().filter(gebruiker=gebruiker).exists()
    assert inloggen(Client(), gebruiker.username, "Herstel-Regen26")["Location"] == reverse(
        "accounts:tweede_factor"
    )
    assert inloggen(Client(), gebruiker.username, WACHTWOORD).status_code == 200
    assert "ongeldig of verlopen" in tekst(client.get(link, follow=True))  # single use
