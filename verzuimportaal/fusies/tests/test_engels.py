"""A transfer refused in the language of the operator (ADR 0044)."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tests.factories import GebruikerFactory
from verzuimportaal.fusies.service import draag_meldingen_over
from verzuimportaal.toegang.actor import beheerder


def test_weigering_in_het_engels(werkgever_a):
    operator = GebruikerFactory(is_staff=True)
    nummer = werkgever_a.loonheffingennummer
    with translation.override("en"), pytest.raises(ValidationError) as fout:
        draag_meldingen_over(door=beheerder(operator), van=nummer, naar=nummer)
    assert fout.value.messages == ["Choose two different payroll tax numbers."]
