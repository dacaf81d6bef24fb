"""A password reset by e-mail does not lower the second factor (DOMAIN §9): whoever controls the
mailbox alone does not own an account that has SMS or an app; the holder hears of the reset by SMS.
"""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_email.models import EmailDevice

from tests.html import tekst
from verzuimportaal.accounts.models import Profiel, SmsBericht

from .hulp import code_invullen, inloggen, is_ingelogd, laatste_code, sms_apparaat

NIEUW = "Herstel-Regen26"
CODESTAP = reverse("accounts:tweede_factor")


@pytest.fixture
def gebruiker(werkgever_a):
    gebruiker = werkgever_a.lidmaatschap.gebruiker
    gebruiker.email = "fatima@example.com"
    gebruiker.save()
    return gebruiker


def herstel(gebruiker, capture) -> None:
    """The attacker with the mailbox: asks a reset link and sets a new password."""
    Client().post(reverse("accounts:wachtwoord_vergeten"), {"email": gebruiker.email})
    link = re.search(r"http://\S+", mail.outbox[-1].body).group(0)
    client = Client()
    formulier = client.get(link, follow=True)
    with capture(execute=True):
        client.post(
            formulier.redirect_chain[-1][0], {"new_password1": NIEUW, "new_password2": NIEUW}
        )


def email_keuze(gebruiker) -> str:
    return EmailDevice.objects.get(user=gebruiker).persistent_id


def test_na_herstel_geen_overstap_naar_email_als_er_sms_is(
    gebruiker, django_capture_on_commit_callbacks
):
    sms_apparaat(gebruiker)
    herstel(gebruiker, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    aanvaller = Client()
    assert inloggen(aanvaller, gebruiker.username, NIEUW)["Location"] == CODESTAP
    pagina = aanvaller.get(CODESTAP)
    assert "e-mail naar" not in tekst(pagina)  # not offered
    aanvaller.post(CODESTAP, {"actie": "wissel", "methode": email_keuze(gebruiker)})
    assert not mail.outbox  # no code went to the mailbox
    # A guessed or e-mailed code does not work: the SMS device is still the one asked.
    assert "sms naar" in tekst(aanvaller.get(CODESTAP))
    EmailDevice.objects.get(user=gebruiker).generate_token(valid_secs=300)
    code = EmailDevice.objects.get(user=gebruiker).token
    code_invullen(aanvaller, code)
    assert not is_ingelogd(aanvaller)


def test_houder_hoort_het_via_sms_en_na_inloggen_met_sms_is_email_weer_mogelijk(
    gebruiker, django_capture_on_commit_callbacks
):
    sms_apparaat(gebruiker)
    herstel(gebruiker, django_capture_on_commit_callbacks)
    bericht = SmsBericht.objects.filter(gebruiker=gebruiker).first()
    assert bericht is not None and "hersteld" in bericht.tekst
    houder = Client()
    inloggen(houder, gebruiker.username, NIEUW)
    code_invullen(houder, laatste_code(gebruiker))
    assert is_ingelogd(houder)
    assert Profiel.objects.get(gebruiker=gebruiker).herstel_via_email_op is None
    # The next login may again switch to e-mail as a fallback.
    later = Client()
    inloggen(later, gebruiker.username, NIEUW)
    assert "e-mail naar" in tekst(later.get(CODESTAP))


def test_zonder_andere_factor_blijft_email_de_factor(gebruiker, django_capture_on_commit_callbacks):
    """Residual risk (docs/security.md): an account with only e-mail keeps e-mail codes."""
    herstel(gebruiker, django_capture_on_commit_callbacks)
    client = Client()
    assert inloggen(client, gebruiker.username, NIEUW)["Location"] == CODESTAP
    assert "e-mail naar" in tekst(client.get(CODESTAP))
