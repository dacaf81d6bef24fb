"""Settings for the real Celery worker in ``test_celery_worker``: the test's broker queue and DB.

The test passes ``DATABASE_URL`` (the pytest test database), ``CELERY_BROKER_URL``,
``HERINNERINGEN_TEST_QUEUE`` and ``HERINNERINGEN_TEST_MAILMAP`` in the environment.
"""

import os

from verzuimportaal.conf.ci import *  # noqa: F403

CELERY_TASK_ALWAYS_EAGER = False
CELERY_TASK_DEFAULT_QUEUE = os.environ["HERINNERINGEN_TEST_QUEUE"]  # also for follow-up tasks
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["HERINNERINGEN_TEST_MAILMAP"]
# Follow-up tasks (the e-mails) wait in the outbox (ADR 0019) until beat hands them to the broker:
# the worker runs with an embedded beat that does only that, as often as possible.
CELERY_BEAT_SCHEDULE = {
    "uitgaand-versturen": {
        "task": "verzuimportaal.runtime.tasks.verstuur_uitgaand",
        "schedule": 0.5,
    }
}
