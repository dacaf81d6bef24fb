"""Common Dutch passwords are refused beside Django's list (DOMAIN §9)."""

import pytest
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError


def codes(wachtwoord: str) -> list[str]:
    try:
        validate_password(wachtwoord, User(username="pjansen"))
    except ValidationError as fout:
        return [e.code or "" for e in fout.error_list]
    return []


@pytest.mark.parametrize(
    "wachtwoord",
    [
        "Wachtwoord1",
        "Welkom123",
        "Welkom123!",
        "Zomer2026!",
        "Ajax-1900",
        "Feyenoord1!",
        "Geheim-12",
    ],
)
def test_veelgebruikte_nederlandse_wachtwoorden_geweigerd(wachtwoord):
    assert codes(wachtwoord) == ["wachtwoord_veelgebruikt"]


def test_melding_is_nederlands_en_zegt_wat_te_doen():
    with pytest.raises(ValidationError) as fout:
        validate_password("Welkom123", User(username="pjansen"))
    assert fout.value.messages == [
        "Dit wachtwoord wordt te vaak gebruikt en is makkelijk te raden. Kies een ander wachtwoord."
    ]


@pytest.mark.parametrize("wachtwoord", ["Verzuim-Proef26", "Welkom-Thuis12", "Zomerse-Regen7"])
def test_een_woord_uit_de_lijst_binnen_een_langer_wachtwoord_mag(wachtwoord):
    assert codes(wachtwoord) == []


def test_engelse_lijst_van_django_blijft_gelden():
    assert "wachtwoord_veelgebruikt" in codes("Password1!")
