"""Sentry, only when SENTRY_DSN is set: errors without personal data (DOMAIN §9)."""

from typing import Any

from .logboek import maskeer


def _schoon(waarde: Any) -> Any:
    if isinstance(waarde, str):
        return maskeer(waarde)
    if isinstance(waarde, dict):
        return {k: _schoon(v) for k, v in waarde.items()}
    if isinstance(waarde, list | tuple):
        return [_schoon(v) for v in waarde]
    return waarde


def voor_verzenden(event: dict[str, Any], hint: dict[str, Any]) -> dict[str, Any]:
    """No request bodies, cookies or headers; BSN-like numbers and tokens masked everywhere."""
    verzoek = event.get("request")
    if isinstance(verzoek, dict):
        for veld in ("data", "cookies", "headers", "query_string"):
            verzoek.pop(veld, None)
    return _schoon(event)


def start_sentry(*, dsn: str, omgeving: str, steekproef: float) -> None:
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=omgeving,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        send_default_pii=False,
        max_request_body_size="never",
        include_local_variables=False,
        traces_sample_rate=steekproef,
        before_send=voor_verzenden,  # type: ignore[arg-type]
    )
