"""Adapter to the inbox app: the one place this app depends on ``berichten`` (DOMAIN §8).

The reminder is placed without the inbox's general "new message" e-mail: the reminder e-mail
(``bezorging.verstuur_mail``) already goes to the accounts that report sickness, and one e-mail per
reminder is enough.
"""

from verzuimportaal.berichten.service import plaats_bericht
from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.werkgevers.models import Werkgever


def plaats_herinnering(
    *, werkgever: Werkgever, onderwerp: str, tekst: str, verzuimgeval: Verzuimgeval
) -> None:
    plaats_bericht(
        werkgever=werkgever,
        soort="herinnering",
        onderwerp=onderwerp,
        tekst=tekst,
        verzuimgeval=verzuimgeval,
        notificeren=False,
    )
