"""Settings of the latency server of ``bench/statistiek.py`` (d): CI settings, DEBUG off.

The database comes from ``DATABASE_URL`` (the benchmark sets it to ``vp_bench``). Only the URLconf
differs from the portal's: it adds the trivial reference view (``bench/statistiek_urls.py``).
A first middleware reports the number of queries and their time per response (headers), so the
benchmark can say what a slow page spends its time on.
"""

import os

os.environ.setdefault("DEBUG", "false")

from verzuimportaal.conf.ci import *  # noqa: F403
from verzuimportaal.conf.ci import MIDDLEWARE

DEBUG = False
# Persistent connections as in production (``conf/production.py``): the floor of every page.
DATABASES["default"]["CONN_MAX_AGE"] = 60  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
ROOT_URLCONF = "bench.statistiek_urls"
MIDDLEWARE = ["bench.statistiek_urls.QueryTeller", *MIDDLEWARE]
