"""Error pages that must work without the database."""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.views.defaults import server_error

from . import metrics

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDEN = 30


def database_onbereikbaar(fout: BaseException | None) -> bool:
    """Connection lost or refused (PostgreSQL restarted, failover), not a bug in a query."""
    while fout is not None:
        if isinstance(fout, InterfaceError | OperationalError):
            return True
        fout = fout.__cause__ or fout.__context__
    return False


def serverfout(request: HttpRequest) -> HttpResponse:
    """``handler500``: a Dutch 503 page when the database is unreachable, else the 500 page.

    The 503 page is rendered without the request (no context processors, no session, no query),
    says that nothing was stored and asks to try again; ``Retry-After`` tells clients when.
    Django's connection health checks reconnect on the next request, so the site recovers by
    itself once PostgreSQL is back.
    """
    if database_onbereikbaar(sys.exc_info()[1]):
        metrics.DATABASE_ONBEREIKBAAR.inc()
        inhoud = loader.get_template("runtime/niet_beschikbaar.html").render({})
        response = HttpResponse(inhoud, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDEN)
        return response
    return server_error(request)
