"""The 11-check (elfproef) for BSN/RSIN and the loonheffingennummer format. Pure, no Django.

DOMAIN §1: a BSN is 9 digits passing the 11-check; a loonheffingennummer is a 9-digit fiscal number
(RSIN/BSN, passes the 11-check) + ``L`` + a 2-digit subnumber, e.g. ``123456782L01``.
"""

import re

_LOONHEFFINGENNUMMER = re.compile(r"^(\d{9})L(\d{2})$")
_KVK = re.compile(r"^\d{8}$")


def is_elfproef(nummer: str) -> bool:
    """BSN/RSIN 11-check: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is divisible by 11 and not all zeros."""
    if len(nummer) != 9 or not nummer.isascii() or not nummer.isdigit():
        return False
    if nummer == "000000000":
        return False
    gewichten = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    som = sum(int(cijfer) * gewicht for cijfer, gewicht in zip(nummer, gewichten, strict=True))
    return som % 11 == 0


def is_bsn(nummer: str) -> bool:
    return is_elfproef(nummer)


def is_loonheffingennummer(nummer: str) -> bool:
    match = _LOONHEFFINGENNUMMER.match(nummer)
    return bool(match) and is_elfproef(match.group(1))  # type: ignore[union-attr]


def is_kvk_nummer(nummer: str) -> bool:
    return bool(_KVK.match(nummer))


def normaliseer_nummer(waarde: str) -> str:
    """Strip spaces, dots and dashes users type in numbers; upper-case the L."""
    return re.sub(r"[\s.\-]", "", waarde).upper()
