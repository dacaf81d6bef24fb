"""The whole API contract (docs/api/openapi.yaml) as property-based tests (schemathesis): as an
API client with every scope and as one without a scope for the part asked. Per operation a bounded
number of generated requests; every answer must be no server error, have a documented status code
and content type, and match the documented schema (refusals: 401/403/404 as problem details)."""

from pathlib import Path

import pytest
import schemathesis
from django.conf import settings as django_settings
from hypothesis import HealthCheck, settings

from verzuimportaal.koppelingen.tests.factories import registreer, token
from verzuimportaal.toegang.actor import Niveau
from verzuimportaal.toegang.diensten import Dienst

pytestmark = pytest.mark.django_db(transaction=True)

CONTRACT = Path(django_settings.BASE_DIR) / "docs" / "api" / "openapi.yaml"
schema = schemathesis.openapi.from_path(str(CONTRACT))
CONTROLES = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
]
BEGRENSD = settings(
    max_examples=3,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)


@pytest.fixture
def app(live_server) -> str:
    """The portal over HTTP (live server, committed data, as a real client sees it)."""
    return str(live_server.url)


@pytest.fixture
def alle_scopes(werkgever_a) -> str:
    client, secret = registreer(werkgever_a)
    return token(client, secret)


@pytest.fixture
def zonder_scope(werkgever_a) -> str:
    """A client that may only read the statistics: every other operation is refused (403)."""
    client, secret = registreer(werkgever_a, {Dienst.OVERZICHTEN: Niveau.BEKIJKEN})
    return token(client, secret)


@schema.parametrize()
@BEGRENSD
def test_contract_met_alle_scopes(case, app, alle_scopes):
    case.call_and_validate(
        headers={"Authorization": f"Bearer {alle_scopes}"}, base_url=app, checks=CONTROLES
    )


@schema.parametrize()
@BEGRENSD
def test_contract_zonder_scope(case, app, zonder_scope):
    response = case.call_and_validate(
        headers={"Authorization": f"Bearer {zonder_scope}"}, base_url=app, checks=CONTROLES
    )
    if case.path not in ("/api/v1/schema/", "/api/v1/statistiek/"):
        assert response.status_code in (400, 403, 404, 405, 415, 428), response.status_code


@schema.parametrize()
@settings(max_examples=1, deadline=None, suppress_health_check=list(HealthCheck))
def test_contract_zonder_token(case, app):
    response = case.call_and_validate(base_url=app, checks=CONTROLES)
    if case.path != "/api/v1/schema/":
        # Refused before the token is looked at: a malformed path (404), a body that is not
        # (valid) JSON (415, 400). Never anything but a refusal, always a problem detail.
        assert response.status_code in (400, 401, 404, 415), response.status_code
        kopjes = {naam.lower(): waarde for naam, waarde in response.headers.items()}
        assert kopjes["content-type"][0] == "application/problem+json"
