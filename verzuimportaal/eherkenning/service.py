"""The eHerkenning person's own details: display name and confirmed e-mail address (ADR 0025).

These are actions of one person on itself, like a local account's contact details: the actor is
the person as a ``Portaalactor`` (by pseudonym, with the request's address and browser), the
audit row is in the portal's own log and no werkgever's data version changes (ADR 0013).
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.toegang.actor import Portaalactor

from .assertie import Assertie
from .models import EHerkenningProfiel

CODE_LENGTE = 6
MAX_POGINGEN = 5
NAAM_MAXIMUM = 100
_HMAC_SALT = "verzuimportaal.eherkenning.emailcode"


def _code_hash(profiel: EHerkenningProfiel, code: str) -> str:
    return salted_hmac(_HMAC_SALT, f"{profiel.pk}:{code}", algorithm="sha256").hexdigest()


def _persoon(door: Portaalactor) -> User:
    if door.gebruiker is None:
        raise ValueError("Alleen een ingelogde eHerkenning-gebruiker heeft eigen gegevens.")
    return door.gebruiker


@transaction.atomic
def leg_login_vast(*, door: Portaalactor, assertie: Assertie) -> EHerkenningProfiel:
    """At every login: the represented KvK and the services of this machtiging (for reminders)."""
    profiel, _nieuw = EHerkenningProfiel.objects.update_or_create(
        gebruiker=_persoon(door),
        defaults={
            "kvk_nummer": assertie.kvk_nummer,
            "diensten": sorted(assertie.diensten),
            "laatst_ingelogd_op": timezone.now(),
        },
    )
    audit.registreer(
        door=door,
        actie=Actie.TOEGANG,
        onderwerp=profiel,
        omschrijving=f"ingelogd met eHerkenning ({assertie.niveau}) voor KvK {assertie.kvk_nummer}",
    )
    return profiel


def controleer_weergavenaam(weergavenaam: str) -> str:
    naam = " ".join(weergavenaam.split())
    if len(naam) < 2:
        raise ValidationError(
            {"weergavenaam": _("Vul uw naam in zoals collega's u kennen, bijvoorbeeld Jan Jansen.")}
        )
    if len(naam) > NAAM_MAXIMUM:
        raise ValidationError(
            {"weergavenaam": _("Uw naam is te lang: gebruik hoogstens 100 tekens.")}
        )
    if naam.startswith("eh:") or naam.lower().startswith("eherkenning-gebruiker"):
        raise ValidationError({"weergavenaam": _("Vul uw eigen naam in.")})
    return naam


def geef_gegevens(*, door: Portaalactor, weergavenaam: str, email: str) -> EHerkenningProfiel:
    """Save the display name; a new e-mail address gets a code and waits for it.

    The address already confirmed needs no new code. Returns the profile; when
    ``profiel.nieuw_email`` is set, a code is on its way there (sent after the commit).
    """
    naam = controleer_weergavenaam(weergavenaam)
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(
            {"email": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl.")}
        ) from None
    gebruiker = _persoon(door)
    with transaction.atomic():
        profiel = EHerkenningProfiel.objects.select_for_update().get(gebruiker=gebruiker)
        profiel.weergavenaam = naam
        gebruiker.first_name = naam[:150]
        gebruiker.save(update_fields=["first_name"])
        if profiel.email_bevestigd_op and profiel.email == email:
            profiel.nieuw_email = ""
            profiel.code_hash = ""
            profiel.code_geldig_tot = None
        else:
            code = f"{secrets.randbelow(10**CODE_LENGTE):0{CODE_LENGTE}d}"
            profiel.nieuw_email = email
            profiel.code_hash = _code_hash(profiel, code)
            profiel.code_geldig_tot = timezone.now() + timedelta(
                seconds=settings.TWEEDE_FACTOR_CODE_GELDIG
            )
            profiel.code_pogingen = 0
            minuten = settings.TWEEDE_FACTOR_CODE_GELDIG // 60
            tekst = _(
                "Uw code om dit e-mailadres te bevestigen voor het Verzuimportaal is %(code)s.\n\n"
                "De code is %(minuten)s minuten geldig. Heeft u dit niet zelf gevraagd? Dan kunt "
                "u deze e-mail negeren."
            ) % {"code": code, "minuten": minuten}
            onderwerp = _("Bevestig uw e-mailadres voor het Verzuimportaal")
            # The code is a secret: it goes straight to the mail after the commit, never into
            # the outbox table (like the confirmation link of an adviser, ADR 0019).
            transaction.on_commit(lambda: send_mail(onderwerp, tekst, None, [email]))
        profiel.save()
        audit.registreer(
            door=door,
            actie=Actie.WIJZIGEN,
            onderwerp=profiel,
            omschrijving="naam opgegeven"
            + (", nieuw e-mailadres wacht op de code" if profiel.nieuw_email else ""),
        )
    return profiel


def bevestig_email(*, door: Portaalactor, code: str) -> EHerkenningProfiel:
    """Confirm the waiting address with its code (at most five tries, within its validity)."""
    gebruiker = _persoon(door)
    with transaction.atomic():
        profiel = EHerkenningProfiel.objects.select_for_update().get(gebruiker=gebruiker)
        if not profiel.nieuw_email or not profiel.code_hash:
            raise ValidationError({"code": _("Er wacht geen e-mailadres op bevestiging.")})
        verlopen = profiel.code_geldig_tot is None or profiel.code_geldig_tot < timezone.now()
        if verlopen or profiel.code_pogingen >= MAX_POGINGEN:
            raise ValidationError(
                {"code": _("Deze code is niet meer geldig. Vraag een nieuwe code aan.")}
            )
        if not constant_time_compare(profiel.code_hash, _code_hash(profiel, code.strip())):
            profiel.code_pogingen += 1
            profiel.save(update_fields=["code_pogingen"])
            fout = ValidationError(
                {"code": _("Deze code klopt niet. Controleer de code in de e-mail.")}
            )
        else:
            profiel.email = profiel.nieuw_email
            profiel.email_bevestigd_op = timezone.now()
            profiel.nieuw_email = ""
            profiel.code_hash = ""
            profiel.code_geldig_tot = None
            profiel.code_pogingen = 0
            profiel.save()
            gebruiker.email = profiel.email
            gebruiker.save(update_fields=["email"])
            audit.registreer(
                door=door,
                actie=Actie.WIJZIGEN,
                onderwerp=profiel,
                omschrijving="e-mailadres bevestigd",
            )
            return profiel
    raise fout
