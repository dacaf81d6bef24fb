"""Writes for incident notices (seed 003 art. 4.2, 4.3): announce, start, lift.

The operator acts for the whole portal: each write has one audit row in the portal's own log
(``Portaalactor``, ADR 0013) and changes no werkgever's data.
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.toegang.actor import Portaalactor

from .models import Storingsmelding


def meld_storing(
    *,
    door: Portaalactor,
    titel: str,
    tekst: str = "",
    begin: datetime | None = None,
    verwacht_einde: datetime | None = None,
    verwachte_duur: str = "",
    einde: datetime | None = None,
    onderbreking: bool = False,
    aangekondigd_vanaf: datetime | None = None,
) -> Storingsmelding:
    """Publish a notice; with ``onderbreking`` the portal is read-only from ``begin``."""
    start = begin or timezone.now()
    valideer_storing(
        titel=titel,
        begin=start,
        verwacht_einde=verwacht_einde,
        einde=einde,
        aangekondigd_vanaf=aangekondigd_vanaf,
    )
    with transaction.atomic():
        melding = Storingsmelding.objects.create(
            titel=titel.strip(),
            tekst=tekst.strip(),
            begin=start,
            verwacht_einde=verwacht_einde,
            verwachte_duur=verwachte_duur.strip(),
            einde=einde,
            onderbreking=onderbreking,
            aangekondigd_vanaf=aangekondigd_vanaf,
            aangemaakt_door=door.gebruiker,
        )
        audit.registreer(door=door, actie=Actie.AANMAKEN, onderwerp=melding)
    return melding


def valideer_storing(
    *,
    titel: str,
    begin: datetime,
    verwacht_einde: datetime | None,
    einde: datetime | None,
    aangekondigd_vanaf: datetime | None,
) -> None:
    fouten: dict[str, str] = {}
    if not titel.strip():
        fouten["titel"] = gettext("Beschrijf de aard van de storing.")
    if einde is not None and einde <= begin:
        fouten["einde"] = gettext("Het einde moet na het begin liggen.")
    if verwacht_einde is not None and verwacht_einde <= begin:
        fouten["verwacht_einde"] = gettext("Het verwachte einde moet na het begin liggen.")
    if aangekondigd_vanaf is not None and aangekondigd_vanaf > begin:
        fouten["aangekondigd_vanaf"] = gettext(
            "Een aankondiging komt vóór het begin van de storing."
        )
    if fouten:
        raise ValidationError(fouten)


def hef_op(*, door: Portaalactor, melding: Storingsmelding) -> Storingsmelding:
    """End the notice now: the banner disappears and an interruption is over at once."""
    nu = timezone.now()
    with transaction.atomic():
        melding = Storingsmelding.objects.select_for_update().get(pk=melding.pk)
        if melding.einde is not None and melding.einde <= nu:
            raise ValidationError(gettext("Deze storingsmelding is al beëindigd."))
        if melding.begin >= nu:
            raise ValidationError(
                gettext(
                    "Deze storing is nog niet begonnen. Pas de aankondiging aan of verwijder haar."
                )
            )
        melding.einde = nu
        melding.opgeheven_door = door.gebruiker
        melding.save(update_fields=["einde", "opgeheven_door"])
        audit.registreer(
            door=door, actie=Actie.WIJZIGEN, onderwerp=melding, omschrijving="opgeheven"
        )
        return melding


def wijzig_storing(
    *, door: Portaalactor, melding: Storingsmelding, **velden: object
) -> Storingsmelding:
    """Correct a notice, e.g. a new expected end; the same checks as when it was published."""
    with transaction.atomic():
        melding = Storingsmelding.objects.select_for_update().get(pk=melding.pk)
        for veld, waarde in velden.items():
            setattr(melding, veld, waarde)
        valideer_storing(
            titel=melding.titel,
            begin=melding.begin,
            verwacht_einde=melding.verwacht_einde,
            einde=melding.einde,
            aangekondigd_vanaf=melding.aangekondigd_vanaf,
        )
        melding.save(update_fields=list(velden))
        audit.registreer(
            door=door,
            actie=Actie.WIJZIGEN,
            onderwerp=melding,
            omschrijving=", ".join(sorted(velden)),
        )
        return melding
