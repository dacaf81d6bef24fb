"""Verificatiecode by letter (seed 003 art. 1, 2.6; DOMAIN §8): once, expiry, 5 tries, unblock."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from freezegun import freeze_time

from tests.factories import GebruikerFactory, LoonheffingennummerFactory
from verzuimportaal.audit.models import Auditregel
from verzuimportaal.toegang.actor import beheerder
from verzuimportaal.verificatie import codes, service

pytestmark = pytest.mark.django_db


@pytest.fixture
def nieuw_nummer(werkgever_a):
    werkgever = werkgever_a.werkgever
    werkgever.adres, werkgever.postcode, werkgever.plaats = "Dorpsstraat 1", "1234 AB", "Ede"
    werkgever.save()
    return LoonheffingennummerFactory(werkgever=werkgever, geactiveerd_op=None)


@pytest.fixture
def operator(db):
    return GebruikerFactory(is_staff=True)


def _brief(nummer, operator):
    verificatiecode, pdf = service.maak_verificatiebrief(
        loonheffingennummer=nummer, door=beheerder(operator)
    )
    return verificatiecode, pdf


def _code_uit(monkeypatch):
    """Capture the plain code as the letter is made (it is never stored)."""
    gezien: list[str] = []
    echt = codes.nieuwe_code

    def vastleggen() -> str:
        gezien.append(echt())
        return gezien[-1]

    monkeypatch.setattr(codes, "nieuwe_code", vastleggen)
    return gezien


def test_juiste_code_activeert_het_nummer_een_keer(
    werkgever_a, nieuw_nummer, operator, monkeypatch
):
    gezien = _code_uit(monkeypatch)
    verificatiecode, pdf = _brief(nieuw_nummer, operator)
    assert pdf.startswith(b"%PDF")

    service.activeer(door=werkgever_a.actor, loonheffingennummer=nieuw_nummer, code=gezien[0])

    nieuw_nummer.refresh_from_db()
    verificatiecode.refresh_from_db()
    assert nieuw_nummer.geactiveerd_op is not None
    assert verificatiecode.gebruikt_op is not None
    assert not verificatiecode.brief  # the letter with the code in it is gone
    assert Auditregel.objects.filter(
        werkgever=werkgever_a.werkgever, omschrijving__contains="geactiveerd"
    ).exists()
    with pytest.raises(ValidationError, match="al geactiveerd"):
        service.activeer(door=werkgever_a.actor, loonheffingennummer=nieuw_nummer, code=gezien[0])


def test_code_werkt_met_kleine_letters_en_zonder_streepjes(
    werkgever_a, nieuw_nummer, operator, monkeypatch
):
    gezien = _code_uit(monkeypatch)
    _brief(nieuw_nummer, operator)
    getypt = " " + gezien[0].replace("-", " ").lower()
    service.activeer(door=werkgever_a.actor, loonheffingennummer=nieuw_nummer, code=getypt)
    nieuw_nummer.refresh_from_db()
    assert nieuw_nummer.geactiveerd_op is not None


def test_hergebruik_op_een_ander_nummer_geweigerd(werkgever_a, nieuw_nummer, operator, monkeypatch):
    """The hash is bound to the number: a code from one letter opens no other number."""
    gezien = _code_uit(monkeypatch)
    _brief(nieuw_nummer, operator)
    ander = LoonheffingennummerFactory(werkgever=werkgever_a.werkgever, geactiveerd_op=None)
    _brief(ander, operator)
    with pytest.raises(ValidationError, match="niet juist"):
        service.activeer(door=werkgever_a.actor, loonheffingennummer=ander, code=gezien[0])


def test_verlopen_code_geweigerd(werkgever_a, nieuw_nummer, operator, monkeypatch, settings):
    settings.VERIFICATIECODE_GELDIG_DAGEN = 60
    gezien = _code_uit(monkeypatch)
    with freeze_time("2026-01-01 10:00"):
        verificatiecode, _pdf = _brief(nieuw_nummer, operator)
    assert verificatiecode.verloopt_op == verificatiecode.aangemaakt_op + timedelta(days=60)
    with freeze_time("2026-03-02 10:00"), pytest.raises(ValidationError, match="verlopen"):
        service.activeer(door=werkgever_a.actor, loonheffingennummer=nieuw_nummer, code=gezien[0])
    nieuw_nummer.refresh_from_db()
    assert nieuw_nummer.geactiveerd_op is None
    with freeze_time("2026-03-02 09:59"):  # just before: still fine
        service.activeer(door=werkgever_a.actor, loonheffingennummer=nieuw_nummer, code=gezien[0])


def test_vijf_foute_pogingen_blokkeren_ook_de_juiste_code(
    werkgever_a, nieuw_nummer, operator, monkeypatch
):
    gezien = _code_uit(monkeypatch)
    verificatiecode, _pdf = _brief(nieuw_nummer, operator)
    for poging in range(1, 5):
        with pytest.raises(ValidationError, match=f"nog {5 - poging} keer"):
            service.activeer(
                door=werkgever_a.actor, loonheffingennummer=nieuw_nummer, code="AAAA-AAAA-AAAA"
            )
    with pytest.raises(ValidationError, match=r"geblokkeerd\. Er is een nieuwe brief"):
        service.activeer(
            door=werkgever_a.actor, loonheffingennummer=nieuw_nummer, code="AAAA-AAAA-AAAA"
        )
    verificatiecode.refresh_from_db()
    assert verificatiecode.foute_pogingen == 5 and verificatiecode.geblokkeerd

    with pytest.raises(ValidationError, match="geblokkeerd na 5 foute pogingen"):
        service.activeer(door=werkgever_a.actor, loonheffingennummer=nieuw_nummer, code=gezien[0])
    nieuw_nummer.refresh_from_db()
    assert nieuw_nummer.geactiveerd_op is None
    assert Auditregel.objects.filter(omschrijving__startswith="Foute verificatiecode").count() == 4


def test_nieuwe_brief_deblokkeert_met_een_nieuwe_code_en_de_oude_werkt_niet_meer(
    werkgever_a, nieuw_nummer, operator, monkeypatch
):
    gezien = _code_uit(monkeypatch)
    oud, _pdf = _brief(nieuw_nummer, operator)
    for _ in range(5):
        with pytest.raises(ValidationError):
            service.activeer(
                door=werkgever_a.actor, loonheffingennummer=nieuw_nummer, code="AAAA-AAAA-AAAA"
            )
    _brief(nieuw_nummer, operator)
    oud.refresh_from_db()
    assert oud.ingetrokken_op is not None
    assert gezien[0] != gezien[1]
    with pytest.raises(ValidationError, match="niet juist"):
        service.activeer(door=werkgever_a.actor, loonheffingennummer=nieuw_nummer, code=gezien[0])
    service.activeer(door=werkgever_a.actor, loonheffingennummer=nieuw_nummer, code=gezien[1])
    nieuw_nummer.refresh_from_db()
    assert nieuw_nummer.geactiveerd_op is not None


def test_code_staat_nergens_leesbaar_in_de_database(nieuw_nummer, operator, monkeypatch):
    gezien = _code_uit(monkeypatch)
    verificatiecode, _pdf = _brief(nieuw_nummer, operator)
    code = gezien[0]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT * FROM verificatie_verificatiecode WHERE id = %s", [verificatiecode.pk]
        )
        rij = " ".join(str(w) for w in cursor.fetchone())
    assert code not in rij
    assert codes.normaliseer(code) not in rij
    assert code.lower() not in rij.lower()
    assert len(verificatiecode.code_hash) == 64


def test_andere_werkgever_kan_het_nummer_niet_activeren(
    werkgever_b, nieuw_nummer, operator, monkeypatch
):
    gezien = _code_uit(monkeypatch)
    _brief(nieuw_nummer, operator)
    with pytest.raises(ValidationError, match="kunt u niet activeren"):
        service.activeer(door=werkgever_b.actor, loonheffingennummer=nieuw_nummer, code=gezien[0])


def test_geen_brief_zonder_adres_of_voor_een_al_geactiveerd_nummer(werkgever_a, operator):
    with pytest.raises(ValidationError, match="al geactiveerd"):
        _brief(werkgever_a.loonheffingennummer, operator)
    zonder_adres = LoonheffingennummerFactory(geactiveerd_op=None)
    with pytest.raises(ValidationError, match="postadres"):
        _brief(zonder_adres, operator)


def test_code_heeft_het_afgesproken_formaat():
    for _ in range(50):
        code = codes.nieuwe_code()
        assert len(code) == 14 and code[4] == code[9] == "-"
        assert set(codes.normaliseer(code)) <= set(codes.ALFABET)
    assert not set("0O1IL8B5S") & set(codes.ALFABET)
