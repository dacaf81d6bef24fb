import pytest


@pytest.fixture(autouse=True)
def _prive_opslag(prive_opslag):
    """Documents and letters of these tests go to a temporary private storage."""
    return prive_opslag
