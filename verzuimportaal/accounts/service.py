"""Writes for local accounts (seed 004): accounts, rights, passwords, second factor, browsers.

Rules: rights are the four local rights (``toegang.models.LOKALE_RECHTEN``); nobody grants or
removes a right they do not hold themselves; a werkgever always keeps an active rechtenbeheerder;
one e-mail address per account (case-insensitive); a temporary password must be changed first.

Every write is one use case with one audit row in its transaction (ADR 0013): what a
rechtenbeheerder does with the werkgever's accounts is in the werkgever's log (``door: Actor``);
what an account does on itself (password, second factor, remembered browsers, login) is in the
portal's own log (``door: Portaalactor``), and the operator creating a hoofdcontactpersoon is in
that werkgever's log. Accounts and rights are no werkgever data: no data version is raised.
"""

import re
import secrets
import string
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django_otp.models import Device
from django_otp.plugins.otp_email.models import EmailDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.toegang import verlenen
from verzuimportaal.toegang.actor import Actor, Portaalactor, Route
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.toegang.models import LOKALE_RECHTEN, RECHT_LABELS, Lidmaatschap
from verzuimportaal.utils.taken import na_commit
from verzuimportaal.werkgevers.models import Werkgever

from .models import Profiel, SmsApparaat, VertrouwdApparaat, sleutel_hash
from .taal import in_taal_van

# Notices without a secret, through the outbox (ADR 0019).
_MAIL = "verzuimportaal.accounts.tasks.verstuur_accountmail"
_SMS = "verzuimportaal.accounts.tasks.verstuur_accountsms"

TELEFOON = re.compile(r"^\+?[0-9]{10,15}$")


def _account(door: Portaalactor) -> User:
    """The account acting on itself; a Portaalactor without an account cannot."""
    if not isinstance(door.gebruiker, User):
        raise PermissionDenied(gettext("Log eerst in met uw account."))
    return door.gebruiker


def _log(door: Portaalactor, actie: str, omschrijving: str) -> None:
    """The audit row of an account acting on itself, in the portal's own log."""
    audit.registreer(door=door, actie=actie, onderwerp=_account(door), omschrijving=omschrijving)


def _log_lid(door: Actor, actie: str, lid: Lidmaatschap, omschrijving: str) -> None:
    """Who changed which account's access, in the werkgever's log (DOMAIN §3)."""
    audit.registreer(
        door=door,
        actie=actie,
        onderwerp=lid,
        omschrijving=f"Account {lid.gebruiker.get_username()}: {omschrijving}",
    )


def _labels(rechten: set[str] | frozenset[str]) -> str:
    return ", ".join(RECHT_LABELS[r] for r in LOKALE_RECHTEN if r in rechten)


def normaliseer_telefoon(telefoonnummer: str) -> str:
    nummer = re.sub(r"[\s\-().]", "", telefoonnummer or "")
    if nummer and not TELEFOON.match(nummer):
        raise ValidationError(
            {"telefoonnummer": "Vul een telefoonnummer in van 10 tot 15 cijfers, bijv. 0612345678."}
        )
    return nummer


def controleer_email_uniek(email: str, *, behalve: User | None = None) -> str:
    """One e-mail address per account (seed 004), compared case-insensitively."""
    email = User.objects.normalize_email(email.strip())
    andere = User.objects.filter(email__iexact=email)
    if behalve is not None:
        andere = andere.exclude(pk=behalve.pk)
    if andere.exists():
        raise ValidationError(
            {
                "email": "Dit e-mailadres hoort al bij een ander account. Elk account heeft een "
                "eigen e-mailadres; gebruik een ander adres."
            }
        )
    return email


def _nieuwe_gebruikersnaam(voornaam: str, achternaam: str) -> str:
    basis = re.sub(r"[^a-z]", "", f"{voornaam[:1]}{achternaam}".lower()) or "gebruiker"
    basis = basis[:20]
    naam, volgnummer = basis, 1
    while User.objects.filter(username__iexact=naam).exists():
        volgnummer += 1
        naam = f"{basis}{volgnummer}"
    return naam


def tijdelijk_wachtwoord(gebruiker: User) -> str:
    """A random password that satisfies the configured rules (it must be changed at once)."""
    alfabet = string.ascii_letters + string.digits + "-.!?"
    while True:
        kandidaat = "".join(secrets.choice(alfabet) for _ in range(12))
        try:
            validate_password(kandidaat, gebruiker)
        except ValidationError:
            continue
        return kandidaat


def _geordend(rechten: frozenset[str]) -> list[str]:
    """Local rights in the page's order; anything else as given (refused by the model)."""
    return [r for r in LOKALE_RECHTEN if r in rechten] + sorted(rechten - set(LOKALE_RECHTEN))


def _maak_gebruiker(
    *,
    aanhef: str,
    voornaam: str,
    tussenvoegsels: str,
    achternaam: str,
    email: str,
    telefoonnummer: str,
) -> tuple[User, str]:
    if not voornaam.strip() or not achternaam.strip():
        raise ValidationError(gettext("Vul een voornaam en een achternaam in."))
    email = controleer_email_uniek(email)
    telefoonnummer = normaliseer_telefoon(telefoonnummer)
    gebruiker = User(
        username=_nieuwe_gebruikersnaam(voornaam, achternaam),
        first_name=voornaam.strip(),
        last_name=f"{tussenvoegsels.strip()} {achternaam.strip()}".strip(),
        email=email,
    )
    wachtwoord = tijdelijk_wachtwoord(gebruiker)
    gebruiker.set_password(wachtwoord)
    gebruiker.save()
    Profiel.objects.create(
        gebruiker=gebruiker,
        aanhef=aanhef.strip(),
        tussenvoegsels=tussenvoegsels.strip(),
        telefoonnummer=telefoonnummer,
        wachtwoord_wijzigen=True,
    )
    EmailDevice.objects.create(user=gebruiker, name="E-mail", confirmed=True)
    if telefoonnummer:
        SmsApparaat.objects.create(
            user=gebruiker, name="Sms", telefoonnummer=telefoonnummer, confirmed=True
        )
    return gebruiker, wachtwoord


def _stuur_tijdelijk_wachtwoord(gebruiker: User, wachtwoord: str, werkgever: Werkgever) -> None:
    aanhef = getattr(getattr(gebruiker, "profiel", None), "aanhef", "") or "Beste"
    tekst = (
        f"{aanhef} {gebruiker.get_full_name()},\n\n"
        f"Er is voor u een account aangemaakt in het Verzuimportaal voor {werkgever.naam}.\n\n"
        f"Gebruikersnaam: {gebruiker.get_username()}\n"
        f"Tijdelijk wachtwoord: {wachtwoord}\n\n"
        "Dit wachtwoord is tijdelijk: u wijzigt het direct bij de eerste keer inloggen. Daarna "
        "vragen wij bij elke inlog een verificatiecode per sms of e-mail.\n\n"
        f"Inloggen: {settings.PORTAAL_URL}/account/inloggen/\n"
    )
    # The temporary password is a secret: straight to the mail after the commit, never into the
    # outbox table (ADR 0019); the other notices of this module go through the outbox.
    transaction.on_commit(
        lambda: send_mail(
            "Uw account voor het Verzuimportaal",
            tekst,
            None,
            [gebruiker.email],
        )
    )


def maak_hoofdcontactpersoon(
    *,
    door: Portaalactor,
    werkgever: Werkgever,
    polisnummer: str,
    bedrijfsnaam: str,
    aanhef: str,
    voornaam: str,
    tussenvoegsels: str,
    achternaam: str,
    email: str,
    telefoonnummer: str,
) -> Lidmaatschap:
    """The operator creates a werkgever's hoofdcontactpersoon with all rights (seed 004).

    The polisnummer and bedrijfsnaam identify the werkgever: the name must match the chosen
    werkgever, so a typo in the selection does not hand a werkgever to the wrong person.
    """
    if bedrijfsnaam.strip().casefold() != werkgever.naam.strip().casefold():
        raise ValidationError(
            {
                "bedrijfsnaam": f"De bedrijfsnaam komt niet overeen met de gekozen werkgever "
                f"({werkgever.naam}). Controleer de werkgever en de bedrijfsnaam."
            }
        )
    if not polisnummer.strip():
        raise ValidationError({"polisnummer": "Vul het polisnummer in (zie het polisblad)."})
    with transaction.atomic():
        gebruiker, wachtwoord = _maak_gebruiker(
            aanhef=aanhef,
            voornaam=voornaam,
            tussenvoegsels=tussenvoegsels,
            achternaam=achternaam,
            email=email,
            telefoonnummer=telefoonnummer,
        )
        lidmaatschap = Lidmaatschap.objects.create(
            gebruiker=gebruiker,
            werkgever=werkgever,
            rechten=[str(r) for r in LOKALE_RECHTEN],
            hoofdcontactpersoon=True,
            polisnummer=polisnummer.strip(),
        )
        _log_lid(door.voor(werkgever), Actie.AANMAKEN, lidmaatschap, "hoofdcontactpersoon")
        _stuur_tijdelijk_wachtwoord(gebruiker, wachtwoord, werkgever)
    return lidmaatschap


def maak_account(
    *,
    door: Actor,
    aanhef: str = "",
    voornaam: str,
    tussenvoegsels: str = "",
    achternaam: str,
    email: str,
    telefoonnummer: str,
    rechten: list[str],
) -> Lidmaatschap:
    """A rechtenbeheerder creates an account for a colleague or a third party (seed 004)."""
    nieuw = frozenset(rechten)
    # Local rights have no view-only variant: they are given at "bekijken en wijzigen".
    verlenen.vereis_eigen_rechten(
        door=door, diensten=_geordend(nieuw), wijzigen=True, veld="rechten", labels=RECHT_LABELS
    )
    if not nieuw:
        raise ValidationError({"rechten": "Kies minstens één recht."})
    with transaction.atomic():
        gebruiker, wachtwoord = _maak_gebruiker(
            aanhef=aanhef,
            voornaam=voornaam,
            tussenvoegsels=tussenvoegsels,
            achternaam=achternaam,
            email=email,
            telefoonnummer=telefoonnummer,
        )
        lidmaatschap = Lidmaatschap(
            gebruiker=gebruiker,
            werkgever=door.werkgever,
            rechten=[str(r) for r in LOKALE_RECHTEN if r in nieuw],
        )
        lidmaatschap.full_clean()
        lidmaatschap.save()
        _log_lid(door, Actie.AANMAKEN, lidmaatschap, f"aangemaakt met {_labels(nieuw) or 'geen'}")
        _stuur_tijdelijk_wachtwoord(gebruiker, wachtwoord, door.werkgever)
    return lidmaatschap


def _vergrendel(werkgever: Werkgever) -> list[Lidmaatschap]:
    """Lock the werkgever's active memberships so two admins cannot both remove the last one."""
    return list(
        Lidmaatschap.objects.select_for_update()
        .filter(werkgever=werkgever, actief=True)
        .order_by("pk")
    )


def _laatste_rechtenbeheerder(leden: list[Lidmaatschap], lidmaatschap: Lidmaatschap) -> bool:
    return not any(
        Dienst.RECHTENBEHEER in lid.rechtenset for lid in leden if lid.pk != lidmaatschap.pk
    )


LAATSTE = (
    "Dit is de laatste rechtenbeheerder van de werkgever. Geef eerst een ander account het "
    "recht Rechtenbeheer."
)


def wijzig_rechten(*, door: Actor, lidmaatschap: Lidmaatschap, rechten: list[str]) -> Lidmaatschap:
    if lidmaatschap.werkgever_id != door.werkgever.pk:
        raise ValidationError(gettext("Dit account hoort niet bij uw werkgever."))
    nieuw = frozenset(rechten)
    with transaction.atomic():
        leden = _vergrendel(door.werkgever)
        actueel = next((lid for lid in leden if lid.pk == lidmaatschap.pk), None)
        if actueel is None:
            raise ValidationError(gettext("Dit account is niet (meer) actief."))
        verlenen.vereis_eigen_rechten(
            door=door,
            diensten=_geordend(nieuw ^ actueel.rechtenset),
            wijzigen=True,
            veld="rechten",
            labels=RECHT_LABELS,
        )
        if (
            Dienst.RECHTENBEHEER in actueel.rechtenset
            and Dienst.RECHTENBEHEER not in nieuw
            and _laatste_rechtenbeheerder(leden, actueel)
        ):
            raise ValidationError({"rechten": LAATSTE})
        oud = actueel.rechtenset
        if oud == nieuw:
            return actueel  # nothing changes: no write, no audit row
        actueel.rechten = [str(r) for r in LOKALE_RECHTEN if r in nieuw]
        actueel.full_clean()
        actueel.save(update_fields=["rechten"])
        wijziging = f"rechten {_labels(oud) or 'geen'} → {_labels(nieuw) or 'geen'}"
        _log_lid(door, Actie.WIJZIGEN, actueel, wijziging)
    return actueel


def deactiveer(*, door: Actor, lidmaatschap: Lidmaatschap) -> Lidmaatschap:
    """End an account's access to this werkgever; the account itself may serve others."""
    if lidmaatschap.werkgever_id != door.werkgever.pk:
        raise ValidationError(gettext("Dit account hoort niet bij uw werkgever."))
    with transaction.atomic():
        leden = _vergrendel(door.werkgever)
        actueel = next((lid for lid in leden if lid.pk == lidmaatschap.pk), None)
        if actueel is None:
            raise ValidationError(gettext("Dit account is al gedeactiveerd."))
        if Dienst.RECHTENBEHEER in actueel.rechtenset and _laatste_rechtenbeheerder(leden, actueel):
            raise ValidationError(LAATSTE)
        actueel.actief = False
        actueel.save(update_fields=["actief"])
        _log_lid(door, Actie.WIJZIGEN, actueel, "gedeactiveerd")
    return actueel


def is_hoofdcontactpersoon(door: Actor) -> bool:
    """The actor works through its own account as the werkgever's hoofdcontactpersoon."""
    return bool(
        door.route == Route.LOKAAL
        and door.gebruiker is not None
        and Lidmaatschap.objects.filter(
            werkgever=door.werkgever,
            gebruiker_id=door.gebruiker.pk,
            actief=True,
            hoofdcontactpersoon=True,
        ).exists()
    )


def wijzig_email_collega(*, door: Actor, lidmaatschap: Lidmaatschap, email: str) -> User:
    """The hoofdcontactpersoon corrects a colleague's e-mail address (seed 004: "Ik ontvang de
    verificatiecode op het verkeerde e-mailadres"). The old address is told, so a change nobody
    asked for is noticed; an account that also works for another werkgever is left alone."""
    if lidmaatschap.werkgever_id != door.werkgever.pk:
        raise ValidationError(gettext("Dit account hoort niet bij uw werkgever."))
    if not is_hoofdcontactpersoon(door):
        raise PermissionDenied(
            gettext("Alleen de hoofdcontactpersoon wijzigt het e-mailadres van een collega.")
        )
    with transaction.atomic():
        leden = _vergrendel(door.werkgever)
        actueel = next((lid for lid in leden if lid.pk == lidmaatschap.pk), None)
        if actueel is None:
            raise ValidationError(gettext("Dit account is niet (meer) actief."))
        gebruiker = User.objects.select_for_update().get(pk=actueel.gebruiker_id)
        if door.gebruiker is not None and gebruiker.pk == door.gebruiker.pk:
            raise ValidationError(
                {"email": gettext("Uw eigen e-mailadres wijzigt u via Mijn account.")}
            )
        if (
            Lidmaatschap.objects.filter(gebruiker=gebruiker, actief=True)
            .exclude(werkgever=door.werkgever)
            .exists()
        ):
            raise ValidationError(
                {
                    "email": gettext(
                        "Dit account werkt ook voor een andere werkgever. Vraag de servicedesk "
                        "van het Verzuimportaal om het e-mailadres te wijzigen."
                    )
                }
            )
        nieuw = controleer_email_uniek(email, behalve=gebruiker)
        oud = gebruiker.email
        if nieuw.lower() == oud.lower():
            return gebruiker
        gebruiker.email = nieuw
        gebruiker.save(update_fields=["email"])
        _email_apparaat(gebruiker)
        _log_lid(door, Actie.WIJZIGEN, actueel, "e-mailadres gewijzigd")
        if oud:
            with in_taal_van(gebruiker):  # the colleague's own language (ADR 0044)
                tekst, onderwerp = _mail_email_gewijzigd(gebruiker, door.werkgever.naam)
            na_commit(_MAIL, onderwerp, tekst, oud, omschrijving="melding e-mailadres gewijzigd")
    return gebruiker


def _mail_email_gewijzigd(gebruiker: User, werkgever: str) -> tuple[str, str]:
    tekst = gettext(
        "Beste %(naam)s,\n\nDe hoofdcontactpersoon van %(werkgever)s heeft het "
        "e-mailadres van uw account voor het Verzuimportaal gewijzigd. Verificatiecodes en "
        "meldingen gaan voortaan naar het nieuwe adres.\n\nHeeft u hier niet om gevraagd? "
        "Neem dan contact op met uw hoofdcontactpersoon of de servicedesk van het "
        "Verzuimportaal.\n"
    ) % {"naam": gebruiker.get_full_name(), "werkgever": werkgever}
    return tekst, gettext("Uw e-mailadres voor het Verzuimportaal is gewijzigd")


# --- password --------------------------------------------------------------------------------


def _nieuw_wachtwoord(gebruiker: User, wachtwoord: str) -> None:
    """Set the password; the temporary flag goes and remembered browsers are revoked."""
    gebruiker.set_password(wachtwoord)
    gebruiker.save(update_fields=["password"])
    Profiel.objects.update_or_create(
        gebruiker=gebruiker,
        defaults={"wachtwoord_wijzigen": False, "wachtwoord_gewijzigd_op": timezone.now()},
    )
    _trek_apparaten_in(gebruiker)


def stel_wachtwoord_in(*, door: Portaalactor, wachtwoord: str) -> User:
    """The account sets a new password (the first one, or a change on "Mijn account")."""
    gebruiker = _account(door)
    validate_password(wachtwoord, gebruiker)
    with transaction.atomic():
        _nieuw_wachtwoord(gebruiker, wachtwoord)
        _log(door, Actie.WIJZIGEN, "wachtwoord gewijzigd")
    return gebruiker


HERSTELD_SMS = (
    "Het wachtwoord van uw Verzuimportaal-account is zojuist hersteld via e-mail. Was u dit niet? "
    "Neem direct contact op met de beheerder van uw organisatie."
)


def herstel_wachtwoord(*, door: Portaalactor, wachtwoord: str) -> User:
    """A password set through the e-mailed reset link (DOMAIN §9).

    The reset must not lower the second factor: until the user logs in with SMS or the app again,
    an e-mail code is no second factor when the account has one of those. The holder is told by
    SMS (the other channel) when there is a phone on record, else by e-mail.
    """
    gebruiker = _account(door)
    validate_password(wachtwoord, gebruiker)
    with transaction.atomic():
        _nieuw_wachtwoord(gebruiker, wachtwoord)
        Profiel.objects.update_or_create(
            gebruiker=gebruiker, defaults={"herstel_via_email_op": timezone.now()}
        )
        _log(door, Actie.WIJZIGEN, "wachtwoord hersteld via e-mail")
        sms = SmsApparaat.objects.filter(user=gebruiker, confirmed=True).first()
        if sms is not None:
            na_commit(
                _SMS,
                sms.telefoonnummer,
                HERSTELD_SMS,
                gebruiker.pk,
                omschrijving="sms wachtwoord hersteld",
            )
        elif gebruiker.email:
            na_commit(
                _MAIL,
                "Uw wachtwoord voor het Verzuimportaal is hersteld",
                HERSTELD_SMS,
                gebruiker.email,
                omschrijving="melding wachtwoord hersteld",
            )
    return gebruiker


def moet_wachtwoord_wijzigen(gebruiker: User) -> bool:
    return Profiel.objects.filter(gebruiker=gebruiker, wachtwoord_wijzigen=True).exists()


# --- second factor ---------------------------------------------------------------------------


def apparaten(gebruiker: User) -> list[Device]:
    """The user's confirmed second-factor devices, the preferred (SMS, app, e-mail) first."""
    volgorde = (SmsApparaat, TOTPDevice, EmailDevice)
    gevonden: list[Device] = []
    for model in volgorde:
        gevonden.extend(model.objects.filter(user=gebruiker, confirmed=True).order_by("pk"))
    return gevonden


def apparaten_voor_inlog(gebruiker: User) -> list[Device]:
    """The devices a login may use: all of them, except e-mail right after a reset by e-mail
    while the account has SMS or an app (``herstel_wachtwoord``)."""
    alle = apparaten(gebruiker)
    anders = [a for a in alle if not isinstance(a, EmailDevice)]
    hersteld = Profiel.objects.filter(
        gebruiker=gebruiker, herstel_via_email_op__isnull=False
    ).exists()
    return anders if hersteld and anders else alle


def inlog_voltooid(*, door: Portaalactor, apparaat: Device) -> None:
    """The login with a password and ``apparaat`` as second factor is complete (audited). After
    a login with a factor other than e-mail, e-mail is a fallback again."""
    gebruiker = _account(door)
    with transaction.atomic():
        if not isinstance(apparaat, EmailDevice):
            Profiel.objects.filter(gebruiker=gebruiker, herstel_via_email_op__isnull=False).update(
                herstel_via_email_op=None
            )
        _log(door, Actie.TOEGANG, f"ingelogd met {type(apparaat).__name__}")


def _email_apparaat(gebruiker: User) -> tuple[EmailDevice, bool]:
    return EmailDevice.objects.get_or_create(
        user=gebruiker, defaults={"name": "E-mail", "confirmed": True}
    )


def zorg_voor_email_apparaat(*, door: Portaalactor) -> EmailDevice:
    """Every local account can receive a code by e-mail (the fallback factor). Idempotent: only
    adding the factor is a write, with its audit row."""
    gebruiker = _account(door)
    with transaction.atomic():
        apparaat, nieuw = _email_apparaat(gebruiker)
        if nieuw:
            _log(door, Actie.AANMAKEN, "e-mail als tweede factor")
    return apparaat


def wijzig_contactgegevens(*, door: Portaalactor, email: str, telefoonnummer: str) -> User:
    """Change the addresses codes go to (the caller has re-authenticated, DOMAIN §9)."""
    gebruiker = _account(door)
    email = controleer_email_uniek(email, behalve=gebruiker)
    telefoonnummer = normaliseer_telefoon(telefoonnummer)
    with transaction.atomic():
        gebruiker.email = email
        gebruiker.save(update_fields=["email"])
        Profiel.objects.update_or_create(
            gebruiker=gebruiker, defaults={"telefoonnummer": telefoonnummer}
        )
        sms = SmsApparaat.objects.filter(user=gebruiker)
        if telefoonnummer:
            if not sms.update(telefoonnummer=telefoonnummer):
                SmsApparaat.objects.create(
                    user=gebruiker, name="Sms", telefoonnummer=telefoonnummer, confirmed=True
                )
        else:
            sms.delete()
        _email_apparaat(gebruiker)
        _log(door, Actie.WIJZIGEN, "contactgegevens voor verificatiecodes gewijzigd")
    return gebruiker


def kies_taal(*, door: Portaalactor, taal: str) -> User:
    """The language of the account's pages, e-mails and letters (ADR 0044)."""
    talen = dict(settings.LANGUAGES)
    if taal not in talen:
        raise ValidationError(gettext("Kies Nederlands of English."), code="taal")
    gebruiker = _account(door)
    with transaction.atomic():
        Profiel.objects.update_or_create(gebruiker=gebruiker, defaults={"taal": taal})
        _log(door, Actie.WIJZIGEN, f"taal van het portaal: {talen[taal]}")
    return gebruiker


def begin_totp(*, door: Portaalactor) -> TOTPDevice:
    """An unconfirmed authenticator-app device; confirmed once the user enters a code."""
    gebruiker = _account(door)
    with transaction.atomic():
        TOTPDevice.objects.filter(user=gebruiker, confirmed=False).delete()
        apparaat = TOTPDevice.objects.create(
            user=gebruiker, name="Authenticator-app", confirmed=False
        )
        _log(door, Actie.AANMAKEN, "authenticator-app: instellen begonnen")
    return apparaat


def bevestig_totp(*, door: Portaalactor, apparaat: TOTPDevice, code: str) -> TOTPDevice:
    gebruiker = _account(door)
    if apparaat.user_id != gebruiker.pk:
        raise PermissionDenied(gettext("Dit apparaat hoort niet bij uw account."))
    with transaction.atomic():
        # Checking the code writes the device's counters: in the transaction, so a failed
        # audit row leaves nothing; a wrong code commits its counted try and raises after.
        goed = apparaat.verify_token(code.strip())
        if goed:
            TOTPDevice.objects.filter(user=gebruiker, confirmed=True).delete()
            apparaat.confirmed = True
            apparaat.save(update_fields=["confirmed"])
            _log(door, Actie.WIJZIGEN, "authenticator-app als tweede factor bevestigd")
    if not goed:
        raise ValidationError({"code": "Deze code klopt niet. Vul de code in die de app nu toont."})
    return apparaat


def verwijder_totp(*, door: Portaalactor) -> None:
    gebruiker = _account(door)
    with transaction.atomic():
        TOTPDevice.objects.filter(user=gebruiker).delete()
        _log(door, Actie.VERWIJDEREN, "authenticator-app verwijderd")


# --- remembered browsers ("ingelogd blijven") ------------------------------------------------


def onthoud_apparaat(
    *, door: Portaalactor, otp_apparaat: Device, omschrijving: str
) -> tuple[VertrouwdApparaat, str]:
    """A new remembered browser; returns the record and the secret for the cookie."""
    gebruiker = _account(door)
    sleutel = secrets.token_urlsafe(32)
    nu = timezone.now()
    with transaction.atomic():
        apparaat = VertrouwdApparaat.objects.create(
            gebruiker=gebruiker,
            sleutel_hash=sleutel_hash(sleutel),
            omschrijving=omschrijving[:200],
            otp_apparaat=otp_apparaat.persistent_id,
            aangemaakt_op=nu,
            verloopt_op=nu + timedelta(days=settings.VERTROUWD_APPARAAT_DAGEN),
        )
        _log(door, Actie.AANMAKEN, f"browser onthouden: {apparaat.omschrijving}")
    return apparaat, sleutel


def vertrouwd_apparaat(*, gebruiker_id: int, sleutel: str) -> VertrouwdApparaat | None:
    """The valid record for this user and secret, marked as used; None otherwise."""
    apparaat = (
        VertrouwdApparaat.objects.geldig()
        .filter(gebruiker_id=gebruiker_id, sleutel_hash=sleutel_hash(sleutel))
        .first()
    )
    if apparaat is not None:
        apparaat.laatst_gebruikt_op = timezone.now()
        apparaat.save(update_fields=["laatst_gebruikt_op"])
    return apparaat


def trek_apparaat_in(*, door: Portaalactor, apparaat_id: int) -> None:
    gebruiker = _account(door)
    with transaction.atomic():
        VertrouwdApparaat.objects.filter(
            gebruiker=gebruiker, pk=apparaat_id, ingetrokken_op__isnull=True
        ).update(ingetrokken_op=timezone.now())
        _log(door, Actie.WIJZIGEN, f"onthouden browser {apparaat_id} ingetrokken")


def _trek_apparaten_in(gebruiker: User) -> int:
    return VertrouwdApparaat.objects.filter(
        gebruiker=gebruiker, ingetrokken_op__isnull=True
    ).update(ingetrokken_op=timezone.now())


def trek_apparaten_in(*, door: Portaalactor) -> int:
    with transaction.atomic():
        aantal = _trek_apparaten_in(_account(door))
        _log(door, Actie.WIJZIGEN, f"alle onthouden browsers ingetrokken ({aantal})")
    return aantal
