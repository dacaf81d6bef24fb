"""Terms of use: which version is in force, who accepted, accepting and rejecting (seed 003
art. 2.3, 2.5, 6; DOMAIN §8).

- A person who never accepted must accept the version in force before using the portal.
- A later version applies automatically to whoever accepted an earlier one (art. 6.2), unless
  that person rejects it within six weeks of its publication; rejecting closes the account
  (local: deactivated and sessions ended; eHerkenning: the pseudonym is blocked for this portal).
- A person's standing is their latest decision: after a rejection (and a reopened account)
  they must accept again.
"""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.blokkades import service as blokkades
from verzuimportaal.blokkades.models import Soort
from verzuimportaal.toegang.actor import Portaalactor, beheerder

from .models import WEIGERTERMIJN, Acceptatie, Beslissing, Voorwaardenversie


@dataclass(frozen=True)
class Persoon:
    """Who decides: a local account, or for eHerkenning (pseudonym, represented KvK)."""

    gebruiker_id: int | None
    pseudoniem: str = ""
    kvk_nummer: str = ""  # eHerkenning: the represented KvK (part of the key); local: context

    @property
    def via_eherkenning(self) -> bool:
        return bool(self.pseudoniem)

    @property
    def sleutel(self) -> str:
        if self.via_eherkenning:
            return f"eh:{self.kvk_nummer}:{self.pseudoniem}"
        return f"lokaal:{self.gebruiker_id}"

    def beslissingen(self) -> QuerySet[Acceptatie]:
        if self.via_eherkenning:
            return Acceptatie.objects.filter(pseudoniem=self.pseudoniem, kvk_nummer=self.kvk_nummer)
        return Acceptatie.objects.filter(gebruiker_id=self.gebruiker_id, pseudoniem="")


def publiceer_versie(
    *,
    door: Portaalactor,
    nummer: str,
    titel: str,
    tekst: str,
    gepubliceerd_op: date,
    ingangsdatum: date,
) -> Voorwaardenversie:
    """A new version (operator). A change is announced before it applies (art. 6.1)."""
    valideer_versie(nummer=nummer, gepubliceerd_op=gepubliceerd_op, ingangsdatum=ingangsdatum)
    with transaction.atomic():
        versie = Voorwaardenversie.objects.create(
            nummer=nummer.strip(),
            titel=titel.strip() or "Gebruiksvoorwaarden",
            tekst=tekst,
            gepubliceerd_op=gepubliceerd_op,
            ingangsdatum=ingangsdatum,
        )
        audit.registreer(
            door=door,
            actie=Actie.AANMAKEN,
            onderwerp=versie,
            omschrijving=f"versie {versie.nummer}, van kracht op {ingangsdatum:%d-%m-%Y}",
        )
    return versie


def valideer_versie(
    *, nummer: str, gepubliceerd_op: date, ingangsdatum: date, pk: int | None = None
) -> None:
    fouten: dict[str, str] = {}
    andere = Voorwaardenversie.objects.all()
    if pk is not None:
        andere = andere.exclude(pk=pk)
    if not nummer.strip():
        fouten["nummer"] = gettext("Vul een versienummer in.")
    elif andere.filter(nummer=nummer.strip()).exists():
        fouten["nummer"] = gettext("Er is al een versie met dit nummer.")
    if ingangsdatum < gepubliceerd_op:
        fouten["ingangsdatum"] = gettext("De ingangsdatum ligt niet vóór de publicatie.")
    elif andere.exists() and ingangsdatum == gepubliceerd_op:
        fouten["ingangsdatum"] = gettext(
            "Een wijziging wordt vóór de ingangsdatum aangekondigd: kies een ingangsdatum "
            "na de publicatiedatum."
        )
    if andere.filter(ingangsdatum=ingangsdatum).exists():
        fouten["ingangsdatum"] = gettext("Er is al een versie met deze ingangsdatum.")
    if fouten:
        raise ValidationError(fouten)


def versie_van_kracht(*, op: date) -> Voorwaardenversie | None:
    return Voorwaardenversie.objects.filter(ingangsdatum__lte=op).order_by("-ingangsdatum").first()


def aangekondigde_versie(*, op: date) -> Voorwaardenversie | None:
    """A published version that is not in force yet (art. 6.1: announced before it applies)."""
    return (
        Voorwaardenversie.objects.filter(gepubliceerd_op__lte=op, ingangsdatum__gt=op)
        .order_by("ingangsdatum")
        .first()
    )


def heeft_aanvaard(persoon: Persoon) -> bool:
    """Whether the person's latest decision is an acceptance (of any version, art. 6.2)."""
    laatste = persoon.beslissingen().order_by("-tijdstip", "-pk").values_list("beslissing").first()
    return laatste is not None and laatste[0] == Beslissing.AANVAARD


def accepteer(
    *,
    door: Portaalactor,
    persoon: Persoon,
    versie: Voorwaardenversie,
    notificatie_email: str,
    op: date | None = None,
) -> Acceptatie:
    """Record the acceptance of the version in force, with the e-mail for notifications (2.5).

    ``door`` is the deciding person as the portal's audit log names it (``persoon_van``)."""
    vandaag = op or timezone.localdate()
    fouten: dict[str, str] = {}
    try:
        validate_email(notificatie_email)
    except ValidationError:
        fouten["notificatie_email"] = gettext(
            "Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl."
        )
    huidige = versie_van_kracht(op=vandaag)
    if huidige is None or huidige.pk != versie.pk:
        fouten["versie"] = gettext(
            "Deze versie van de gebruiksvoorwaarden is niet (meer) van kracht. "
            "Lees de geldende versie en accepteer die."
        )
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        acceptatie = Acceptatie.objects.create(
            versie=versie,
            gebruiker_id=persoon.gebruiker_id,
            pseudoniem=persoon.pseudoniem,
            kvk_nummer=persoon.kvk_nummer,
            beslissing=Beslissing.AANVAARD,
            tijdstip=timezone.now(),
            notificatie_email=notificatie_email.strip(),
        )
        audit.registreer(
            door=door,
            actie=Actie.AANMAKEN,
            onderwerp=acceptatie,
            omschrijving=f"gebruiksvoorwaarden versie {versie.nummer} aanvaard",
        )
    return acceptatie


def weigerbare_versie(*, persoon: Persoon, op: date | None = None) -> Voorwaardenversie | None:
    """The changed version this person may still reject (art. 6.2), if any.

    Only a person who accepted an earlier version and has not decided on this one; only from its
    publication until six weeks after it (the term starts the day after publication).
    """
    vandaag = op or timezone.localdate()
    kandidaten = Voorwaardenversie.objects.filter(
        gepubliceerd_op__lte=vandaag,
        gepubliceerd_op__gte=vandaag - WEIGERTERMIJN,
    ).order_by("-ingangsdatum")
    if not heeft_aanvaard(persoon):
        return None
    beslist = set(persoon.beslissingen().values_list("versie_id", flat=True))
    eerdere = persoon.beslissingen().filter(beslissing=Beslissing.AANVAARD)
    for versie in kandidaten:
        if versie.pk in beslist:
            continue
        if eerdere.filter(versie__ingangsdatum__lt=versie.ingangsdatum).exists():
            return versie
    return None


def weiger(
    *, door: Portaalactor, persoon: Persoon, versie: Voorwaardenversie, op: date | None = None
) -> Acceptatie:
    """Reject a changed version: recorded, then the account is closed (art. 5.1, 6.2).

    One audit row for the rejection; an eHerkenning pseudonym is closed by a block, which the
    portal itself places (``blokkades.blokkeer``) with an audit row of its own."""
    vandaag = op or timezone.localdate()
    if weigerbare_versie(persoon=persoon, op=vandaag) != versie:
        raise ValidationError(
            gettext(
                "U kunt deze versie niet (meer) weigeren: dat kan tot zes weken na de publicatie, "
                "en alleen als u een eerdere versie had geaccepteerd."
            )
        )
    with transaction.atomic():
        weigering = Acceptatie.objects.create(
            versie=versie,
            gebruiker_id=persoon.gebruiker_id,
            pseudoniem=persoon.pseudoniem,
            kvk_nummer=persoon.kvk_nummer,
            beslissing=Beslissing.GEWEIGERD,
            tijdstip=timezone.now(),
        )
        audit.registreer(
            door=door,
            actie=Actie.AANMAKEN,
            onderwerp=weigering,
            omschrijving=f"gebruiksvoorwaarden versie {versie.nummer} geweigerd; account opgezegd",
        )
        reden = (
            f"Gebruiksvoorwaarden versie {versie.nummer} geweigerd; account opgezegd (art. 6.2)."
        )
        if persoon.via_eherkenning:
            blokkades.blokkeer(
                door=beheerder(None),
                soort=Soort.PSEUDONIEM,
                pseudoniem=persoon.pseudoniem,
                kvk_nummer=persoon.kvk_nummer,
                reden=reden,
            )
        elif persoon.gebruiker_id is not None:
            gebruiker = get_user_model().objects.select_for_update().get(pk=persoon.gebruiker_id)
            gebruiker.is_active = False
            gebruiker.save(update_fields=["is_active"])
        if persoon.gebruiker_id is not None:
            _beeindig_sessies(gebruiker_id=persoon.gebruiker_id)
        return weigering


def _beeindig_sessies(*, gebruiker_id: int) -> int:
    """Delete every open server session of this account (database sessions)."""
    sleutels = [
        sessie.session_key
        for sessie in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if sessie.get_decoded().get("_auth_user_id") == str(gebruiker_id)
    ]
    aantal, _ = Session.objects.filter(session_key__in=sleutels).delete()
    return aantal
