"""Loading the doelgroepregister (DOMAIN §7.7, ADR 0040): a proefdraai, then vastleggen.

Operator actions: the actor is the staff member (``toegang.actor.beheerder``); the audit row
belongs to no werkgever's log. A lookup by a werkgever is a read (``selectors``).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.toegang.actor import Portaalactor
from verzuimportaal.utils.beheerimport import afgekapt, beheeraccount, lees_tabel
from verzuimportaal.utils.elfproef import is_bsn, normaliseer_nummer

from .models import Importstatus, Inschrijving, Registerimport

MAX_PERSONEN = 500_000
MAX_FOUTEN = 100  # shown on the page; the count says how many there are
BSN_KOLOM = "bsn"


def controleer(rijen: list[list[str]], koppen: list[str]) -> tuple[list[str], list[str]]:
    """The distinct BSNs and the errors (line numbers as in the file, the header is line 1)."""
    if BSN_KOLOM not in koppen:
        return [], [_("Het bestand heeft geen kolom 'bsn'. Zet 'bsn' op de eerste regel.")]
    kolom = koppen.index(BSN_KOLOM)
    gezien: set[str] = set()
    bsns: list[str] = []
    fouten: list[str] = []
    for regelnummer, rij in enumerate(rijen, start=2):
        waarde = normaliseer_nummer(rij[kolom])
        if not is_bsn(waarde):
            # The value itself is never repeated: it may be a mistyped BSN (DOMAIN §9).
            fouten.append(
                _("Regel %(regel)d: geen geldig BSN (9 cijfers, elfproef).")
                % {"regel": regelnummer}
            )
        elif waarde in gezien:
            fouten.append(
                _("Regel %(regel)d: dit BSN staat al eerder in het bestand.")
                % {"regel": regelnummer}
            )
        else:
            gezien.add(waarde)
            bsns.append(waarde)
    return bsns, fouten


@transaction.atomic
def lees_in(
    *, door: Portaalactor, bestandsnaam: str, inhoud: bytes, peildatum: date
) -> Registerimport:
    """Proefdraai: read and check the file; nothing in the register changes (ADR 0040)."""
    if peildatum > timezone.localdate():
        raise ValidationError({"peildatum": _("De stand kan niet in de toekomst liggen.")})
    koppen, rijen = lees_tabel(bestandsnaam, inhoud, max_rijen=MAX_PERSONEN)
    bsns, fouten = controleer(rijen, koppen)
    registerimport = Registerimport.objects.create(
        peildatum=peildatum,
        bestandsnaam=bestandsnaam[:200],
        bsns=[] if fouten else bsns,
        aantal=len(bsns),
        fouten=afgekapt(fouten, MAX_FOUTEN),
        aangemaakt_door=beheeraccount(door),
    )
    audit.registreer(
        door=door,
        actie=Actie.AANMAKEN,
        onderwerp=registerimport,
        omschrijving=f"Doelgroepregister proefdraai: {len(bsns)} personen, {len(fouten)} fouten",
    )
    return registerimport


@transaction.atomic
def leg_vast(*, door: Portaalactor, registerimport: Registerimport) -> Registerimport:
    """Replace the register by this proefdraai, all or nothing; the older stand is replaced."""
    registerimport = Registerimport.objects.select_for_update().get(pk=registerimport.pk)
    if registerimport.status != Importstatus.PROEF:
        raise ValidationError(_("Deze import is al verwerkt; laad het bestand opnieuw in."))
    if registerimport.fouten:
        raise ValidationError(
            _("Het bestand heeft fouten. Verbeter ze en laad het bestand opnieuw in.")
        )
    nieuwer = Registerimport.objects.filter(
        status=Importstatus.VASTGELEGD, peildatum__gt=registerimport.peildatum
    ).first()
    if nieuwer is not None:
        raise ValidationError(
            _("Er is al een nieuwere stand vastgelegd (%(datum)s).")
            % {"datum": f"{nieuwer.peildatum:%d-%m-%Y}"}
        )
    Inschrijving.objects.all().delete()
    Inschrijving.objects.bulk_create(
        (Inschrijving(bsn=bsn, registerimport=registerimport) for bsn in registerimport.bsns),
        batch_size=5000,
    )
    # The older stand, and every proefdraai not taken (it could otherwise replace this stand).
    Registerimport.objects.filter(status__in=(Importstatus.VASTGELEGD, Importstatus.PROEF)).exclude(
        pk=registerimport.pk
    ).update(status=Importstatus.VERVANGEN, bsns=[])
    registerimport.status = Importstatus.VASTGELEGD
    registerimport.vastgelegd_op = timezone.now()
    registerimport.bsns = []
    registerimport.save(update_fields=["status", "vastgelegd_op", "bsns"])
    audit.registreer(
        door=door,
        actie=Actie.WIJZIGEN,
        onderwerp=registerimport,
        omschrijving=(
            f"Doelgroepregister vastgelegd: {registerimport.aantal} personen, stand van "
            f"{registerimport.peildatum:%d-%m-%Y}"
        ),
    )
    return registerimport
