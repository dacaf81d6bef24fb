"""Production: everything from the environment; refuses to start without SECRET_KEY/DATABASE_URL.

Runs under gunicorn (gunicorn.conf.py) behind a TLS-terminating load balancer; static files with
hashed names are served by whitenoise; JSON logs; Sentry only when SENTRY_DSN is set.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, DATABASES, LOGGING, MIDDLEWARE, OAUTH2_PROVIDER, STORAGES, env
from .weigeren import onveilige_instellingen, weiger_onveilige_instellingen

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# One-box stack on a developer machine (make stack): plain HTTP on 127.0.0.1, so cookies without
# Secure and no redirect to HTTPS. Refused unless every allowed host is local.
LOKAAL_ZONDER_HTTPS = env.bool("LOKAAL_ZONDER_HTTPS", default=False)
if LOKAAL_ZONDER_HTTPS:
    if not ALLOWED_HOSTS or any(
        h not in ("127.0.0.1", "localhost", "[::1]") for h in ALLOWED_HOSTS
    ):
        raise ImproperlyConfigured(
            "LOKAAL_ZONDER_HTTPS mag alleen met ALLOWED_HOSTS=127.0.0.1,localhost; "
            "zet het uit voor elke echte installatie."
        )
    SECURE_SSL_REDIRECT = False
    SECURE_HSTS_SECONDS = 0
    SESSION_COOKIE_SECURE = False
    CSRF_COOKIE_SECURE = False
    VERTROUWD_APPARAAT_COOKIE_SECURE = False

# Database connections are reused by a worker for CONN_MAX_AGE seconds and checked before reuse,
# so a restarted PostgreSQL costs one failed request per connection, not a dead worker.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# Static files with content hashes in their names, compressed, served by whitenoise with a
# far-future Cache-Control (collectstatic at build time, see Dockerfile).
STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)

_console: dict[str, object] = LOGGING["handlers"]["console"]  # type: ignore[index]
_console["formatter"] = env.str("LOG_FORMAAT", default="json")

SENTRY_DSN = env.str("SENTRY_DSN", default="")
if SENTRY_DSN:
    from verzuimportaal.runtime.sentry import start_sentry

    start_sentry(
        dsn=SENTRY_DSN,
        omgeving=env.str("SENTRY_ENVIRONMENT", default="productie"),
        steekproef=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
    )

# OAuth2 for API clients (koppelingen, ADR 0022) follows the OAuth 2.0 Security BCP (RFC 9700):
# only client credentials are used, tokens are stored hashed, never accepted in a query string,
# and redirect URIs (none are registered for API clients) must be https.
OAUTH2_PROVIDER = {
    **OAUTH2_PROVIDER,
    "COMPLIANT_BCP_RFC9700_IMPLICIT_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PASSWORD_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PKCE_METHOD": True,
    "COMPLIANT_BCP_RFC9700_ACCESS_TOKEN_TRANSPORT": True,
    "COMPLIANT_BCP_RFC9700_AUTHZ_RESPONSE_ISS": True,
    "COMPLIANT_BCP_RFC9700_TOKEN_STORAGE": True,
    "COMPLIANT_BCP_RFC9700_REFRESH_TOKEN": True,
    "REFRESH_TOKEN_REUSE_PROTECTION": True,
    "ALLOWED_REDIRECT_URI_SCHEMES": ["https"],
}

# Last: refuse demo and test defaults (SMS outbox, placeholder URL or OIN, demo apps). The local
# stack (LOKAAL_ZONDER_HTTPS, only on 127.0.0.1, see above) has no SMS provider and no https
# address; everything else is refused there too.
if LOKAAL_ZONDER_HTTPS:
    _fouten = [
        fout
        for fout in onveilige_instellingen(globals())
        if not fout.startswith(("SMS_GATEWAY", "PORTAAL_URL"))
    ]
    if _fouten:
        raise ImproperlyConfigured(
            "Productie start niet met deze instellingen:\n- " + "\n- ".join(_fouten)
        )
else:
    weiger_onveilige_instellingen(globals())
