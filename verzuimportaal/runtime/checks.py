"""Deploy checks (``manage.py check --deploy``) for the production runtime."""

from typing import Any

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def controleer_runtime(app_configs: Any, **kwargs: Any) -> list[Warning]:
    waarschuwingen = []
    if not settings.METRICS_TOKEN:
        waarschuwingen.append(
            Warning(
                "METRICS_TOKEN is niet gezet: /metrics bestaat dan niet (404).",
                hint="Zet METRICS_TOKEN en geef Prometheus dezelfde waarde als bearer token.",
                id="runtime.W001",
            )
        )
    elif len(settings.METRICS_TOKEN) < 32:
        waarschuwingen.append(
            Warning(
                "METRICS_TOKEN is korter dan 32 tekens.",
                hint="Gebruik een lange willekeurige waarde, bijvoorbeeld `openssl rand -hex 32`.",
                id="runtime.W002",
            )
        )
    if not settings.DATABASES["default"].get("CONN_MAX_AGE"):
        waarschuwingen.append(
            Warning(
                "CONN_MAX_AGE is 0: elk verzoek opent een nieuwe databaseverbinding.",
                hint="Zet CONN_MAX_AGE (seconden) of gebruik PgBouncer (docs/deploy.md).",
                id="runtime.W003",
            )
        )
    opslag: Any = settings.STORAGES
    if "Manifest" not in opslag["staticfiles"]["BACKEND"]:
        waarschuwingen.append(
            Warning(
                "Statische bestanden hebben geen hash in hun naam.",
                hint="Gebruik whitenoise.storage.CompressedManifestStaticFilesStorage.",
                id="runtime.W004",
            )
        )
    return waarschuwingen
