"""Demo and development: embedded SQLite, console e-mail, DEBUG on, eHerkenning simulator.

Never use in production.
"""

import os

os.environ.setdefault("SECRET_KEY", "demo-only-not-secret-3f9c2b7e1a")
os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("DATABASE_URL", "sqlite:///demo.sqlite3")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
os.environ.setdefault("CACHE_URL", "locmemcache://")
os.environ.setdefault("EHERKENNING_OIDC_ENABLED", "true")
os.environ.setdefault("EHERKENNING_OIDC_ISSUER", "http://127.0.0.1:8000/eherkenning-simulator/o")
os.environ.setdefault("EHERKENNING_OIDC_CLIENT_ID", "verzuimportaal-demo")
os.environ.setdefault("EHERKENNING_OIDC_CLIENT_SECRET", "demo-secret-niet-voor-productie")

from .base import *  # noqa: F403
from .base import BASE_DIR, OIDC_OP_ISSUER
from .simulator import *  # noqa: F403
from .simulator import OAUTH2_PROVIDER, simulator_sleutel

SESSION_EXPIRE_AT_BROWSER_CLOSE = False
# The demo's cache lives in the server process (locmem): a worker could not fill it.
DASHBOARD_VOORVERWARMEN = False
# The demo runs without a Celery worker: background jobs (confirmation letters, e-mail) run in the
# request that enqueues them, right after its commit, so a melding's letter is in the inbox.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)  # noqa: F405
# ... but after the response has been sent, as with a worker (runtime.uitgaand): a ziekmelding
# took about 2.3 s while the receipt pdf was made inside the request.
TAKEN_NA_HET_ANTWOORD = True
# One key across runserver reloads, so ID tokens issued before a reload still verify at logout.
OAUTH2_PROVIDER["OIDC_RSA_PRIVATE_KEY"] = simulator_sleutel(BASE_DIR / ".simulator-sleutel.pem")
OAUTH2_PROVIDER["OIDC_ISS_ENDPOINT"] = OIDC_OP_ISSUER
# Demo: a webhook receiver on this machine (http://127.0.0.1:…) is allowed.
WEBHOOKS_PRIVE_ADRESSEN_TOESTAAN = env.bool("WEBHOOKS_PRIVE_ADRESSEN_TOESTAAN", default=True)  # noqa: F405

# Demo data (management command demo_data): demo and tests only, refused in production.
INSTALLED_APPS += ["verzuimportaal.demo"]  # noqa: F405
