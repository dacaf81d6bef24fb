import pytest


@pytest.fixture(autouse=True)
def _prive_opslag(prive_opslag):
    """Every test here stores notas in the temporary private storage (root conftest)."""
