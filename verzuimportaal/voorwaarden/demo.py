"""Demo data for governance: terms of use and incident notices (deterministic, idempotent).

Choice for the demo tour: version 1.0 is in force and no demo account has accepted it, so every
first login shows the acceptance step (seed 003 art. 2.3). Version 1.1 was published three days
ago and applies in two weeks: after accepting, the banner announces it and offers the rejection
step (art. 6). Incidents: one past interruption, and planned maintenance in five days, announced
from today (art. 4.3) so the notice banner is visible on every page, including the login page.
"""

from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from verzuimportaal.storingen import service as storingen
from verzuimportaal.storingen.models import Storingsmelding
from verzuimportaal.toegang.actor import beheerder

from . import service
from .models import Voorwaardenversie

ARTIKELEN = """## Artikel 1 Toegang en gebruik

1. U accepteert deze gebruiksvoorwaarden voordat u het Verzuimportaal gebruikt. Daarmee geeft u aan
   dat u via het portaal voldoende bereikbaar bent.
2. Voor meldingen per e-mail geeft u een e-mailadres op. Wij kunnen niet garanderen dat een e-mail
   aankomt; de berichten in het portaal zijn leidend. Raadpleeg het portaal daarom regelmatig.
3. U gebruikt het portaal alleen voor het doel waarvoor u toegang heeft gekregen.
4. De werkgever blijft verantwoordelijk voor wat intermediairs en adviseurs namens hem doen, en
   beheert de accounts en machtigingen van zijn organisatie zorgvuldig.

## Artikel 2 Beveiliging

1. Het portaal kan zonder voorafgaande bekendmaking worden onderbroken bij een
   beveiligingsincident of de dreiging daarvan. Zo mogelijk informeren wij u vooraf in het
   portaal over de aard en de verwachte duur van de onderbreking.
2. Heeft u kennis van misbruik of oneigenlijk gebruik van het portaal, meld dit dan direct via
   *Misbruik melden* onderaan elke pagina.
3. Bij (een vermoeden van) misbruik kan de beheerder een account, een eHerkenning-gebruiker of een
   werkgever (tijdelijk) blokkeren.

## Artikel 3 Beëindiging

De toegang kan worden beëindigd bij misbruik, als u de (gewijzigde) gebruiksvoorwaarden niet
accepteert, of in bijzondere omstandigheden.
"""

WIJZIGING = """
## Artikel 4 Wijziging van de gebruiksvoorwaarden

1. Een wijziging kondigen wij vóór de ingangsdatum aan in het portaal.
2. De gewijzigde voorwaarden gelden automatisch, tenzij u ze binnen zes weken na publicatie weigert.
   Weigeren betekent dat uw account wordt opgeheven.
3. Koppelingen met uw eigen systemen (de API) vallen onder dezelfde voorwaarden.
"""


def _moment(dag: date, uur: int, minuut: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(dag, time(uur, minuut)))


def laad_demo(*, vandaag: date) -> None:
    versies = [
        ("1.0", ARTIKELEN, vandaag - timedelta(days=400), vandaag - timedelta(days=380)),
        ("1.1", ARTIKELEN + WIJZIGING, vandaag - timedelta(days=3), vandaag + timedelta(days=14)),
    ]
    for nummer, tekst, gepubliceerd_op, ingangsdatum in versies:
        if not Voorwaardenversie.objects.filter(nummer=nummer).exists():
            service.publiceer_versie(
                door=beheerder(None),
                nummer=nummer,
                titel="Gebruiksvoorwaarden Verzuimportaal",
                tekst=tekst,
                gepubliceerd_op=gepubliceerd_op,
                ingangsdatum=ingangsdatum,
            )
    storingsmeldingen: list[dict[str, Any]] = [
        {
            "titel": "Storing bij inloggen met eHerkenning",
            "tekst": "Door een storing bij de makelaar kon niet worden ingelogd met eHerkenning. "
            "Meldingen van die ochtend zijn niet verloren gegaan.",
            "begin": _moment(vandaag - timedelta(days=12), 7, 40),
            "verwacht_einde": _moment(vandaag - timedelta(days=12), 10),
            "einde": _moment(vandaag - timedelta(days=12), 9, 5),
            "onderbreking": True,
        },
        {
            "titel": "Gepland onderhoud",
            "tekst": "Wegens onderhoud is het Verzuimportaal een uur onderbroken. U kunt dan niet "
            "inloggen en geen meldingen doen; meld een ziekte die ochtend na 07:00 uur.",
            "begin": _moment(vandaag + timedelta(days=5), 6),
            "verwacht_einde": _moment(vandaag + timedelta(days=5), 7),
            "einde": _moment(vandaag + timedelta(days=5), 7),
            "onderbreking": True,
            "aangekondigd_vanaf": _moment(vandaag, 0),
            "verwachte_duur": "1 uur",
        },
    ]
    for melding in storingsmeldingen:
        if not Storingsmelding.objects.filter(
            titel=melding["titel"], begin=melding["begin"]
        ).exists():
            storingen.meld_storing(door=beheerder(None), **melding)
