"""Base settings. Everything secret or site-specific comes from the environment (django-environ)."""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PACKAGE_DIR = BASE_DIR / "verzuimportaal"

env = environ.Env()

SECRET_KEY = env.str("SECRET_KEY")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])

DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Shared cache (the SAML client keeps AuthnRequest ids here; must be shared by all workers).
CACHES = {"default": env.cache("CACHE_URL", default="redis://127.0.0.1:6379/2")}

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "axes",
    # Second factor for local accounts (seed 004, DOMAIN §9); the SMS device is in accounts.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_email",
    "mozilla_django_oidc",
    # SAML eHerkenning for a real makelaar (docs/eherkenning.md)
    "solo",
    "privates",
    "simple_certmanager",
    "digid_eherkenning",
    # Domain apps (Dutch names), infrastructure apps (English names)
    "verzuimportaal.utils",
    "verzuimportaal.accounts",
    "verzuimportaal.werkgevers",
    "verzuimportaal.werknemers",
    "verzuimportaal.verzuim",
    "verzuimportaal.aanvragen",
    "verzuimportaal.wazo",
    "verzuimportaal.ontslag",
    "verzuimportaal.bezwaar",
    "verzuimportaal.reintegratieverslag",
    "verzuimportaal.toegang",
    "verzuimportaal.eherkenning",
    "verzuimportaal.portaal",
    "verzuimportaal.audit",
    "verzuimportaal.berichten",
    "verzuimportaal.machtigingen",
    "verzuimportaal.dossier",
    "verzuimportaal.herinneringen",
    "verzuimportaal.statistiek",
    "verzuimportaal.overzichten",
    "verzuimportaal.voorwaarden",
    "verzuimportaal.blokkades",
    "verzuimportaal.storingen",
    "verzuimportaal.verificatie",
    "verzuimportaal.fusies",
    "verzuimportaal.bewaartermijnen",
    "verzuimportaal.inzage",
    "verzuimportaal.api",
    "verzuimportaal.runtime",
    "verzuimportaal.koppelingen",
    "verzuimportaal.webhooks",
    "verzuimportaal.imports",
    # The portal's OAuth2 authorization server for API clients (client credentials, ADR 0022).
    "oauth2_provider",
    "verzuimportaal.lonen",
    "verzuimportaal.polissen",
    "verzuimportaal.uitkeringen",
    "verzuimportaal.verzamelspecificaties",
    "verzuimportaal.facturen",
    "verzuimportaal.reintegratiekosten",
    "verzuimportaal.doelgroepregister",
    "verzuimportaal.eigenrisicodragers",
    "rest_framework",
    "drf_spectacular",
]

MIDDLEWARE = [
    # Request id for the logs; /health/*, /metrics answered before anything needs a session.
    "verzuimportaal.runtime.middleware.RuntimeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Every response without its own Cache-Control: no-store (personal data, DOMAIN §9).
    "verzuimportaal.utils.middleware.GeenCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Dutch unless the account or the visitor chose English; never Accept-Language (ADR 0044).
    "verzuimportaal.accounts.middleware.TaalMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "verzuimportaal.accounts.middleware.SessieTimeoutMiddleware",
    # eHerkenning sessions go back to the broker after an hour: a revoked machtiging stops there.
    "verzuimportaal.eherkenning.middleware.HerauthenticatieMiddleware",
    "verzuimportaal.accounts.middleware.TweedeFactorMiddleware",
    # Governance (ADR 0006): interruption mode, blocked parties, terms accepted before use.
    "verzuimportaal.storingen.middleware.OnderbrekingMiddleware",
    "verzuimportaal.blokkades.middleware.BlokkadeMiddleware",
    "verzuimportaal.voorwaarden.middleware.VoorwaardenMiddleware",
    # eHerkenning: a display name and a confirmed e-mail address after the terms (ADR 0025).
    "verzuimportaal.eherkenning.middleware.GegevensMiddleware",
    # AxesMiddleware should be the last middleware in the MIDDLEWARE list.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "verzuimportaal.urls"
WSGI_APPLICATION = "verzuimportaal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "verzuimportaal.toegang.context_processors.acterende_context",
                "verzuimportaal.accounts.context_processors.sessie",
                "verzuimportaal.eherkenning.context_processors.persoon",
                "verzuimportaal.storingen.context_processors.storingen",
                "verzuimportaal.voorwaarden.context_processors.voorwaarden",
                "verzuimportaal.berichten.context_processors.ongelezen",
            ],
        },
    },
]
FORM_RENDERER = "verzuimportaal.utils.forms.PortaalFormRenderer"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "verzuimportaal.eherkenning.backend.EHerkenningBackend",
    "verzuimportaal.eherkenning.saml.EHerkenningSamlBackend",
]
# Password rules of local accounts (seed 004, DOMAIN §3/§9); the seed's preset is the default.
_WW = "verzuimportaal.accounts.wachtwoord."
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": _WW + "LengteValidator",
        "OPTIONS": {
            "minimum": env.int("WACHTWOORD_MINIMUM_LENGTE", default=8),
            "maximum": env.int("WACHTWOORD_MAXIMUM_LENGTE", default=16),
        },
    },
    {"NAME": _WW + "GeenGebruikersnaamValidator", "OPTIONS": {"minimum_deel": 3}},
    {
        "NAME": _WW + "VerbodenTekensValidator",
        "OPTIONS": {"tekens": env.str("WACHTWOORD_VERBODEN_TEKENS", default="@$#%")},
    },
    {
        "NAME": _WW + "CategorieenValidator",
        "OPTIONS": {"minimum": env.int("WACHTWOORD_MINIMUM_CATEGORIEEN", default=3)},
    },
    {"NAME": _WW + "VeelGebruiktValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "portaal:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"

# The demo/test simulator (conf/simulator.py) is never installed unless a settings module adds it.
EHERKENNING_SIMULATOR_ENABLED = False

# eHerkenning via an OIDC broker (docs/eherkenning.md). Endpoints derive from the issuer unless
# set one by one; claim paths and the level mapping are configuration, not code.
EHERKENNING_OIDC_ENABLED = env.bool("EHERKENNING_OIDC_ENABLED", default=False)
OIDC_OP_ISSUER = env.str("EHERKENNING_OIDC_ISSUER", default="")
OIDC_OP_AUTHORIZATION_ENDPOINT = env.str(
    "EHERKENNING_OIDC_AUTHORIZATION_ENDPOINT", default=f"{OIDC_OP_ISSUER}/authorize/"
)
OIDC_OP_TOKEN_ENDPOINT = env.str(
    "EHERKENNING_OIDC_TOKEN_ENDPOINT", default=f"{OIDC_OP_ISSUER}/token/"
)
OIDC_OP_USER_ENDPOINT = env.str(
    "EHERKENNING_OIDC_USERINFO_ENDPOINT", default=f"{OIDC_OP_ISSUER}/userinfo/"
)
OIDC_OP_JWKS_ENDPOINT = env.str(
    "EHERKENNING_OIDC_JWKS_ENDPOINT", default=f"{OIDC_OP_ISSUER}/.well-known/jwks.json"
)
OIDC_OP_LOGOUT_ENDPOINT = env.str(
    "EHERKENNING_OIDC_LOGOUT_ENDPOINT", default=f"{OIDC_OP_ISSUER}/logout/"
)
OIDC_RP_CLIENT_ID = env.str("EHERKENNING_OIDC_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env.str("EHERKENNING_OIDC_CLIENT_SECRET", default="")
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_RP_SCOPES = env.str("EHERKENNING_OIDC_SCOPES", default="openid eherkenning")
OIDC_USE_PKCE = True
OIDC_USE_NONCE = True
OIDC_STORE_ID_TOKEN = True
OIDC_AUTHENTICATION_CALLBACK_URL = "eherkenning:callback"
OIDC_TIMEOUT = 10
OIDC_KLOKAFWIJKING_SECONDEN = 60
LOGIN_REDIRECT_URL_FAILURE = "/oidc/geweigerd/"
EHERKENNING = {
    "DIENSTVERLENER_OIN": env.str("EHERKENNING_DIENSTVERLENER_OIN", default="00000001234567890000"),
    "MINIMUM_NIVEAU": "EH3",  # DOMAIN §2: the portal refuses anything below EH3
    "CLAIM_PSEUDONIEM": env.str(
        "EHERKENNING_CLAIM_PSEUDONIEM", default="urn:etoegang:core:ActingSubjectID"
    ),
    "CLAIM_KVK": env.list(
        "EHERKENNING_CLAIM_KVK", default=["urn:etoegang:core:LegalSubjectID", "value"]
    ),
    "CLAIM_INTERMEDIAIR": env.str(
        "EHERKENNING_CLAIM_INTERMEDIAIR", default="urn:etoegang:1.9:IntermediateEntityID:KvKnr"
    ),
    "CLAIM_DIENSTEN": env.str("EHERKENNING_CLAIM_DIENSTEN", default="urn:etoegang:core:ServiceID"),
    "CLAIM_NIVEAU": env.str("EHERKENNING_CLAIM_NIVEAU", default="acr"),
    "NIVEAUS": {
        "urn:etoegang:core:assurance-class:loa1": "EH1",
        "urn:etoegang:core:assurance-class:loa2": "EH2",
        "urn:etoegang:core:assurance-class:loa2plus": "EH2+",
        "urn:etoegang:core:assurance-class:loa3": "EH3",
        "urn:etoegang:core:assurance-class:loa4": "EH4",
    },
}

# DOMAIN §9, ADR 0017: lockout after 5 failures per username (from any IP) and separately per IP
# address (for any username), each with a cool-off. Failed second-factor codes count too.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_TIME_HOURS", default=0.5)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# Reverse proxies (IP addresses or networks) whose X-Forwarded-For is believed; empty: none, the
# connection's address is the client. Lockout and audit log use the same address (utils.clientip).
VERTROUWDE_PROXIES = env.list("VERTROUWDE_PROXIES", default=[])
AXES_CLIENT_IP_CALLABLE = "verzuimportaal.utils.clientip.client_ip"
AXES_LOCKOUT_TEMPLATE = "accounts/geblokkeerd.html"
AXES_RESET_ON_SUCCESS = True

# DOMAIN §9: idle timeout 15 min, absolute timeout 8 h.
SESSIE_IDLE_TIMEOUT = env.int("SESSIE_IDLE_TIMEOUT_SECONDEN", default=15 * 60)
SESSIE_ABSOLUTE_TIMEOUT = env.int("SESSIE_ABSOLUTE_TIMEOUT_SECONDEN", default=8 * 60 * 60)
SESSION_COOKIE_AGE = SESSIE_ABSOLUTE_TIMEOUT
# eHerkenning: back to the broker after this long since login (a revoked machtiging then ends).
# Seed 004: every new ziekmelding is also e-mailed to the arbodienst (empty: only to the
# werkgever's casemanagers).
ARBODIENST_EMAIL = env.str("ARBODIENST_EMAIL", default="")
# Reminders reach an eHerkenning person whose latest login (with the right machtiging) is at most
# this many days ago (ADR 0025): the portal never hears that a machtiging ended.
EHERKENNING_HERINNERINGEN_DAGEN = env.int("EHERKENNING_HERINNERINGEN_DAGEN", default=90)
EHERKENNING_HERAUTHENTICATIE_SECONDEN = env.int(
    "EHERKENNING_HERAUTHENTICATIE_SECONDEN", default=60 * 60
)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "/media/"
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private_media")
PRIVATE_MEDIA_URL = "/private-media/"
SENDFILE_BACKEND = "django_sendfile.backends.simple"
SENDFILE_ROOT = str(PRIVATE_MEDIA_ROOT)
SENDFILE_URL = PRIVATE_MEDIA_URL
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # Certificates and metadata of the SAML configuration; never served from a public URL.
    "privates": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": str(PRIVATE_MEDIA_ROOT),
            "base_url": PRIVATE_MEDIA_URL,
            "file_permissions_mode": 0o600,
            "directory_permissions_mode": 0o700,
        },
    },
}

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "static_root")
STATICFILES_DIRS = [PACKAGE_DIR / "static"]

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
# Only for the file-based backend (local stack, tests): one file per message in this folder.
EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH", default=str(BASE_DIR / "mail"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="noreply@verzuimportaal.nl")

# Security headers (DOMAIN §9).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Celery (Redis broker); tasks are idempotent and acknowledged late (DOMAIN §9).
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="redis://127.0.0.1:6379/0")
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default="redis://127.0.0.1:6379/1")
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A task taken by a worker that then dies (SIGKILL, lost machine) goes back to the queue after this
# many seconds (Redis has no consumer acknowledgements); tasks are idempotent, so a slow task that
# is handed out twice does its work once.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT_SECONDEN", default=15 * 60)
}
CELERY_TIMEZONE = TIME_ZONE
# Workers log through LOGGING above (JSON in production, masked), not Celery's own set-up.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# One queue name per installation, so two stacks can share a Redis server without mixing tasks.
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_QUEUE", default="verzuimportaal")

# Portal behaviour.
WERKNEMERS_PER_PAGINA = env.int("WERKNEMERS_PER_PAGINA", default=25)
# Dashboard figures are cached per werkgever data version (ADR 0011); this bound only matters for
# changes made outside the services (database console, bulk loads).
DASHBOARD_CACHE_SECONDEN = env.int("DASHBOARD_CACHE_SECONDEN", default=3600)
# After each write a worker computes the new figures, so users rarely wait for them.
DASHBOARD_VOORVERWARMEN = env.bool("DASHBOARD_VOORVERWARMEN", default=True)

# Logs on stdout: JSON lines with the request id in production (LOG_FORMAAT=json), plain text
# elsewhere; BSN-like numbers and tokens are masked in both (verzuimportaal.runtime.logboek).
LOG_FORMAAT = env.str("LOG_FORMAAT", default="tekst")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "verzoek_id": {"()": "verzuimportaal.runtime.logboek.VerzoekIdFilter"},
        "maskeer": {"()": "verzuimportaal.runtime.logboek.MaskeerFilter"},
        "geen_traceback_bij_403": {
            "()": "verzuimportaal.utils.logfilters.GeenTracebackBijWeigering"
        },
    },
    "formatters": {
        "tekst": {"format": "%(asctime)s %(levelname)s %(name)s [%(verzoek_id)s] %(message)s"},
        "json": {"()": "verzuimportaal.runtime.logboek.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAAT,
            "filters": ["verzoek_id", "maskeer"],
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.request": {"filters": ["geen_traceback_bij_403"]},
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
# /metrics (Prometheus) answers only with "Authorization: Bearer <METRICS_TOKEN>"; unset: 404.
METRICS_TOKEN = env.str("METRICS_TOKEN", default="")

# API (DRF): the portal session and its acting werkgever; rights as on the pages (api/permissions).
REST_FRAMEWORK = {
    # A system client's bearer token first (koppelingen, ADR 0022), then the portal session.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "verzuimportaal.koppelingen.authenticatie.KoppelingAuthenticatie",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["verzuimportaal.koppelingen.throttling.PerKoppeling"],
    "DEFAULT_THROTTLE_RATES": {"koppeling": env.str("API_KOPPELING_LIMIET", default="600/min")},
    "DEFAULT_PERMISSION_CLASSES": ["verzuimportaal.api.permissions.PortaalRecht"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["verzuimportaal.api.parsers.PortaalJSONParser"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "verzuimportaal.api.schema.PortaalAutoSchema",
    # Errors as RFC 9457 problem details in Dutch (api/fouten.py).
    "EXCEPTION_HANDLER": "verzuimportaal.api.fouten.probleem_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
# OAuth2 for API clients (koppelingen): only client credentials, scopes per service and level
# (``dienst:bekijken`` / ``dienst:wijzigen``) come from the scopes backend, per client.
OAUTH2_PROVIDER: dict[str, object] = {
    "SCOPES_BACKEND_CLASS": "verzuimportaal.koppelingen.scopes.KoppelingScopes",
    "ACCESS_TOKEN_EXPIRE_SECONDS": env.int("API_TOKEN_GELDIG_SECONDEN", default=3600),
    "SCOPES": {},
    "DEFAULT_SCOPES": [],
}
OAUTH2_PROVIDER_APPLICATION_MODEL = "oauth2_provider.Application"
SPECTACULAR_SETTINGS = {
    "TITLE": "Verzuimportaal API",
    "DESCRIPTION": "Werknemers en verzuim van de werkgever waarvoor u in het portaal werkt. "
    "Dezelfde rechten als in het portaal; schrijfverzoeken accepteren een Idempotency-Key.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "OAS_VERSION": "3.1.0",
}

# Inbox (seed 003 art. 2.5/2.8): base address for links in notification e-mails; page size.
PORTAAL_URL = env.str("PORTAAL_URL", default="http://127.0.0.1:8000")
BERICHTEN_PER_PAGINA = env.int("BERICHTEN_PER_PAGINA", default=20)
# Verificatiecode by letter (seed 003 art. 1, 2.6): days a code stays valid.
VERIFICATIECODE_GELDIG_DAGEN = env.int("VERIFICATIECODE_GELDIG_DAGEN", default=60)

# Verzuimdossier: largest document a user may upload, in bytes (DOMAIN §9; default 10 MB).
DOSSIER_MAX_UPLOAD_BYTES = env.int("DOSSIER_MAX_UPLOAD_BYTES", default=10 * 1024 * 1024)
# A Word document (.docx, a zip) may unpack to at most this many bytes and members (zip bombs).
DOSSIER_MAX_UITGEPAKT_BYTES = env.int("DOSSIER_MAX_UITGEPAKT_BYTES", default=50 * 1024 * 1024)
DOSSIER_MAX_ZIPLEDEN = env.int("DOSSIER_MAX_ZIPLEDEN", default=1000)
# Verzuimdossier: place a PDF ontvangstbevestiging in the inbox after every melding (async task).
DOSSIER_ONTVANGSTBEVESTIGINGEN = env.bool("DOSSIER_ONTVANGSTBEVESTIGINGEN", default=True)

# Local accounts (seed 004, DOMAIN §9): second factor, remembered browsers, re-authentication.
# SMS_GATEWAY: dotted path of a class with verstuur(); the outbox gateway only stores messages and
# its outbox page (/account/sms-outbox/) exists only with DEBUG or SMS_OUTBOX_ZICHTBAAR.
SMS_GATEWAY = env.str("SMS_GATEWAY", default="verzuimportaal.accounts.sms.OutboxGateway")
SMS_OUTBOX_ZICHTBAAR = env.bool("SMS_OUTBOX_ZICHTBAAR", default=False)
TWEEDE_FACTOR_CODE_GELDIG = env.int("TWEEDE_FACTOR_CODE_GELDIG_SECONDEN", default=5 * 60)
TWEEDE_FACTOR_MAX_POGINGEN = env.int("TWEEDE_FACTOR_MAX_POGINGEN", default=5)
TWEEDE_FACTOR_OPNIEUW_STUREN_NA = env.int("TWEEDE_FACTOR_OPNIEUW_STUREN_NA_SECONDEN", default=60)
VERTROUWD_APPARAAT_DAGEN = env.int("VERTROUWD_APPARAAT_DAGEN", default=30)
VERTROUWD_APPARAAT_COOKIE_SECURE = env.bool("VERTROUWD_APPARAAT_COOKIE_SECURE", default=True)
HERBEVESTIGING_GELDIG = env.int("HERBEVESTIGING_GELDIG_SECONDEN", default=5 * 60)
OTP_EMAIL_SUBJECT = _("Uw verificatiecode voor het Verzuimportaal")
OTP_EMAIL_BODY_TEMPLATE_PATH = "accounts/email/code.txt"
OTP_EMAIL_TOKEN_VALIDITY = TWEEDE_FACTOR_CODE_GELDIG
OTP_EMAIL_COOLDOWN_DURATION = TWEEDE_FACTOR_OPNIEUW_STUREN_NA
OTP_EMAIL_THROTTLE_FACTOR = 0  # tries are limited per code and counted by django-axes instead
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_TOTP_ISSUER = "Verzuimportaal"
PASSWORD_RESET_TIMEOUT = env.int("WACHTWOORD_HERSTEL_GELDIG_SECONDEN", default=60 * 60)

# Poortwachter reminders (herinneringen app, DOMAIN §5): "vooraf" for deadlines up to this many
# days ahead; a "verlopen" reminder is still sent for deadlines passed up to INHAALDAGEN days ago
# (a job that did not run for a few days catches up, each reminder once). Daily at 06:00.
HERINNERING_DAGEN_VOORAF = env.int("HERINNERING_DAGEN_VOORAF", default=7)
HERINNERING_INHAALDAGEN = env.int("HERINNERING_INHAALDAGEN", default=7)
CELERY_BEAT_SCHEDULE = {
    "herinneringen-versturen": {
        "task": "verzuimportaal.herinneringen.tasks.verstuur_herinneringen_task",
        "schedule": crontab(hour=6, minute=0),  # CELERY_TIMEZONE: Europe/Amsterdam
    },
    # Outbox (ADR 0019): follow-ups of committed writes to the broker, within about a second.
    "uitgaand-versturen": {
        "task": "verzuimportaal.runtime.tasks.verstuur_uitgaand",
        "schedule": env.float("UITGAAND_INTERVAL_SECONDEN", default=1.0),
    },
    # DOMAIN §7.3: the uitkering over the month just ended; days 1-5 so a missed day catches up
    # (the run is idempotent, ADR 0030).
    "uitkeringen-maandrun": {
        "task": "verzuimportaal.uitkeringen.tasks.maandrun_task",
        "schedule": crontab(hour=2, minute=30, day_of_month="1-5"),
    },
    # DOMAIN §4.7: remove or anonymise what is past its retention period (ADR 0020).
    # DOMAIN §7.4: the arbofactuur of the month, peildatum the 1st (idempotent per werkgever).
    "facturen-arbofacturen": {
        "task": "verzuimportaal.facturen.tasks.arbofacturen_task",
        "schedule": crontab(hour=3, minute=0, day_of_month="1-5"),
    },
    # DOMAIN §5.1 (ADR 0026): a spell that runs into leave ends at the leave start.
    "verzuim-sluiten-bij-verlof": {
        "task": "verzuimportaal.wazo.tasks.sluit_verzuim_bij_begin_verlof_task",
        "schedule": crontab(hour=0, minute=20),
    },
    # The January update of wage data (seed 004, ADR 0042) and its reminders.
    "lonen-januari": {
        "task": "verzuimportaal.lonen.tasks.januari_task",
        "schedule": crontab(hour=4, minute=0, day_of_month="2-10", month_of_year="1"),
    },
    "lonen-herinneringen": {
        "task": "verzuimportaal.lonen.tasks.herinner_task",
        "schedule": crontab(hour=8, minute=15),
    },
    "bewaartermijnen-opschonen": {
        "task": "verzuimportaal.bewaartermijnen.tasks.schoon_op_task",
        "schedule": crontab(hour=3, minute=30),
    },
    # Webhooks (ADR 0023): retries with backoff, and deliveries a worker missed.
    "webhooks-versturen": {
        "task": "verzuimportaal.webhooks.tasks.verstuur_openstaande_task",
        "schedule": 60.0,
    },
    "idempotentiesleutels-opruimen": {
        "task": "verzuimportaal.api.tasks.ruim_idempotentiesleutels_op",
        "schedule": crontab(minute=17),
    },
}
# Bulk import of werknemers: most rows in one file.
IMPORT_MAX_RIJEN = env.int("IMPORT_MAX_RIJEN", default=20000)
# Webhooks: http and internal addresses only where the receiver runs locally (demo, tests).
WEBHOOKS_PRIVE_ADRESSEN_TOESTAAN = env.bool("WEBHOOKS_PRIVE_ADRESSEN_TOESTAAN", default=False)
# API: how long a retry with the same Idempotency-Key gets the stored answer (ADR 0008).
API_IDEMPOTENTIE_UREN = env.int("API_IDEMPOTENTIE_UREN", default=24)
# Route B (seed 002): days the e-mailed link to confirm an advisor's access stays valid.
MACHTIGINGEN_BEVESTIGING_DAGEN = env.int("MACHTIGINGEN_BEVESTIGING_DAGEN", default=7)

# Interruption mode (storingen, ADR 0006): Retry-After (seconds) when a notice has no end.
STORING_RETRY_AFTER_SECONDEN = env.int("STORING_RETRY_AFTER_SECONDEN", default=15 * 60)
