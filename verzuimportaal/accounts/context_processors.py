from typing import Any

from django.conf import settings
from django.http import HttpRequest


def sessie(request: HttpRequest) -> dict[str, Any]:
    return {"sessie_idle_seconden": settings.SESSIE_IDLE_TIMEOUT}
