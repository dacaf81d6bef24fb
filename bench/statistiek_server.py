"""WSGI server of (d): ``wsgiref`` (no gunicorn/waitress installed), one thread, one process.

    DJANGO_SETTINGS_MODULE=bench.statistiek_instellingen python bench/statistiek_server.py PORT

Sequential latency needs no concurrency; every request gets a fresh connection (HTTP/1.0).
"""

import sys
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, make_server

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


class StilleHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> None:
    from django.core.wsgi import get_wsgi_application

    app = get_wsgi_application()
    with make_server("127.0.0.1", int(sys.argv[1]), app, handler_class=StilleHandler) as server:
        print("klaar", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
