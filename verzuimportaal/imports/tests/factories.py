from conftest import Omgeving

from .. import service
from ..models import Werknemerimport


def werknemerimport_van(omgeving: Omgeving) -> Werknemerimport:
    """A checked import of werkgever A of a test ``Omgeving`` (access table), made once."""
    bestaand = Werknemerimport.objects.filter(werkgever=omgeving.werkgever).first()
    if bestaand:
        return bestaand
    w = omgeving.werknemer
    inhoud = (
        "loonheffingennummer;bsn;achternaam;geboortedatum;datum in dienst;uren\n"
        f"{omgeving.loonheffingennummer.nummer};{w.bsn};{w.achternaam};{w.geboortedatum};"
        f"{w.datum_in_dienst};{w.contracturen_per_week}\n"
    ).encode()
    imp = service.lees_in(door=omgeving.actor, bestandsnaam="test.csv", inhoud=inhoud)
    return service.controleer(door=omgeving.actor, imp=imp, koppeling=imp.koppeling)
