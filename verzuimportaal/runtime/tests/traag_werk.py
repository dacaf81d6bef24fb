"""Loaded by the test's Celery worker (``--include``): the first letter's PDF takes long, so the
test can kill the worker in the middle of the task. Marks the start in ``RUNTIME_TEST_MERKTEKEN``.
"""

import os
import time
from pathlib import Path

from verzuimportaal.dossier import brieven

_echt = brieven.maak_pdf


def _traag(html: str) -> bytes:
    merkteken = Path(os.environ["RUNTIME_TEST_MERKTEKEN"])
    eerste = not merkteken.exists()
    merkteken.write_text(str(os.getpid()))
    if eerste:
        time.sleep(60)  # the test kills this worker now
    return _echt(html)


brieven.maak_pdf = _traag
