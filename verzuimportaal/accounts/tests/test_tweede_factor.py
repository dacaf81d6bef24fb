"""Second factor for local accounts (seed 004, DOMAIN §9): always, before any portal page."""

from dataclasses import asdict
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from tests.factories import GebruikerFactory
from tests.html import tekst
from verzuimportaal.accounts.inlogstap import COOKIE_VERTROUWD
from verzuimportaal.accounts.models import Profiel, SmsBericht, VertrouwdApparaat
from verzuimportaal.eherkenning.sessie import SESSIE_EHERKENNING, EHerkenningContext
from verzuimportaal.toegang.diensten import Dienst

from .hulp import (
    WACHTWOORD,
    code_invullen,
    inloggen,
    is_ingelogd,
    laatste_code,
    sms_apparaat,
    volledig_inloggen,
)


@pytest.fixture
def gebruiker(werkgever_a) -> User:
    gebruiker = werkgever_a.lidmaatschap.gebruiker
    sms_apparaat(gebruiker)
    return gebruiker


def test_wachtwoord_alleen_geeft_geen_toegang_tot_portaalpaginas(gebruiker):
    client = Client()
    inloggen(client, gebruiker.username, WACHTWOORD)

    for naam in ("portaal:dashboard", "werknemers:lijst", "accounts:mijn_account"):
        response = client.get(reverse(naam))
        assert response.status_code == 302, naam
        assert response["Location"].startswith(reverse("accounts:login")), naam
    assert not is_ingelogd(client)


def test_sessie_zonder_tweede_factor_wordt_uitgelogd(werkgever_a):
    """Second line: a session made outside the login flow (e.g. Django's own login)."""
    client = Client()
    client.force_login(
        werkgever_a.lidmaatschap.gebruiker, backend="django.contrib.auth.backends.ModelBackend"
    )
    response = client.get(reverse("werknemers:lijst"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login") + "?next=")
    assert not is_ingelogd(client)
    api = Client()
    api.force_login(
        werkgever_a.lidmaatschap.gebruiker, backend="django.contrib.auth.backends.ModelBackend"
    )
    assert api.get("/api/v1/werknemers/").status_code == 401


def test_beheerlogin_gaat_via_het_portaal_met_tweede_factor(db):
    response = Client().get(reverse("admin:login") + "?next=/beheer/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_sms_met_code_van_zes_cijfers(gebruiker):
    client = Client()
    inloggen(client, gebruiker.username, WACHTWOORD)
    bericht = SmsBericht.objects.get(gebruiker=gebruiker)
    assert bericht.telefoonnummer == "0612345678"
    assert len(laatste_code(gebruiker)) == 6
    pagina = tekst(client.get(reverse("accounts:tweede_factor")))
    assert "eindigt op 78" in pagina


def test_code_verloopt_na_vijf_minuten(gebruiker):
    client = Client()
    with freeze_time(timezone.now()) as klok:
        inloggen(client, gebruiker.username, WACHTWOORD)
        code = laatste_code(gebruiker)
        klok.tick(timedelta(minutes=5, seconds=1))
        response = code_invullen(client, code)
    assert response.status_code == 200
    assert "onjuist of verlopen" in tekst(response)
    assert not is_ingelogd(client)


def test_na_vijf_foute_codes_werkt_ook_de_juiste_niet(gebruiker):
    client = Client()
    inloggen(client, gebruiker.username, WACHTWOORD)
    code = laatste_code(gebruiker)
    fout = "000000" if code != "000000" else "111111"
    for poging in range(4):
        response = code_invullen(client, fout)
        assert f"nog {4 - poging} keer" in tekst(response), poging
    vijfde = code_invullen(client, fout)  # the 5th failure also reaches the axes lockout
    assert vijfde.status_code == 429
    assert code_invullen(client, code).get("Location") != reverse("portaal:dashboard")
    assert not is_ingelogd(client)


def test_vijf_pogingen_per_code_ook_zonder_blokkade(gebruiker, settings):
    settings.AXES_FAILURE_LIMIT = 50
    client = Client()
    inloggen(client, gebruiker.username, WACHTWOORD)
    code = laatste_code(gebruiker)
    fout = "000000" if code != "000000" else "111111"
    for _ in range(5):
        code_invullen(client, fout)
    response = code_invullen(client, code)
    assert response.status_code == 200
    assert "te vaak fout ingevuld" in tekst(response)
    assert not is_ingelogd(client)


def test_nieuwe_code_pas_na_wachttijd(gebruiker, settings):
    client = Client()
    with freeze_time(timezone.now()) as klok:
        inloggen(client, gebruiker.username, WACHTWOORD)
        client.post(reverse("accounts:tweede_factor"), {"actie": "opnieuw"})
        assert SmsBericht.objects.filter(gebruiker=gebruiker).count() == 1
        klok.tick(timedelta(seconds=settings.TWEEDE_FACTOR_OPNIEUW_STUREN_NA + 1))
        client.post(reverse("accounts:tweede_factor"), {"actie": "opnieuw"})
        assert SmsBericht.objects.filter(gebruiker=gebruiker).count() == 2
        assert code_invullen(client, laatste_code(gebruiker)).status_code == 302
    assert is_ingelogd(client)


def test_code_per_email_als_alternatief(gebruiker):
    gebruiker.email = "fatima@example.com"
    gebruiker.save()
    client = Client()
    inloggen(client, gebruiker.username, WACHTWOORD)
    pagina = client.get(reverse("accounts:tweede_factor")).content.decode()
    assert "Gebruik e-mail naar fa…@example.com" in pagina
    from django_otp.plugins.otp_email.models import EmailDevice

    email = EmailDevice.objects.get(user=gebruiker)
    client.post(
        reverse("accounts:tweede_factor"), {"actie": "wissel", "methode": email.persistent_id}
    )
    assert len(mail.outbox) == 1
    code = next(w for w in mail.outbox[0].body.split() if w.rstrip(".").isdigit()).rstrip(".")
    assert code_invullen(client, code)["Location"] == reverse("portaal:dashboard")


def test_ehrkenning_login_krijgt_geen_tweede_factor(werkgever_a):
    """EH3 is already a strong login (DOMAIN §2, §9): no local code step."""
    client = Client()
    client.force_login(GebruikerFactory(), backend="django.contrib.auth.backends.ModelBackend")
    sessie = client.session
    sessie[SESSIE_EHERKENNING] = asdict(
        EHerkenningContext(
            pseudoniem="pseudo-2fa",
            kvk_nummer=werkgever_a.werkgever.kvk_nummer,
            intermediair_kvk_nummer=None,
            niveau="EH3",
            diensten=(Dienst.VERZUIM_MELDEN,),
            ingelogd_op="2026-11-23T09:00:00+01:00",
        )
    )
    sessie.save()
    assert client.get(reverse("verzuim:lopend")).status_code == 200
    assert not SmsBericht.objects.exists()


# --- "ingelogd blijven" ----------------------------------------------------------------------


def onthouden_login(gebruiker: User) -> Client:
    client = Client()
    inloggen(client, gebruiker.username, WACHTWOORD)
    response = code_invullen(client, laatste_code(gebruiker), onthouden=True)
    cookie = response.cookies[COOKIE_VERTROUWD]
    assert cookie["httponly"] and cookie["secure"] and cookie["max-age"] == 30 * 24 * 3600
    client.post(reverse("accounts:logout"))
    return client


def test_onthouden_computer_slaat_alleen_de_code_over(gebruiker):
    client = onthouden_login(gebruiker)
    assert client.get(reverse("portaal:dashboard")).status_code == 302  # session ended

    response = inloggen(client, gebruiker.username, WACHTWOORD)

    assert response["Location"] == reverse("portaal:dashboard")
    assert is_ingelogd(client)
    assert SmsBericht.objects.filter(gebruiker=gebruiker).count() == 1
    assert client.get(reverse("portaal:dashboard")).status_code == 200
    client.post(reverse("accounts:logout"))
    assert inloggen(client, gebruiker.username, "fout-1").status_code == 200  # password still


def test_onthouden_geldt_niet_voor_een_ander_account(gebruiker, werkgever_b):
    client = onthouden_login(gebruiker)
    ander = werkgever_b.lidmaatschap.gebruiker
    sms_apparaat(ander, "0687654321")
    response = inloggen(client, ander.username, WACHTWOORD)
    assert response["Location"] == reverse("accounts:tweede_factor")
    assert not is_ingelogd(client)


def test_onthouden_vervalt_na_de_ingestelde_termijn(gebruiker):
    client = onthouden_login(gebruiker)
    with freeze_time(timezone.now() + timedelta(days=30, minutes=1)):
        response = inloggen(client, gebruiker.username, WACHTWOORD)
    assert response["Location"] == reverse("accounts:tweede_factor")


def test_vervalste_cookie_werkt_niet(gebruiker):
    client = onthouden_login(gebruiker)
    client.cookies[COOKIE_VERTROUWD] = f"{gebruiker.pk}:nep"
    assert inloggen(client, gebruiker.username, WACHTWOORD)["Location"] == reverse(
        "accounts:tweede_factor"
    )


def test_intrekken_op_mijn_account(gebruiker):
    client = onthouden_login(gebruiker)
    tweede = Client()
    volledig_inloggen(tweede, gebruiker)
    apparaat = VertrouwdApparaat.objects.get(gebruiker=gebruiker)
    pagina = tweede.get(reverse("accounts:mijn_account"))
    assert "Onthouden computers" in tekst(pagina)
    assert apparaat.aangemaakt_op.astimezone().strftime("%d-%m-%Y") in tekst(pagina)

    tweede.post(reverse("accounts:apparaat_intrekken"), {"apparaat": str(apparaat.pk)})

    assert inloggen(client, gebruiker.username, WACHTWOORD)["Location"] == reverse(
        "accounts:tweede_factor"
    )


def test_wachtwoord_wijzigen_trekt_alle_computers_in(gebruiker):
    client = onthouden_login(gebruiker)
    ingelogd = Client()
    volledig_inloggen(ingelogd, gebruiker)
    response = ingelogd.post(
        reverse("accounts:wachtwoord_wijzigen"),
        {
            "old_password": WACHTWOORD,
            "new_password1": "Nieuw-Regen26",
            "new_password2": "Nieuw-Regen26",
        },
    )
    assert response.status_code == 302
    assert is_ingelogd(ingelogd)  # the own session stays
    assert not VertrouwdApparaat.objects.geldig().filter(gebruiker=gebruiker).exists()
    assert inloggen(client, gebruiker.username, "Nieuw-Regen26")["Location"] == reverse(
        "accounts:tweede_factor"
    )


# --- temporary password ----------------------------------------------------------------------


def test_tijdelijk_wachtwoord_eerst_wijzigen_dan_code(gebruiker):
    Profiel.objects.create(gebruiker=gebruiker, wachtwoord_wijzigen=True)
    client = Client()

    response = inloggen(client, gebruiker.username, WACHTWOORD)
    assert response["Location"] == reverse("accounts:eerste_wachtwoord")
    assert not SmsBericht.objects.exists()  # no code before the password is changed
    assert client.get(reverse("accounts:tweede_factor"))["Location"] == reverse(
        "accounts:eerste_wachtwoord"
    )
    assert client.get(reverse("portaal:dashboard")).status_code == 302
    zwak = client.post(
        reverse("accounts:eerste_wachtwoord"),
        {"new_password1": "kort", "new_password2": "kort"},
    )
    assert "tussen de 8 en 16 tekens" in tekst(zwak)

    response = client.post(
        reverse("accounts:eerste_wachtwoord"),
        {"new_password1": "Eigen-Keuze26", "new_password2": "Eigen-Keuze26"},
    )

    assert response["Location"] == reverse("accounts:tweede_factor")
    gebruiker.refresh_from_db()
    assert gebruiker.check_password("Eigen-Keuze26")
    assert not Profiel.objects.get(gebruiker=gebruiker).wachtwoord_wijzigen
    assert code_invullen(client, laatste_code(gebruiker))["Location"] == reverse(
        "portaal:dashboard"
    )


def test_tijdelijk_wachtwoord_gaat_voor_alles_ook_in_een_bestaande_sessie(eigenaar, werkgever_a):
    Profiel.objects.create(gebruiker=werkgever_a.lidmaatschap.gebruiker, wachtwoord_wijzigen=True)
    response = eigenaar.get(reverse("werknemers:lijst"))
    assert response["Location"] == reverse("accounts:wachtwoord_wijzigen")


# --- demo outbox ----------------------------------------------------------------------------


def test_sms_outbox_alleen_met_debug_of_instelling(eigenaar, settings):
    settings.DEBUG = False
    settings.SMS_OUTBOX_ZICHTBAAR = False
    assert Client().get(reverse("accounts:sms_outbox")).status_code == 404
    settings.SMS_OUTBOX_ZICHTBAAR = True
    SmsBericht.objects.create(telefoonnummer="0612345678", tekst="Uw code is 123456.")
    assert "Uw code is 123456." in tekst(Client().get(reverse("accounts:sms_outbox")))
