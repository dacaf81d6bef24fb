"""Browser security headers on every page (DOMAIN §9; ASVS 5.0 3.4.3-3.4.6)."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("ingelogd", [False, True])
def test_csp_nosniff_en_referrer_policy(werkgever_a, eigenaar, ingelogd):
    client = eigenaar if ingelogd else Client()
    antwoord = client.get(reverse("portaal:dashboard") if ingelogd else reverse("accounts:login"))
    csp = antwoord["Content-Security-Policy"]
    for richtlijn in ("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"):
        assert richtlijn in csp
    assert "unsafe-inline" not in csp
    assert "script-src 'self'" in csp
    assert antwoord["X-Content-Type-Options"] == "nosniff"
    assert antwoord["Referrer-Policy"] == "same-origin"
