"""Settings of the load run (``make last``): production settings, plus two bench-only routes.

Only the URLconf differs (``bench/last_urls.py``): the trivial view (the floor) and the minimal
POST endpoint (the reference for API ziekmeldingen). They are never in the product's URLs.
"""

from verzuimportaal.conf.production import *  # noqa: F403

ROOT_URLCONF = "bench.last_urls"
