"""Demo and development: embedded SQLite, console e-mail, DEBUG on. Never use in production."""

import os

os.environ.setdefault("SECRET_KEY", "demo-only-not-secret-3f9c2b7e1a")
os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("DATABASE_URL", "sqlite:///demo.sqlite3")
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
os.environ.setdefault("CACHE_URL", "locmemcache://")

from .base import *  # noqa: F403

SESSION_EXPIRE_AT_BROWSER_CLOSE = False
