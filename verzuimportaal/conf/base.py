"""Base settings. Everything secret or site-specific comes from the environment (django-environ)."""

from pathlib import Path

import environ

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
    "verzuimportaal.toegang",
    "verzuimportaal.eherkenning",
    "verzuimportaal.portaal",
    "verzuimportaal.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "verzuimportaal.accounts.middleware.SessieTimeoutMiddleware",
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
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
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
        "urn:etoegang:core:assurance-class:loa2": "EH2",
        "urn:etoegang:core:assurance-class:loa2plus": "EH2+",
        "urn:etoegang:core:assurance-class:loa3": "EH3",
        "urn:etoegang:core:assurance-class:loa4": "EH4",
    },
}

# DOMAIN §9: lockout on username + IP after 5 failures, with cool-off.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_TIME_HOURS", default=0.5)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/geblokkeerd.html"
AXES_RESET_ON_SUCCESS = True

# DOMAIN §9: idle timeout 15 min, absolute timeout 8 h.
SESSIE_IDLE_TIMEOUT = env.int("SESSIE_IDLE_TIMEOUT_SECONDEN", default=15 * 60)
SESSIE_ABSOLUTE_TIMEOUT = env.int("SESSIE_ABSOLUTE_TIMEOUT_SECONDEN", default=8 * 60 * 60)
SESSION_COOKIE_AGE = SESSIE_ABSOLUTE_TIMEOUT
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
CELERY_TIMEZONE = TIME_ZONE

# Portal behaviour.
WERKNEMERS_PER_PAGINA = env.int("WERKNEMERS_PER_PAGINA", default=25)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"eenvoudig": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "eenvoudig"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
