"""Every re-integratieverslag route, deny by default (DOMAIN §3 service 9;
toegang/tests/test_toegang_per_view)."""

from datetime import date

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


def _lang_verzuim(a):
    """Werkgever A's spell, started long enough ago to have a WIA-aanvraag ahead."""
    a.verzuimgeval.eerste_ziektedag = date(2025, 1, 6)
    a.verzuimgeval.save(update_fields=["eerste_ziektedag"])
    return a.verzuimgeval


PAGINAS = [
    Pagina("reintegratieverslag:overzicht"),
    Pagina("reintegratieverslag:verslag", object=_lang_verzuim),
    Pagina("reintegratieverslag:indienen", object=_lang_verzuim),
]


def test_elke_route_staat_in_de_tabel():
    assert routes_van("reintegratieverslag") == {p.naam for p in PAGINAS}


@pytest.mark.parametrize("pagina", PAGINAS, ids=lambda p: p.naam)
def test_alleen_met_de_dienst_en_alleen_eigen_gegevens(pagina, werkgever_a, werkgever_b):
    controleer(pagina, Dienst.REINTEGRATIE_WIA, werkgever_a, werkgever_b)


@pytest.mark.parametrize("rol", sorted(ROLLEN))
@pytest.mark.parametrize("pagina", PAGINAS, ids=lambda p: p.naam)
def test_elke_rol_van_de_matrix(pagina, rol, werkgever_a, werkgever_b):
    controleer_rol(pagina, rol, werkgever_a, werkgever_b)
