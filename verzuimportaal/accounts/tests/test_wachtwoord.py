"""Password rules of seed 004 (DOMAIN §3/§9): one clear Dutch message per rule."""

import pytest
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

DEMO = "Verzuim-Proef26"


def fouten(wachtwoord: str, gebruikersnaam: str = "pjansen") -> list[str]:
    try:
        validate_password(wachtwoord, User(username=gebruikersnaam))
    except ValidationError as fout:
        return [e.code or "" for e in fout.error_list]
    return []


def meldingen(wachtwoord: str, gebruikersnaam: str = "pjansen") -> list[str]:
    try:
        validate_password(wachtwoord, User(username=gebruikersnaam))
    except ValidationError as fout:
        return fout.messages
    return []


def test_demowachtwoord_voldoet():
    assert fouten(DEMO, "demo-zorggroep") == []


@pytest.mark.parametrize(
    ("wachtwoord", "code", "tekst"),
    [
        ("Kort-1a", "wachtwoord_lengte", "tussen de 8 en 16 tekens"),
        ("Veel-te-Lang-1234", "wachtwoord_lengte", "tussen de 8 en 16 tekens"),
        ("Xpjansen-12", "wachtwoord_gebruikersnaam", "geen deel van uw gebruikersnaam"),
        ("Zomer#Regen12", "wachtwoord_verboden_teken", "U gebruikte: #"),
        ("Zomer@Regen12", "wachtwoord_verboden_teken", "@ $ # %"),
        ("zomerregen12", "wachtwoord_categorieen", "minstens 3 van deze soorten"),
        ("ZOMER-REGEN", "wachtwoord_categorieen", "minstens 3 van deze soorten"),
        ("Password1!", "wachtwoord_veelgebruikt", "te vaak gebruikt"),
    ],
)
def test_elke_regel_een_eigen_melding(wachtwoord, code, tekst):
    assert fouten(wachtwoord) == [code]
    assert any(tekst in m for m in meldingen(wachtwoord)), meldingen(wachtwoord)


@pytest.mark.parametrize("grens", ["Abcdef-1", "Abcdefgh-1234567"])
def test_grenzen_8_en_16_tekens_toegestaan(grens):
    assert len(grens) in (8, 16)
    assert fouten(grens) == []


def test_delen_van_de_gebruikersnaam_hoofdletterongevoelig_vanaf_3_tekens():
    assert fouten("Zorg-Regen12", "demo-zorggroep") == []  # "zorg" is not a part: "zorggroep"
    assert fouten("ZORGGROEP-x1", "demo-zorggroep") == ["wachtwoord_gebruikersnaam"]
    assert fouten("Demo-Regen12", "demo-zorggroep") == ["wachtwoord_gebruikersnaam"]
    assert fouten("Ab-Regen1234", "ab-cd") == []  # parts shorter than 3 do not count


def test_instellingen_bepalen_de_regels(settings):
    settings.AUTH_PASSWORD_VALIDATORS = [
        {
            "NAME": "verzuimportaal.accounts.wachtwoord.LengteValidator",
            "OPTIONS": {"minimum": 12, "maximum": 64},
        }
    ]
    from django.contrib.auth import password_validation

    password_validation.get_default_password_validators.cache_clear()
    try:
        assert fouten("Abcdef-12") == ["wachtwoord_lengte"]
        assert any("tussen de 12 en 64" in m for m in meldingen("Abcdef-12"))
    finally:
        password_validation.get_default_password_validators.cache_clear()
