"""Webhook subscriptions and a local receiver for tests."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from conftest import Omgeving

from .. import service
from ..models import Abonnement, Gebeurtenis


@dataclass
class Ontvanger:
    """A webhook receiver on 127.0.0.1 that records every request and answers ``status``."""

    url: str = ""
    status: int = 204
    ontvangen: list[tuple[dict[str, str], bytes]] = field(default_factory=list)


@contextmanager
def ontvanger(status: int = 204) -> Iterator[Ontvanger]:
    gegevens = Ontvanger(status=status)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            lengte = int(self.headers.get("Content-Length", "0"))
            gegevens.ontvangen.append((dict(self.headers.items()), self.rfile.read(lengte)))
            self.send_response(gegevens.status)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    gegevens.url = f"http://127.0.0.1:{server.server_address[1]}/webhook"
    draad = threading.Thread(target=server.serve_forever, daemon=True)
    draad.start()
    try:
        yield gegevens
    finally:
        server.shutdown()
        server.server_close()


def abonneer(
    omgeving: Omgeving, url: str, gebeurtenissen: list[str] | None = None
) -> tuple[Abonnement, str]:
    return service.abonneer(
        door=omgeving.actor, url=url, gebeurtenissen=gebeurtenissen or list(Gebeurtenis.values)
    )


def abonnement_van(omgeving: Omgeving) -> Abonnement:
    """One subscription of werkgever A of a test ``Omgeving`` (access table), made once."""
    bestaand = Abonnement.objects.filter(werkgever=omgeving.werkgever).first()
    return bestaand or abonneer(omgeving, "https://ontvanger.example.nl/webhook")[0]
