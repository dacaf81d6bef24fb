"""Database rounds and CPU per request: API ziekmelding against the minimal POST (docs/scaling.md).

    source .stack/env && .venv/bin/python bench/last_rondes.py [--verzoeken 200] [--queries]

In one process, with the settings of the load run (``bench.last_instellingen``) and its data
(``bench.last.gegevens_maken``: one werkgever, one logged-in user with a second factor): both
requests go through the whole middleware stack with Django's test client. Prints, side by side,
the database rounds per request (every statement, BEGIN/COMMIT and savepoints included) and the
process CPU per request; ``--queries`` lists the statements of one request of each kind. The load
run (bench/last.py) measures throughput over HTTP; this shows where a request's rounds go.
"""

import argparse
import os
import secrets
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.last_instellingen")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verzoeken", type=int, default=200, help="per soort")
    parser.add_argument("--queries", action="store_true", help="statements van één verzoek")
    args = parser.parse_args()

    from bench import last

    gebruiker = last.gegevens_maken(1, 50, args.verzoeken + 20)[0]

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies["sessionid"] = gebruiker.sessie
    client.cookies["csrftoken"] = gebruiker.csrf

    def api() -> int:
        stap = last.stap_api_ziekmelding(gebruiker)
        antwoord = client.post(
            stap.pad,
            data=stap.body,
            content_type="application/json",
            HTTP_X_CSRFTOKEN=gebruiker.csrf,
            HTTP_IDEMPOTENCY_KEY=secrets.token_hex(8),
        )
        return antwoord.status_code

    def minimaal() -> int:
        antwoord = client.post(
            "/bench/minimaal/",
            data=b"{}",
            content_type="application/json",
            HTTP_X_CSRFTOKEN=gebruiker.csrf,
        )
        return antwoord.status_code

    soorten = {"minimale POST": minimaal, "API ziekmelding": api}
    for soort in soorten.values():  # warm-up: imports, templates, connection
        for _ in range(5):
            soort()

    print(f"{'verzoek':18} {'rondes':>7} {'CPU ms':>8} {'wand ms':>8}")
    for naam, soort in soorten.items():
        with CaptureQueriesContext(connection) as rondes:
            status = soort()
        assert status == 201, f"{naam}: {status}"
        # Read now: the next request clears Django's query log (request_started).
        statements = [query["sql"] for query in rondes.captured_queries]
        begin, cpu = time.perf_counter(), time.process_time()
        for _ in range(args.verzoeken):
            soort()
        cpu_ms = (time.process_time() - cpu) / args.verzoeken * 1000
        wand_ms = (time.perf_counter() - begin) / args.verzoeken * 1000
        print(f"{naam:18} {len(statements):7d} {cpu_ms:8.1f} {wand_ms:8.1f}")
        if args.queries:
            for sql in statements:
                print("    ", sql[:140].replace("\n", " "))
    connection.close()


if __name__ == "__main__":
    main()
