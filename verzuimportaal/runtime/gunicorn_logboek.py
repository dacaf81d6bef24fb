"""gunicorn's own logs (access and error) as JSON lines, masked like the portal's logs.

Used by ``gunicorn.conf.py`` as ``logger_class``; imports nothing from Django.
"""

import logging
from typing import Any

from gunicorn import glogging

from .logboek import JsonFormatter, MaskeerFilter, maskeer


class JsonLogger(glogging.Logger):
    def setup(self, cfg: Any) -> None:
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                handler.setFormatter(JsonFormatter())
                handler.addFilter(MaskeerFilter())

    def access(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> None:
        if not self.access_log_enabled:
            return
        status = resp.status.split(None, 1)[0] if isinstance(resp.status, str) else resp.status
        verzoek_id = "-"
        for naam, waarde in resp.headers:
            if naam.lower() == "x-request-id":
                verzoek_id = waarde
        pad = maskeer(environ.get("PATH_INFO", ""))
        self.access_log.log(
            logging.INFO,
            "%s %s %s",
            environ.get("REQUEST_METHOD"),
            pad,
            status,
            extra={
                "methode": environ.get("REQUEST_METHOD"),
                "pad": pad,
                "status_code": int(status),
                "duur_ms": round(request_time.total_seconds() * 1000, 1),
                "verzoek_id": verzoek_id,
            },
        )
