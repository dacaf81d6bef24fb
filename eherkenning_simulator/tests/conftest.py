from io import StringIO

import pytest
from django.core.management import call_command


@pytest.fixture
def demo(db: None) -> None:
    """The simulator's demo data, exactly as ``simulator_demo`` creates it.

    Loaded per test (rolled back afterwards), so nothing leaks into other suites that share
    the test database when the simulator's tests run inside the portal's test session.
    """
    call_command("simulator_demo", stdout=StringIO())
