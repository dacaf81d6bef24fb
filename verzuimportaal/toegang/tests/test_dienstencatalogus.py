"""Every service of the catalogue (DOMAIN §3: the nine UWV services and the portal's own) gates
at least one real route: a service that can be granted but opens nothing is a defect (issue 14).

The routes come from the URL resolver; a page declares its services with
``@portaal_view(recht=...)`` (``portaal_recht`` on the view).
"""

from collections.abc import Callable
from typing import Any

from django.urls import get_resolver

from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.toegang.tests.test_toegang_per_view import _routes


def gegate_diensten(views: list[Callable[..., Any]]) -> set[str]:
    """The services that at least one of ``views`` demands (alone or as one of several)."""
    return {str(d) for view in views for d in (getattr(view, "portaal_recht", None) or ())}


def _views() -> list[Callable[..., Any]]:
    return [view for _, _, view in _routes(get_resolver().url_patterns)]


def test_elke_dienst_van_de_catalogus_opent_minstens_een_route():
    gegate = gegate_diensten(_views())
    ontbreekt = {d.value for d in Dienst} - gegate
    assert not ontbreekt, f"Diensten zonder pagina: {sorted(ontbreekt)}"


def test_de_controle_vindt_een_ontbrekende_dienst():
    """The check itself fails when a service loses its last route."""
    zonder_banenafspraak = [
        v for v in _views() if Dienst.BANENAFSPRAAK not in (getattr(v, "portaal_recht", None) or ())
    ]
    assert Dienst.BANENAFSPRAAK in gegate_diensten(_views())
    assert Dienst.BANENAFSPRAAK not in gegate_diensten(zonder_banenafspraak)
