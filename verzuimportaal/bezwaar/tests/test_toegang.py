"""Every bezwaar route, deny by default (DOMAIN §3 service 8; as toegang/tests)."""

import pytest

from verzuimportaal.aanvragen.tests.toegang import (
    ROLLEN,
    Pagina,
    controleer,
    controleer_rol,
    routes_van,
)
from verzuimportaal.toegang.diensten import Dienst

pytestmark = pytest.mark.klok("2026-11-23")


def _besloten_zaak(a):
    """A decided bezwaar case of werkgever A: visible to an actor holding "Bezwaar maken"."""
    from django.utils import timezone

    from verzuimportaal.aanvragen.models import Soort, Status, Zaak

    zaak, _ = Zaak.objects.get_or_create(
        zaaknummer=f"B{a.werkgever.pk:05d}",
        defaults={
            "werkgever": a.werkgever,
            "soort": Soort.BEZWAAR,
            "dienst": Dienst.BEZWAAR,
            "onderwerp": "Bezwaar",
            "werknemer": a.werknemer,
            "ontvangen_op": timezone.now(),
            "status": Status.BESLUIT,
            "besluit": "afgewezen",
            "besluit_op": timezone.localdate(),
        },
    )
    return zaak


PAGINAS = [
    Pagina("bezwaar:start"),
    Pagina("bezwaar:ander_besluit"),
    Pagina("bezwaar:tegen_besluit", object=_besloten_zaak),
]


def test_elke_route_staat_in_de_tabel():
    assert routes_van("bezwaar") == {p.naam for p in PAGINAS}


@pytest.mark.parametrize("pagina", PAGINAS, ids=lambda p: p.naam)
def test_alleen_met_de_dienst_en_alleen_eigen_gegevens(pagina, werkgever_a, werkgever_b):
    controleer(pagina, Dienst.BEZWAAR, werkgever_a, werkgever_b)


@pytest.mark.parametrize("rol", sorted(ROLLEN))
@pytest.mark.parametrize("pagina", PAGINAS, ids=lambda p: p.naam)
def test_elke_rol_van_de_matrix(pagina, rol, werkgever_a, werkgever_b):
    controleer_rol(pagina, rol, werkgever_a, werkgever_b)
