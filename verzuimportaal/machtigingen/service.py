"""Writes for route B (seed 002): a werkgever grants a known advisor KvK access in the portal.

A request stores the grant as "wacht op bevestiging" and e-mails the requester a single-use link
(random token, only its SHA-256 is stored, valid for ``MACHTIGINGEN_BEVESTIGING_DAGEN`` days).
The advisor is not notified (seed 002). Changes take effect on the advisor's next request: the
actor is rebuilt from the database on every request (``toegang.acterend``).

Every write has one audit row in the werkgever's log, in its transaction (ADR 0013). Access is a
right, not werkgever data: no data version is raised (as for API clients, ADR 0022).
"""

import hashlib
import secrets
from collections.abc import Iterable
from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.toegang import access, verlenen
from verzuimportaal.toegang.actor import Actor, Niveau, Portaalactor, Route
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.werkgevers.models import Loonheffingennummer, Werkgever

from .models import (
    ADVISEURDIENSTEN,
    CASEMANAGERDIENSTEN,
    LEVENDE_STATUSSEN,
    STANDAARD_ADVISEURDIENSTEN,
    Adviseur,
    Adviseurtoegang,
    Casemanagertoewijzing,
    Status,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User

ONBEKEND = gettext_lazy(
    "Dit KvK-nummer is niet bekend als adviseur; neem contact op met uw relatiebeheerder."
)
ONDERWERP = gettext_lazy("Bevestig de toegang voor uw adviseur in het Verzuimportaal")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _vereis_rechtenbeheer(door: Actor) -> None:
    # Only the werkgever itself decides who has access (seed 003 art. 2.9-2.10), never an
    # advisor or casemanager acting for it, whatever rights their route carries.
    if door.route in (Route.ADVISEUR, Route.CASEMANAGER) or not door.heeft_recht(
        Dienst.RECHTENBEHEER, wijzigen=True
    ):
        raise PermissionDenied(
            gettext("Voor het beheren van toegang is het recht rechtenbeheer nodig.")
        )


def _naam(door: Actor) -> str:
    return door.weergavenaam[:200]


def _controleer_diensten(diensten: Iterable[str]) -> list[str]:
    gekozen = [d for d in ADVISEURDIENSTEN if d in set(diensten)]
    if not gekozen:
        raise ValidationError({"diensten": gettext("Kies ten minste één onderdeel.")})
    if set(diensten) - set(ADVISEURDIENSTEN):
        raise ValidationError(
            {"diensten": gettext("Dit onderdeel kunt u niet aan een adviseur geven.")}
        )
    return gekozen


def _controleer_nummers(
    door: Actor, loonheffingennummers: Iterable[Loonheffingennummer]
) -> list[Loonheffingennummer]:
    nummers = list(loonheffingennummers)
    toegestaan = set(access.loonheffingennummers(door).values_list("pk", flat=True))
    if any(n.pk not in toegestaan for n in nummers):
        raise ValidationError(
            {
                "loonheffingennummers": gettext(
                    "Kies alleen actieve loonheffingennummers van uw organisatie."
                )
            }
        )
    return nummers


def _verstuur_bevestiging(*, adres: str, token: str, toegang: Adviseurtoegang) -> None:
    link = settings.PORTAAL_URL.rstrip("/") + reverse("machtigingen:bevestigen") + f"?t={token}"
    dagen = settings.MACHTIGINGEN_BEVESTIGING_DAGEN
    # In the language of the request that asked for access: the requester reads it.
    tekst = gettext(
        "Geachte heer/mevrouw,\n\n"
        "In het Verzuimportaal is voor %(werkgever)s toegang aangevraagd voor de "
        "adviseur %(adviseur)s (KvK %(kvk)s), niveau '%(niveau)s'.\n\n"
        "De toegang gaat pas in nadat u die bevestigt. Log daarvoor in met een account van uw "
        "organisatie met het recht rechtenbeheer en open deze link:\n%(link)s\n\n"
        "De link werkt één keer en is %(dagen)s dagen geldig. Heeft u dit niet aangevraagd? "
        "Bevestig dan niet en trek de aanvraag in onder 'Wie heeft toegang'.\n\n"
        "Dit is een automatisch bericht; u kunt er niet op antwoorden.\n"
    ) % {
        "werkgever": toegang.werkgever.naam,
        "adviseur": toegang.adviseur.naam,
        "kvk": toegang.adviseur.kvk_nummer,
        "niveau": toegang.get_niveau_display(),
        "link": link,
        "dagen": dagen,
    }
    send_mail(str(ONDERWERP), tekst, settings.DEFAULT_FROM_EMAIL, [adres], fail_silently=False)


def vraag_toegang_aan(
    *,
    door: Actor,
    kvk_nummer: str,
    niveau: str,
    loonheffingennummers: Iterable[Loonheffingennummer] = (),
    diensten: Iterable[str] = STANDAARD_ADVISEURDIENSTEN,
    email: str | None = None,
) -> Adviseurtoegang:
    """Request access for a known advisor; e-mails the requester the confirmation link.

    ``email`` is only used when the requester's account has no e-mail address (eHerkenning).
    A still unconfirmed request for the same advisor is replaced (new link, old link void).
    """
    with transaction.atomic():
        toegang, token, adres = maak_aanvraag(
            door=door,
            kvk_nummer=kvk_nummer,
            niveau=niveau,
            loonheffingennummers=loonheffingennummers,
            diensten=diensten,
            email=email,
        )
        # The token is only in the mail, never stored in plain text (not in the outbox either).
        transaction.on_commit(
            lambda: _verstuur_bevestiging(adres=adres, token=token, toegang=toegang)
        )
    return toegang


def maak_aanvraag(
    *,
    door: Actor,
    kvk_nummer: str,
    niveau: str,
    loonheffingennummers: Iterable[Loonheffingennummer] = (),
    diensten: Iterable[str] = STANDAARD_ADVISEURDIENSTEN,
    email: str | None = None,
) -> tuple[Adviseurtoegang, str, str]:
    """``vraag_toegang_aan`` without the e-mail: ``(toegang, token, adres)``. Only the demo
    calls this directly (it prints the link instead of mailing it)."""
    _vereis_rechtenbeheer(door)
    if niveau not in Niveau.values:
        raise ValidationError({"niveau": gettext("Kies een niveau.")})
    gekozen_diensten = _controleer_diensten(diensten)
    # Grant only what you hold (ADR 0016), at the level asked.
    verlenen.vereis_eigen_rechten(
        door=door, diensten=gekozen_diensten, wijzigen=niveau == Niveau.WIJZIGEN
    )
    nummers = _controleer_nummers(door, loonheffingennummers)
    adres = (door.gebruiker.email if door.gebruiker else "") or (email or "")
    if not adres:
        raise ValidationError(
            {
                "email": gettext(
                    "Vul het e-mailadres in waarop u de bevestigingslink wilt ontvangen."
                )
            }
        )
    adviseur = Adviseur.objects.selecteerbaar().filter(kvk_nummer=kvk_nummer.strip()).first()
    if adviseur is None:
        raise ValidationError({"kvk_nummer": ONBEKEND})
    if adviseur.kvk_nummer == door.werkgever.kvk_nummer:
        raise ValidationError(
            {"kvk_nummer": gettext("U kunt uw eigen organisatie geen toegang verlenen.")}
        )

    token = secrets.token_urlsafe(32)
    nu = timezone.now()
    with transaction.atomic():
        bestaand = (
            Adviseurtoegang.objects.select_for_update()
            .filter(werkgever=door.werkgever, adviseur=adviseur, status__in=LEVENDE_STATUSSEN)
            .first()
        )
        if bestaand is not None and bestaand.status == Status.ACTIEF:
            raise ValidationError(
                {
                    "kvk_nummer": gettext(
                        "Deze adviseur heeft al toegang. Wijzig het niveau of trek de "
                        "toegang in onder 'Wie heeft toegang'."
                    )
                }
            )
        toegang = bestaand or Adviseurtoegang(werkgever=door.werkgever, adviseur=adviseur)
        toegang.niveau = niveau
        toegang.diensten = gekozen_diensten
        toegang.aangevraagd_door = door.gebruiker
        toegang.aangevraagd_door_naam = _naam(door)
        toegang.aangevraagd_op = nu
        toegang.bevestigingstoken_hash = token_hash(token)
        toegang.bevestiging_verloopt_op = nu + timedelta(
            days=settings.MACHTIGINGEN_BEVESTIGING_DAGEN
        )
        try:
            with transaction.atomic():
                toegang.save()
        except IntegrityError as exc:  # a concurrent request for the same advisor won
            raise ValidationError(
                {
                    "kvk_nummer": gettext(
                        "Voor deze adviseur loopt al een aanvraag. Kijk in de lijst."
                    )
                }
            ) from exc
        toegang.loonheffingennummers.set(nummers)
        audit.registreer(
            door=door,
            actie=Actie.AANMAKEN,
            onderwerp=toegang,
            omschrijving=f"toegang aangevraagd voor adviseur {adviseur.kvk_nummer} ({niveau})",
        )
    return toegang, token, adres


def _aanvraag_bij_token(*, door: Actor, token: str, vergrendel: bool) -> Adviseurtoegang:
    if not token:
        raise ValidationError(
            gettext("Deze link is niet volledig. Open de link uit de e-mail opnieuw.")
        )
    toegangen = Adviseurtoegang.objects.select_related("adviseur", "werkgever")
    if vergrendel:
        toegangen = toegangen.select_for_update()
    toegang = toegangen.filter(bevestigingstoken_hash=token_hash(token)).first()
    if toegang is None:
        raise ValidationError(
            gettext(
                "Deze link is ongeldig of al gebruikt. Kijk onder 'Wie heeft toegang' of de "
                "toegang al actief is, of vraag de toegang opnieuw aan."
            )
        )
    if toegang.werkgever_id != door.werkgever.pk:
        raise ValidationError(
            gettext(
                "Deze link hoort bij een andere werkgever dan die waarvoor u nu werkt. Kies "
                "eerst de juiste werkgever en open de link dan opnieuw."
            )
        )
    if toegang.status == Status.INGETROKKEN:
        raise ValidationError(
            gettext("Deze aanvraag is ingetrokken en kan niet meer worden bevestigd.")
        )
    if toegang.status != Status.WACHT_OP_BEVESTIGING:
        raise ValidationError(gettext("Deze link is al gebruikt; de toegang is al actief."))
    verloopt = toegang.bevestiging_verloopt_op
    if verloopt is None or verloopt <= timezone.now():
        raise ValidationError(
            gettext("Deze link is verlopen. Vraag de toegang opnieuw aan onder 'Toegang verlenen'.")
        )
    return toegang


def controleer_token(*, door: Actor, token: str) -> Adviseurtoegang:
    """The unconfirmed request behind ``token`` (read only), or a ValidationError saying why not."""
    _vereis_rechtenbeheer(door)
    return _aanvraag_bij_token(door=door, token=token, vergrendel=False)


def bevestig(*, door: Actor, token: str) -> Adviseurtoegang:
    """Activate a grant with the e-mailed token: once, before it expires, by the werkgever.

    The link alone is not enough: ``door`` must act for the grant's werkgever with rechtenbeheer.
    """
    _vereis_rechtenbeheer(door)
    with transaction.atomic():
        toegang = _aanvraag_bij_token(door=door, token=token, vergrendel=True)
        toegang.status = Status.ACTIEF
        toegang.bevestigd_op = timezone.now()
        toegang.bevestigd_door_naam = _naam(door)
        toegang.bevestigingstoken_hash = ""  # single use
        toegang.save(
            update_fields=[
                "status",
                "bevestigd_op",
                "bevestigd_door_naam",
                "bevestigingstoken_hash",
            ]
        )
        audit.registreer(
            door=door, actie=Actie.WIJZIGEN, onderwerp=toegang, omschrijving="bevestigd"
        )
    return toegang


def _vergrendel(door: Actor, toegang: Adviseurtoegang) -> Adviseurtoegang:
    vergrendeld = (
        Adviseurtoegang.objects.select_for_update()
        .select_related("adviseur")
        .filter(pk=toegang.pk, werkgever=door.werkgever)
        .first()
    )
    if vergrendeld is None:
        raise PermissionDenied(
            gettext("Deze toegang hoort niet bij de werkgever waarvoor u werkt.")
        )
    return vergrendeld


def wijzig_niveau(*, door: Actor, toegang: Adviseurtoegang, niveau: str) -> Adviseurtoegang:
    """Switch between "bekijken" and "bekijken en wijzigen" (seed 002)."""
    _vereis_rechtenbeheer(door)
    if niveau not in Niveau.values:
        raise ValidationError({"niveau": gettext("Kies een niveau.")})
    with transaction.atomic():
        toegang = _vergrendel(door, toegang)
        if toegang.status == Status.INGETROKKEN:
            raise ValidationError(
                gettext("Deze toegang is ingetrokken; vraag zo nodig nieuwe toegang aan.")
            )
        if toegang.niveau != niveau:
            # Giving or taking away "bekijken en wijzigen" needs it on every service of the grant.
            verlenen.vereis_eigen_rechten(
                door=door, diensten=toegang.diensten, wijzigen=True, veld="niveau"
            )
            toegang.niveau = niveau
            toegang.save(update_fields=["niveau"])
        audit.registreer(
            door=door, actie=Actie.WIJZIGEN, onderwerp=toegang, omschrijving=f"niveau {niveau}"
        )
    return toegang


def trek_in(*, door: Actor, toegang: Adviseurtoegang) -> Adviseurtoegang:
    """End a grant (also an unconfirmed request: its link stops working)."""
    _vereis_rechtenbeheer(door)
    with transaction.atomic():
        toegang = _vergrendel(door, toegang)
        if toegang.status == Status.INGETROKKEN:
            raise ValidationError(gettext("Deze toegang is al ingetrokken."))
        toegang.status = Status.INGETROKKEN
        toegang.ingetrokken_op = timezone.now()
        toegang.ingetrokken_door = door.gebruiker
        toegang.ingetrokken_door_naam = _naam(door)
        toegang.bevestigingstoken_hash = ""
        toegang.save(
            update_fields=[
                "status",
                "ingetrokken_op",
                "ingetrokken_door",
                "ingetrokken_door_naam",
                "bevestigingstoken_hash",
            ]
        )
        audit.registreer(
            door=door, actie=Actie.VERWIJDEREN, onderwerp=toegang, omschrijving="ingetrokken"
        )
    return toegang


def casemanagerverlener(door: "User | AnonymousUser") -> verlenen.Beheerder:
    """The operator as a verlener of casemanager access: the casemanager services at "bekijken"
    if it holds the admin permission to assign casemanagers (ADR 0016)."""
    return verlenen.Beheerder(
        gebruiker=door,
        permissie="machtigingen.add_casemanagertoewijzing",
        diensten=CASEMANAGERDIENSTEN,
    )


def wijs_casemanager_toe(
    *,
    door: Portaalactor,
    casemanager: "User",
    werkgever: Werkgever,
) -> Casemanagertoewijzing:
    """The operator assigns a casemanager to a werkgever (or re-activates an assignment); the
    audit row is in that werkgever's log."""
    operator = door.gebruiker
    if operator is None:
        raise PermissionDenied(gettext("Alleen een beheerder wijst casemanagers toe."))
    verlenen.vereis_eigen_rechten(
        door=casemanagerverlener(operator), diensten=sorted(CASEMANAGERDIENSTEN), wijzigen=False
    )
    with transaction.atomic():
        toewijzing, nieuw = Casemanagertoewijzing.objects.select_for_update().get_or_create(
            gebruiker_id=casemanager.pk,
            werkgever=werkgever,
            defaults={"toegewezen_door_id": operator.pk, "actief": True},
        )
        if not nieuw and not toewijzing.actief:
            toewijzing.actief = True
            toewijzing.save(update_fields=["actief"])
        audit.registreer(
            door=door.voor(werkgever),
            actie=Actie.AANMAKEN if nieuw else Actie.WIJZIGEN,
            onderwerp=toewijzing,
            omschrijving=f"casemanager {casemanager.get_username()} toegewezen",
        )
    return toewijzing
