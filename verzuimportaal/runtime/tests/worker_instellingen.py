"""Settings of the real Celery worker in ``test_worker_gedood``: the test's queue, database and
private storage; a short visibility timeout so a task of a killed worker comes back quickly."""

import os

from verzuimportaal.conf.ci import *  # noqa: F403

CELERY_TASK_ALWAYS_EAGER = False
CELERY_TASK_DEFAULT_QUEUE = os.environ["RUNTIME_TEST_QUEUE"]
# Kombu sweeps for abandoned messages at start-up and then every interval x throttle seconds
# (100 s by default): a second worker that starts within the visibility timeout would otherwise
# wait that long.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 4,
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}
DOSSIER_ONTVANGSTBEVESTIGINGEN = True
PRIVATE_MEDIA_ROOT = os.environ["RUNTIME_TEST_OPSLAG"]
SENDFILE_ROOT = PRIVATE_MEDIA_ROOT
STORAGES["privates"]["OPTIONS"]["location"] = PRIVATE_MEDIA_ROOT  # type: ignore[index]  # noqa: F405
