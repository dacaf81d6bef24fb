"""Rate limit per API client (DRF throttling on the shared cache, Redis). Over the limit: 429 with
``Retry-After``. Requests with the portal session are not limited here (the pages are not)."""

import time
from typing import Any

from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from .authenticatie import koppeling_actor


class PerKoppeling(SimpleRateThrottle):
    scope = "koppeling"

    def timer(self) -> float:
        # Looked up at call time, so a frozen test clock (freezegun) is honoured too.
        return time.time()

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        actor = koppeling_actor(request)
        if actor is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": actor.api_client}
