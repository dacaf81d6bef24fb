"""The client's IP address, the same for the lockout (django-axes) and the audit log (ADR 0017).

Without trusted proxies (``VERTROUWDE_PROXIES`` empty) the address of the connection is the client.
Behind a reverse proxy the connection comes from the proxy; only then ``X-Forwarded-For`` is read,
from the right: each trusted proxy appends the address it received the request from, so the
right-most address that is not itself a trusted proxy is the client. Whatever a client writes
further left in the header is its own claim and is ignored, and a request that does not come from
a trusted proxy cannot set the header at all.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

Netwerk = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _netwerken(proxies: tuple[str, ...]) -> tuple[Netwerk, ...]:
    return tuple(ipaddress.ip_network(p.strip(), strict=False) for p in proxies if p.strip())


def _adres(waarde: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(waarde.strip())
    except ValueError:
        return None


def _vertrouwd(adres: ipaddress.IPv4Address | ipaddress.IPv6Address | None) -> bool:
    netwerken = _netwerken(tuple(getattr(settings, "VERTROUWDE_PROXIES", ())))
    return adres is not None and any(adres in netwerk for netwerk in netwerken)


def client_ip(request: HttpRequest) -> str | None:
    """The client's address (see the module docstring); ``None`` when the request has none."""
    verbinding = request.META.get("REMOTE_ADDR") or ""
    if not _vertrouwd(_adres(verbinding)):
        return verbinding or None
    for deel in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        adres = _adres(deel)
        if adres is None:
            break  # a malformed entry: nothing left of it can be trusted
        if not _vertrouwd(adres):
            return str(adres)
    return verbinding
