"""Production: everything from the environment; refuses to start without SECRET_KEY/DATABASE_URL."""

from .base import *  # noqa: F403
from .base import env
from .weigeren import weiger_onveilige_instellingen

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Last: refuse demo and test defaults (SMS outbox, placeholder URL or OIN, demo apps).
weiger_onveilige_instellingen(globals())
