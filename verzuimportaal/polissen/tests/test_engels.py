"""Policy management in English (ADR 0044): the page and an error of the pure money rules."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from conftest import ingelogde_gebruiker
from tests.engels import in_het_engels, kop
from tests.factories import GebruikerFactory
from tests.html import tekst

pytestmark = pytest.mark.klok("2026-11-23")


def test_polisbeheer_in_het_engels(werkgever_a):
    gebruiker = GebruikerFactory(is_staff=True)
    gebruiker.user_permissions.add(Permission.objects.get(codename="add_polis"))
    with in_het_engels(ingelogde_gebruiker(gebruiker)) as client:
        response = client.get(reverse("polisbeheer:lijst"))
    inhoud = tekst(response)
    assert kop(response) == "Policy management: absence insurance per employer"
    assert "Search employer" in inhoud
    assert "Zoek werkgever" not in inhoud
