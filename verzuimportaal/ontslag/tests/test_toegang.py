"""Every ontslag route, deny by default (DOMAIN §3 service 3; as toegang/tests)."""

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

PAGINAS = [
    Pagina("ontslag:start"),
    Pagina("ontslag:ontslagaanvraag", object=lambda a: a.werknemer),
    Pagina("ontslag:compensatie", object=lambda a: a.werknemer),
]


def test_elke_route_staat_in_de_tabel():
    assert routes_van("ontslag") == {p.naam for p in PAGINAS}


@pytest.mark.parametrize("pagina", PAGINAS, ids=lambda p: p.naam)
def test_alleen_met_de_dienst_en_alleen_eigen_gegevens(pagina, werkgever_a, werkgever_b):
    controleer(pagina, Dienst.ONTSLAGAANVRAAG, werkgever_a, werkgever_b)


@pytest.mark.parametrize("rol", sorted(ROLLEN))
@pytest.mark.parametrize("pagina", PAGINAS, ids=lambda p: p.naam)
def test_elke_rol_van_de_matrix(pagina, rol, werkgever_a, werkgever_b):
    controleer_rol(pagina, rol, werkgever_a, werkgever_b)
