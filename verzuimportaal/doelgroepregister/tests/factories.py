from datetime import date

from tests.factories import GebruikerFactory
from verzuimportaal.doelgroepregister import service
from verzuimportaal.doelgroepregister.models import Registerimport
from verzuimportaal.toegang.actor import beheerder


def csv_van(*bsns: str) -> bytes:
    return ("bsn\n" + "".join(f"{b}\n" for b in bsns)).encode()


def register_met(*bsns: str, peildatum: date = date(2026, 11, 1)) -> Registerimport:
    """A vastgelegde stand of the register holding ``bsns`` (through the services)."""
    beheer = beheerder(GebruikerFactory(is_staff=True))
    proef = service.lees_in(
        door=beheer, bestandsnaam="register.csv", inhoud=csv_van(*bsns), peildatum=peildatum
    )
    return service.leg_vast(door=beheer, registerimport=proef)
