"""Lookups in the doelgroepregister by a werkgever (DOMAIN §7.7): registered yes/no and the date
of the data, never the grondslag. Every lookup writes one audit row, with the BSN masked."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.toegang import access
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.werkgevers.models import Loonheffingennummer
from verzuimportaal.werknemers.models import Werknemer

from .models import Importstatus, Inschrijving, Registerimport

AUDITSOORT = "doelgroepregister"


@dataclass(frozen=True)
class Uitkomst:
    geregistreerd: bool
    peildatum: date


@dataclass(frozen=True)
class Werknemeruitkomst:
    werknemer: Werknemer
    geregistreerd: bool


def verberg_bsn(bsn: str) -> str:
    """Only the last three digits, as on UWV letters: ``******782``."""
    return "*" * 6 + bsn[-3:]


def huidige_stand() -> Registerimport | None:
    return Registerimport.objects.filter(status=Importstatus.VASTGELEGD).first()


def _stand() -> Registerimport:
    stand = huidige_stand()
    if stand is None:
        raise ValidationError(
            _("Het doelgroepregister is nog niet beschikbaar. Probeer het later opnieuw.")
        )
    return stand


def raadpleeg_bsn(*, door: Actor, bsn: str) -> Uitkomst:
    """Whether the person with ``bsn`` is in the register (a candidate or an employee)."""
    access.vereis_recht(door, Dienst.BANENAFSPRAAK)
    stand = _stand()
    uitkomst = Uitkomst(
        geregistreerd=Inschrijving.objects.filter(bsn=bsn).exists(), peildatum=stand.peildatum
    )
    audit.registreer_overzicht(
        door=door,
        actie=Actie.INZIEN,
        object_type=AUDITSOORT,
        omschrijving=f"Doelgroepregister geraadpleegd op BSN {verberg_bsn(bsn)}",
    )
    return uitkomst


def raadpleeg_loonheffingennummer(
    *, door: Actor, loonheffingennummer: Loonheffingennummer
) -> tuple[list[Werknemeruitkomst], date]:
    """The werknemers in dienst on this own number, each registered yes/no."""
    access.vereis_recht(door, Dienst.BANENAFSPRAAK)
    if not access.loonheffingennummers(door).filter(pk=loonheffingennummer.pk).exists():
        raise ValidationError(_("Kies een loonheffingennummer van uw eigen organisatie."))
    stand = _stand()
    vandaag = timezone.localdate()
    werknemers = (
        access.werknemers(door)
        .filter(loonheffingennummer=loonheffingennummer, datum_in_dienst__lte=vandaag)
        .filter(Q(datum_uit_dienst__isnull=True) | Q(datum_uit_dienst__gte=vandaag))
        .annotate(geregistreerd=Exists(Inschrijving.objects.filter(bsn=OuterRef("bsn"))))
        .order_by("achternaam", "voornaam", "pk")
    )
    regels = [Werknemeruitkomst(w, w.geregistreerd) for w in werknemers]
    # The number by its key, not in the text: a sole trader's number starts with a BSN.
    audit.registreer(
        door=door,
        actie=Actie.INZIEN,
        onderwerp=loonheffingennummer,
        omschrijving=f"Doelgroepregister geraadpleegd ({len(regels)} werknemers)",
    )
    return regels, stand.peildatum
