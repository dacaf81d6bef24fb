"""The Celery app. The worker names its settings itself (``DJANGO_SETTINGS_MODULE``).

There is deliberately no default: a worker started without it stops with Django's
``ImproperlyConfigured`` instead of running with the demo settings against production data.
"""

from celery import Celery

app = Celery("verzuimportaal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
