"""Writes for misuse reports and blocks (seed 003 art. 4.5, 4.6; DOMAIN §8).

Blocking takes effect on the party's next request (``BlokkadeMiddleware``): its session is ended
there. Lifting a block is recorded (who, when, why); the block itself is kept.

The operator acts for the portal (``Portaalactor``): blocks and the report queue are in the
portal's own audit log. A report is made by a werkgever's user, in that werkgever's log. None of
these changes a werkgever's data (ADR 0013).
"""

import re
from datetime import date, datetime

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.toegang.actor import Actor, Portaalactor
from verzuimportaal.utils.elfproef import is_elfproef

from .models import Blokkade, MeldingSoort, MeldingStatus, Misbruikmelding, Soort

_KVK = re.compile(r"^\d{8}$")
_NEGEN_CIJFERS = re.compile(r"(?<!\d)\d{9}(?!\d)")


def valideer_blokkade(
    *,
    soort: str,
    reden: str,
    gebruiker: User | None,
    pseudoniem: str,
    kvk_nummer: str,
    van: datetime,
    tot: datetime | None,
) -> None:
    """The checks of ``blokkeer``, also used by the operator's form before saving."""
    fouten: dict[str, str] = {}
    if not reden.strip():
        fouten["reden"] = gettext("Geef de reden van de blokkade op.")
    if soort not in Soort.values:
        fouten["soort"] = gettext("Kies wat u wilt blokkeren.")
    elif soort == Soort.ACCOUNT and gebruiker is None:
        fouten["gebruiker"] = gettext("Kies het account dat u wilt blokkeren.")
    elif soort == Soort.PSEUDONIEM and not pseudoniem.strip():
        fouten["pseudoniem"] = gettext("Vul het eHerkenning-pseudoniem in.")
    elif soort == Soort.WERKGEVER and not kvk_nummer.strip():
        fouten["kvk_nummer"] = gettext("Vul het KvK-nummer van de werkgever in.")
    if kvk_nummer.strip() and not _KVK.match(kvk_nummer.strip()):
        fouten["kvk_nummer"] = gettext("Een KvK-nummer bestaat uit 8 cijfers.")
    if tot is not None and tot <= van:
        fouten["tot"] = gettext("Het einde van de blokkade moet na het begin liggen.")
    if fouten:
        raise ValidationError(fouten)


def blokkeer(
    *,
    door: Portaalactor,
    soort: str,
    reden: str,
    gebruiker: User | None = None,
    pseudoniem: str = "",
    kvk_nummer: str = "",
    van: datetime | None = None,
    tot: datetime | None = None,
    melding: Misbruikmelding | None = None,
) -> Blokkade:
    """Block a local account, an eHerkenning pseudonym or a werkgever (seed 003 art. 4.6)."""
    begin = van or timezone.now()
    valideer_blokkade(
        soort=soort,
        reden=reden,
        gebruiker=gebruiker,
        pseudoniem=pseudoniem,
        kvk_nummer=kvk_nummer,
        van=begin,
        tot=tot,
    )
    with transaction.atomic():
        blokkade = Blokkade.objects.create(
            soort=soort,
            gebruiker=gebruiker if soort == Soort.ACCOUNT else None,
            pseudoniem=pseudoniem.strip() if soort == Soort.PSEUDONIEM else "",
            kvk_nummer=kvk_nummer.strip() if soort != Soort.ACCOUNT else "",
            reden=reden.strip(),
            van=begin,
            tot=tot,
            melding=melding,
            aangemaakt_door=door.gebruiker,
        )
        audit.registreer(
            door=door, actie=Actie.AANMAKEN, onderwerp=blokkade, omschrijving=blokkade.reden
        )
    return blokkade


def hef_op(*, door: Portaalactor, blokkade: Blokkade, reden: str = "") -> Blokkade:
    """Lift a block; recorded, never deleted. Access works again on the next login."""
    with transaction.atomic():
        blokkade = Blokkade.objects.select_for_update().get(pk=blokkade.pk)
        if blokkade.opgeheven_op is not None:
            raise ValidationError(gettext("Deze blokkade is al opgeheven."))
        blokkade.opgeheven_op = timezone.now()
        blokkade.opgeheven_door = door.gebruiker
        blokkade.reden_opheffing = reden.strip()
        blokkade.save(update_fields=["opgeheven_op", "opgeheven_door", "reden_opheffing"])
        audit.registreer(
            door=door,
            actie=Actie.WIJZIGEN,
            onderwerp=blokkade,
            omschrijving=f"opgeheven: {blokkade.reden_opheffing}",
        )
        return blokkade


def bevat_bsn(tekst: str) -> bool:
    """A 9-digit number passing the 11-check: probably a BSN, which a report must not contain."""
    return any(is_elfproef(m.group()) for m in _NEGEN_CIJFERS.finditer(tekst))


def meld_misbruik(
    *,
    door: Actor,
    soort: str,
    omschrijving: str,
    waargenomen_op: date | None = None,
    contact_email: str = "",
) -> Misbruikmelding:
    """Queue a report of suspected misuse for the operator (seed 003 art. 4.5).

    No personal data of employees: a BSN in the text is refused (DOMAIN §9).
    """
    fouten: dict[str, str] = {}
    if not omschrijving.strip():
        fouten["omschrijving"] = gettext("Beschrijf wat u heeft gezien.")
    elif bevat_bsn(omschrijving):
        fouten["omschrijving"] = gettext(
            "Vermeld geen burgerservicenummer of andere gegevens van werknemers. "
            "Beschrijf alleen wat er is gebeurd."
        )
    if waargenomen_op is not None and waargenomen_op > timezone.localdate():
        fouten["waargenomen_op"] = gettext("De datum mag niet in de toekomst liggen.")
    if soort not in MeldingSoort.values:
        fouten["soort"] = gettext("Kies wat voor misbruik u vermoedt.")
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        melding = Misbruikmelding.objects.create(
            soort=soort,
            omschrijving=omschrijving.strip(),
            waargenomen_op=waargenomen_op,
            contact_email=contact_email.strip(),
            gemeld_door=door.gebruiker,
            melder_naam=door.weergavenaam[:200],
            melder_pseudoniem=door.pseudoniem or "",
            werkgever_kvk_nummer=door.werkgever.kvk_nummer,
        )
        # The report text stays out of the log: the operator reads it in the queue.
        audit.registreer(door=door, actie=Actie.AANMAKEN, onderwerp=melding, omschrijving=soort)
    return melding


def behandel_melding(
    *, door: Portaalactor, melding: Misbruikmelding, status: str
) -> Misbruikmelding:
    """The operator moves a report through the queue (nieuw → in behandeling → afgehandeld)."""
    if status not in MeldingStatus.values:
        raise ValidationError({"status": gettext("Onbekende status.")})
    with transaction.atomic():
        melding = Misbruikmelding.objects.select_for_update().get(pk=melding.pk)
        melding.status = status
        melding.behandeld_door = door.gebruiker
        melding.behandeld_op = timezone.now()
        melding.save(update_fields=["status", "behandeld_door", "behandeld_op"])
        audit.registreer(door=door, actie=Actie.WIJZIGEN, onderwerp=melding, omschrijving=status)
        return melding
