"""A werkgever with one open spell of chosen first sick day and an account that reports sickness."""

from dataclasses import dataclass
from datetime import date

from tests.factories import (
    GebruikerFactory,
    LidmaatschapFactory,
    LoonheffingennummerFactory,
    VerzuimgevalFactory,
    WerknemerFactory,
)
from verzuimportaal.toegang.models import Lidmaatschap
from verzuimportaal.verzuim.models import Verzuimgeval


@dataclass
class Situatie:
    verzuimgeval: Verzuimgeval
    lidmaatschap: Lidmaatschap


def situatie(*, eerste_ziektedag: date, einddatum: date | None = None, email: str = "") -> Situatie:
    lhnr = LoonheffingennummerFactory()
    werknemer = WerknemerFactory(loonheffingennummer=lhnr, datum_in_dienst=date(2020, 1, 1))
    geval = VerzuimgevalFactory(
        werknemer=werknemer,
        eerste_ziektedag=eerste_ziektedag,
        einddatum=einddatum,
        einde_reden="hersteld" if einddatum else "",
    )
    gebruiker = GebruikerFactory(email=email or f"verzuim-{lhnr.werkgever.kvk_nummer}@example.nl")
    return Situatie(
        verzuimgeval=geval,
        lidmaatschap=LidmaatschapFactory(gebruiker=gebruiker, werkgever=lhnr.werkgever),
    )
