from typing import Any

from django.conf import settings
from django.http import HttpRequest

from .middleware import resterende_seconden


def sessie(request: HttpRequest) -> dict[str, Any]:
    """Seconds the warning script counts down from: the idle timeout minus the time since the
    recorded activity (which may lag the real last request by ``activiteit_stap``)."""
    if not hasattr(request, "session"):
        return {"sessie_idle_seconden": settings.SESSIE_IDLE_TIMEOUT}
    return {"sessie_idle_seconden": resterende_seconden(request)}
