from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from .models import Storingsmelding


def storingen(request: HttpRequest) -> dict[str, Any]:
    """Active and announced notices for the banner on every page (lazy: queried when shown)."""
    return {
        "storingsmeldingen": SimpleLazyObject(lambda: list(Storingsmelding.objects.zichtbaar()))
    }
