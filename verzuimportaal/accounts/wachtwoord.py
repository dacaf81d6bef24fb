"""Password rules for local accounts (seed 004, DOMAIN §3 and §9), one Dutch message per rule.

Configured in ``AUTH_PASSWORD_VALIDATORS`` (conf/base.py) with the seed's preset as default:
8–16 characters, no part of the username, none of ``@ $ # %``, at least 3 of the 4 categories,
and not a common password. A breached-password check against an online k-anonymity service is
not done: the portal has no outbound internet; the common-password list is the offline check.
"""

import re
import string
from pathlib import Path
from typing import Any

from django.contrib.auth.password_validation import CommonPasswordValidator
from django.core.exceptions import ValidationError
from django.utils.translation import gettext


class LengteValidator:
    def __init__(self, minimum: int = 8, maximum: int = 16) -> None:
        self.minimum, self.maximum = minimum, maximum

    def validate(self, password: str, user: Any = None) -> None:
        if not self.minimum <= len(password) <= self.maximum:
            raise ValidationError(
                f"Het wachtwoord moet tussen de {self.minimum} en {self.maximum} tekens "
                f"lang zijn; het uwe heeft er {len(password)}.",
                code="wachtwoord_lengte",
            )

    def get_help_text(self) -> str:
        return f"Tussen de {self.minimum} en {self.maximum} tekens."


class GeenGebruikersnaamValidator:
    """No part (of at least ``minimum_deel`` characters) of the username, case-insensitive."""

    def __init__(self, minimum_deel: int = 3) -> None:
        self.minimum_deel = minimum_deel

    def delen(self, gebruikersnaam: str) -> list[str]:
        stukken = [s for s in re.split(r"[^0-9a-zA-Z]+", gebruikersnaam.lower()) if s]
        if gebruikersnaam:
            stukken.append(gebruikersnaam.lower())
        return [s for s in stukken if len(s) >= self.minimum_deel]

    def validate(self, password: str, user: Any = None) -> None:
        gebruikersnaam = user.get_username() if user is not None else ""
        wachtwoord = password.lower()
        if any(deel in wachtwoord for deel in self.delen(gebruikersnaam or "")):
            raise ValidationError(
                gettext("Het wachtwoord mag geen deel van uw gebruikersnaam bevatten."),
                code="wachtwoord_gebruikersnaam",
            )

    def get_help_text(self) -> str:
        return "Geen deel van uw gebruikersnaam."


class VerbodenTekensValidator:
    def __init__(self, tekens: str = "@$#%") -> None:
        self.tekens = tekens

    def validate(self, password: str, user: Any = None) -> None:
        gevonden = sorted({t for t in password if t in self.tekens})
        if gevonden:
            raise ValidationError(
                "Het wachtwoord mag deze tekens niet bevatten: "
                f"{' '.join(self.tekens)}. U gebruikte: {' '.join(gevonden)}.",
                code="wachtwoord_verboden_teken",
            )

    def get_help_text(self) -> str:
        return f"Geen van deze tekens: {' '.join(self.tekens)}."


def categorieen(password: str) -> set[str]:
    gevonden = set()
    for teken in password:
        if teken.islower():
            gevonden.add("kleine letter")
        elif teken.isupper():
            gevonden.add("hoofdletter")
        elif teken.isdigit():
            gevonden.add("cijfer")
        elif teken in string.punctuation or not teken.isalnum():
            gevonden.add("leesteken")
    return gevonden


class CategorieenValidator:
    def __init__(self, minimum: int = 3) -> None:
        self.minimum = minimum

    def validate(self, password: str, user: Any = None) -> None:
        if len(categorieen(password)) < self.minimum:
            raise ValidationError(
                f"Het wachtwoord moet minstens {self.minimum} van deze soorten tekens bevatten: "
                "kleine letter, hoofdletter, cijfer, leesteken.",
                code="wachtwoord_categorieen",
            )

    def get_help_text(self) -> str:
        return (
            f"Minstens {self.minimum} van: kleine letter, hoofdletter, cijfer, leesteken "
            "(zoals - . ! ?)."
        )


NEDERLANDSE_LIJST = Path(__file__).resolve().parent / "data" / "veelgebruikt_nl.txt"


def _nederlandse_woorden() -> frozenset[str]:
    regels = NEDERLANDSE_LIJST.read_text(encoding="utf-8").splitlines()
    return frozenset(r.strip() for r in regels if r.strip() and not r.startswith("#"))


class VeelGebruiktValidator(CommonPasswordValidator):
    """Django's list of common passwords (whole password) plus a Dutch list of words that are
    often a password's whole letter part: ``Wachtwoord1`` and ``Welkom123!`` are refused."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.nederlands = _nederlandse_woorden()

    def validate(self, password: str, user: Any = None) -> None:
        letters = re.sub(r"[^a-z]", "", password.lower())
        if password.lower().strip() in self.passwords or letters in self.nederlands:
            raise ValidationError(
                gettext(
                    "Dit wachtwoord wordt te vaak gebruikt en is makkelijk te raden. "
                    "Kies een ander wachtwoord."
                ),
                code="wachtwoord_veelgebruikt",
            )

    def get_help_text(self) -> str:
        return "Geen veelgebruikt wachtwoord."
