"""Log filters for ``settings.LOGGING``."""

import logging


class GeenTracebackBijWeigering(logging.Filter):
    """A refused request (403) is expected behaviour, not an error: Django logs it as
    "Forbidden (Permission denied): /path" with the full traceback of ``PermissionDenied``. Keep
    the one line (who was refused where is worth seeing), drop the traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
        return True
