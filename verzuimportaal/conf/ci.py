"""Test settings: real PostgreSQL by default (DATABASE_URL may point elsewhere, e.g. SQLite).

The eHerkenning simulator is installed so the login flows are tested over real HTTP.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-only-not-secret-7d1e0c")
os.environ.setdefault("DEBUG", "false")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/verzuimportaal")
os.environ.setdefault("CACHE_URL", "locmemcache://")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")

from .base import *  # noqa: F403
from .simulator import *  # noqa: F403
from .simulator import OAUTH2_PROVIDER, simulator_sleutel

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Second database, only for the statistics tests: the same SQL must give the same numbers on SQLite.
DATABASES["sqlite"] = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}  # noqa: F405
CELERY_TASK_ALWAYS_EAGER = True
EHERKENNING_SIMULATOR_PSEUDONIEM_SLEUTEL = "test-pseudoniem-sleutel"
OAUTH2_PROVIDER["OIDC_RSA_PRIVATE_KEY"] = simulator_sleutel()
# Confirmation letters (PDF) only where a test asks for them (dossier/tests/test_brieven.py).
DOSSIER_ONTVANGSTBEVESTIGINGEN = False
# Dashboard figures are computed by the page itself, not by an eager task after every write
# (portaal/tests/test_cijfers.py switches it on).
DASHBOARD_VOORVERWARMEN = False
# Webhook receivers in tests run on 127.0.0.1 over http (a refusal test turns this off).
WEBHOOKS_PRIVE_ADRESSEN_TOESTAAN = True

# Demo data (management command demo_data): demo and tests only, refused in production.
INSTALLED_APPS += ["verzuimportaal.demo"]  # noqa: F405
