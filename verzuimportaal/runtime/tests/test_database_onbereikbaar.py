"""PostgreSQL away (restart, failover): a Dutch 503 page without a traceback, nothing half
written, and the site back by itself when the database is (reused connections are checked)."""

from typing import Any

import psycopg
import pytest
from django.db import OperationalError, close_old_connections, connection
from django.urls import reverse

from conftest import Omgeving, ingelogde_client
from tests.factories import WerknemerFactory
from verzuimportaal.verzuim.models import Nummerreeks, Verzuimgeval

pytestmark = pytest.mark.klok("2026-11-23 10:00")


def _assert_503_pagina(response: Any) -> None:
    assert response.status_code == 503
    inhoud = response.content.decode()
    assert "Het Verzuimportaal is tijdelijk niet beschikbaar" in inhoud
    assert "is <strong>niet</strong> opgeslagen" in inhoud
    assert response["Retry-After"] == "30"
    for spoor in ("Traceback", "OperationalError", "psycopg", "connection", "5432"):
        assert spoor not in inhoud


@pytest.mark.django_db(transaction=True)
def test_database_weg_geeft_503_pagina_en_herstelt_vanzelf(werkgever_a: Omgeving):
    client = ingelogde_client(werkgever_a.lidmaatschap, raise_request_exception=False)
    poort = connection.settings_dict["PORT"]
    # Connections refused, as while PostgreSQL restarts: the port points where nothing listens.
    connection.close()
    connection.settings_dict["PORT"] = "1"
    try:
        _assert_503_pagina(client.get(reverse("portaal:dashboard")))
        _assert_503_pagina(
            client.post(
                reverse("verzuim:ziek_melden", args=[werkgever_a.werknemer.uuid]),
                {"eerste_ziektedag": "2026-11-20", "vangnet": "nee"},
            )
        )
    finally:
        connection.close()
        connection.settings_dict["PORT"] = poort

    # PostgreSQL is back: the next request connects again, no restart of the portal needed.
    assert client.get(reverse("portaal:dashboard")).status_code == 200


@pytest.mark.django_db
def test_verbinding_weg_midden_in_ziekmelding_laat_niets_half_achter(werkgever_a: Omgeving):
    gezond = WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)
    client = ingelogde_client(werkgever_a.lidmaatschap, raise_request_exception=False)
    reeksen = list(Nummerreeks.objects.values_list("sleutel", "laatste"))

    def verbinding_verbroken(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        if sql.startswith('INSERT INTO "verzuim_verzuimmutatie"'):
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(verbinding_verbroken):
        response = client.post(
            reverse("verzuim:ziek_melden", args=[gezond.uuid]),
            {"eerste_ziektedag": "2026-11-20", "vangnet": "nee"},
        )

    _assert_503_pagina(response)
    # The spell was inserted before the failure: rolled back with everything else.
    assert not Verzuimgeval.objects.filter(werknemer=gezond).exists()
    assert list(Nummerreeks.objects.values_list("sleutel", "laatste")) == reeksen


@pytest.mark.django_db(transaction=True)
def test_herbruikte_verbinding_na_herstart_van_postgresql(werkgever_a: Omgeving):
    """CONN_MAX_AGE with CONN_HEALTH_CHECKS (production): a connection killed by a restart is
    noticed before use and replaced; the user sees no error."""
    client = ingelogde_client(werkgever_a.lidmaatschap, raise_request_exception=False)
    oude = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict["CONN_MAX_AGE"] = 60
    connection.settings_dict["CONN_HEALTH_CHECKS"] = True
    try:
        assert client.get(reverse("portaal:dashboard")).status_code == 200
        pid = connection.connection.info.backend_pid
        instellingen = connection.get_connection_params()
        instellingen.pop("cursor_factory", None)
        instellingen.pop("context", None)
        with psycopg.connect(**instellingen, autocommit=True) as beheer:
            beheer.execute("SELECT pg_terminate_backend(%s)", [pid])

        # What Django's WSGI handler does at the start of every request (the test client does
        # not): reused connections get their health check before first use.
        close_old_connections()
        assert client.get(reverse("portaal:dashboard")).status_code == 200
        assert connection.connection.info.backend_pid != pid
    finally:
        connection.close()
        connection.settings_dict["CONN_MAX_AGE"] = oude["CONN_MAX_AGE"]
        connection.settings_dict["CONN_HEALTH_CHECKS"] = oude["CONN_HEALTH_CHECKS"]
