"""Structured logs: one JSON object per line, with the request id, never a BSN or a token.

``VERZOEK_ID`` is set by ``RuntimeMiddleware`` for the duration of a request; every record logged
meanwhile (Django, the apps, libraries) carries it. ``MaskeerFilter`` rewrites the message and its
arguments before any handler formats them, so a BSN or token in a log line never reaches disk,
stdout or an error tracker.
"""

import json
import logging
import re
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

VERZOEK_ID: ContextVar[str] = ContextVar("verzoek_id", default="-")

# Nine digits standing alone (a BSN, DOMAIN §9), also with dots or spaces (123.456.789).
# A loonheffingennummer (123456782L01) starts with a BSN for a sole trader: masked as well.
_BSN = re.compile(r"(?<!\d)(?<!\d[.,])\d{3}[. ]?\d{3}[. ]?\d{3}(?![.,]?\d)")
# Bearer tokens, and values of parameters or headers whose name says they are secret.
_BEARER = re.compile(r"(?i)\b(bearer|token|basic)\s+[A-Za-z0-9._~+/=-]{8,}")
_SLEUTEL_WAARDE = re.compile(
    r"(?i)\b([\w-]*(?:token|secret|password|wachtwoord|sessionid|csrftoken|api[_-]?key|verificatiecode|otp|ticket)"
    r"[\w-]*)(\s*[=:]\s*|\"\s*:\s*\")([^\s&,;\"']+)"
)
GEMASKEERD = "[verborgen]"


def maskeer(tekst: str) -> str:
    tekst = _SLEUTEL_WAARDE.sub(lambda m: f"{m.group(1)}{m.group(2)}{GEMASKEERD}", tekst)
    tekst = _BEARER.sub(lambda m: f"{m.group(1)} {GEMASKEERD}", tekst)
    return _BSN.sub(GEMASKEERD, tekst)


class VerzoekIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.verzoek_id = VERZOEK_ID.get()
        return True


class MaskeerFilter(logging.Filter):
    """Masks the formatted message (and a traceback) of every record; attach it to handlers."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            bericht = record.getMessage()
        except Exception:  # a broken format string is logged as it is, not lost
            bericht = str(record.msg)
        record.msg = maskeer(bericht)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = maskeer(record.exc_text)
        return True


class JsonFormatter(logging.Formatter):
    """``{"tijd", "niveau", "logger", "bericht", "verzoek_id", ...}``, one line per record."""

    EXTRA = ("status_code", "methode", "pad", "duur_ms", "taak", "taak_id")

    def format(self, record: logging.LogRecord) -> str:
        regel: dict[str, Any] = {
            "tijd": datetime.fromtimestamp(record.created, tz=UTC).isoformat(
                timespec="milliseconds"
            ),
            "niveau": record.levelname,
            "logger": record.name,
            "bericht": record.getMessage(),
            "verzoek_id": getattr(record, "verzoek_id", VERZOEK_ID.get()),
        }
        for veld in self.EXTRA:
            if hasattr(record, veld):
                regel[veld] = getattr(record, veld)
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            regel["uitzondering"] = record.exc_text
        return json.dumps(regel, ensure_ascii=False, default=str)
