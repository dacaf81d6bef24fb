from datetime import date

from verzuimportaal.toegang.actor import beheerder
from verzuimportaal.voorwaarden import service
from verzuimportaal.voorwaarden.models import Voorwaardenversie

TEKST = "## Artikel 1 Toegang\n\nU accepteert deze voorwaarden **voordat** u het portaal gebruikt."


def versie(
    nummer: str, *, gepubliceerd_op: date, ingangsdatum: date, tekst: str = TEKST
) -> Voorwaardenversie:
    return service.publiceer_versie(
        door=beheerder(None),
        nummer=nummer,
        titel="Gebruiksvoorwaarden",
        tekst=tekst,
        gepubliceerd_op=gepubliceerd_op,
        ingangsdatum=ingangsdatum,
    )
