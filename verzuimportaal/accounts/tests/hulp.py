"""Helpers for login tests: the password step, the code from the SMS outbox, a full login."""

import re

from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from verzuimportaal.accounts.models import SmsApparaat, SmsBericht

WACHTWOORD = "Wachtwoord-123"  # tests/factories.py


def sms_apparaat(gebruiker: User, nummer: str = "0612345678") -> SmsApparaat:
    apparaat, _ = SmsApparaat.objects.get_or_create(
        user=gebruiker, defaults={"name": "Sms", "telefoonnummer": nummer, "confirmed": True}
    )
    return apparaat


def laatste_code(gebruiker: User) -> str:
    bericht = SmsBericht.objects.filter(gebruiker=gebruiker).first()
    assert bericht is not None, "geen sms verstuurd"
    gevonden = re.search(r"\b(\d{6})\b", bericht.tekst)
    assert gevonden
    return gevonden.group(1)


def inloggen(client: Client, gebruikersnaam: str, wachtwoord: str, ip: str = "127.0.0.1", **extra):
    return client.post(
        reverse("accounts:login"),
        {"username": gebruikersnaam, "password": wachtwoord, **extra},
        REMOTE_ADDR=ip,
    )


def code_invullen(client: Client, code: str, *, onthouden: bool = False, ip: str = "127.0.0.1"):
    data = {"actie": "controleer", "code": code}
    if onthouden:
        data["onthouden"] = "on"
    return client.post(reverse("accounts:tweede_factor"), data, REMOTE_ADDR=ip)


def volledig_inloggen(
    client: Client, gebruiker: User, wachtwoord: str = WACHTWOORD, ip: str = "127.0.0.1", **extra
):
    sms_apparaat(gebruiker)
    stap1 = inloggen(client, gebruiker.get_username(), wachtwoord, ip=ip, **extra)
    assert stap1.status_code == 302, stap1
    if stap1["Location"] != reverse("accounts:tweede_factor"):
        return stap1  # a remembered browser: no code asked
    return code_invullen(client, laatste_code(gebruiker), ip=ip)


def is_ingelogd(client: Client) -> bool:
    return "_auth_user_id" in client.session
