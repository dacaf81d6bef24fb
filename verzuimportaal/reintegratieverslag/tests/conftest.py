import pytest


@pytest.fixture(autouse=True)
def _prive_opslag(prive_opslag):
    """Every test here stores files in the temporary private storage (root conftest)."""


@pytest.fixture
def behandelaar(db):
    from django.contrib.auth.models import Permission

    from tests.factories import GebruikerFactory

    gebruiker = GebruikerFactory(is_staff=True, first_name="Bea", last_name="Handelaar")
    gebruiker.user_permissions.add(
        Permission.objects.get(codename="behandelen", content_type__app_label="aanvragen")
    )
    return gebruiker
