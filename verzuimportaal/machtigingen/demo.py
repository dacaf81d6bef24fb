"""Demo data for route B and casemanagers (on top of ``demo.gegevens``; idempotent).

Known advisors (one without a checked licence, so its KvK is refused), grants in every state,
and two local accounts: ``demo-adviseur`` (staff of Verzuimservice Desk B.V.) and
``demo-casemanager`` (assigned to the bakery and the care group).
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.urls import reverse

from verzuimportaal.toegang.actor import Actor, Niveau, Route
from verzuimportaal.toegang.models import Lidmaatschap
from verzuimportaal.werkgevers.models import Werkgever

from . import service
from .models import Adviseur, AdviseurMedewerker, Adviseurtoegang, Casemanagertoewijzing, Soort

WACHTWOORD = "Verzuim-Proef26"  # the demo password of demo.gegevens
BAKKERIJ, ZORGGROEP, INSTALLATIE = "69201843", "41178230", "58823417"
DESK = "73019552"  # Verzuimservice Desk B.V., also the intermediary of the eHerkenning demo
KANTOOR = "52718430"


@dataclass(frozen=True)
class AdviseurSpec:
    kvk_nummer: str
    naam: str
    soort: str
    vergunning: bool = True


ADVISEURS = (
    AdviseurSpec(DESK, "Verzuimservice Desk B.V.", Soort.VERZUIMSERVICEDESK),
    AdviseurSpec(KANTOOR, "Administratiekantoor De Vries & Partners", Soort.ADMINISTRATIEKANTOOR),
    AdviseurSpec("60912847", "HR Advies Noord B.V.", Soort.ADVISEUR),
    # Not (yet) checked by relatiebeheer: a werkgever entering this KvK gets "niet bekend".
    AdviseurSpec("47120395", "Adviesbureau Nieuw B.V.", Soort.ADVISEUR, vergunning=False),
)


def _actor(gebruikersnaam: str, kvk_nummer: str) -> Actor:
    """The werkgever's own demo account as it acts after logging in."""
    lidmaatschap = Lidmaatschap.objects.select_related("gebruiker", "werkgever").get(
        gebruiker__username=gebruikersnaam, werkgever__kvk_nummer=kvk_nummer
    )
    rechten, wijzigrechten = lidmaatschap.dienstrechten()
    return Actor(
        werkgever=lidmaatschap.werkgever,
        rechten=rechten,
        wijzigrechten=wijzigrechten,
        route=Route.LOKAAL,
        gebruiker=lidmaatschap.gebruiker,
        weergavenaam=lidmaatschap.gebruiker.get_full_name(),
    )


def _account(gebruikersnaam: str, voornaam: str, achternaam: str) -> User:
    gebruiker = User.objects.filter(username=gebruikersnaam).first()
    if gebruiker is None:
        gebruiker = User.objects.create_user(
            gebruikersnaam,
            email=f"{gebruikersnaam}@example.com",
            password=WACHTWOORD,
            first_name=voornaam,
            last_name=achternaam,
        )
    # Local accounts always log in with a second factor (DOMAIN §9): e-mail codes in the demo.
    from django_otp.plugins.otp_email.models import EmailDevice

    EmailDevice.objects.get_or_create(
        user=gebruiker, defaults={"name": "E-mail", "confirmed": True}
    )
    return gebruiker


def _toegang(
    *, eigenaar: str, werkgever: str, adviseur: str, niveau: str, eindstand: str
) -> str | None:
    """A grant made through the services, left in ``eindstand``; returns a link to print."""
    if Adviseurtoegang.objects.filter(
        werkgever__kvk_nummer=werkgever, adviseur__kvk_nummer=adviseur
    ).exists():
        return None
    door = _actor(eigenaar, werkgever)
    toegang, token, _ = service.maak_aanvraag(door=door, kvk_nummer=adviseur, niveau=niveau)
    if eindstand == "wacht_op_bevestiging":
        link = settings.PORTAAL_URL.rstrip("/") + reverse("machtigingen:bevestigen")
        return (
            f"Bevestigingslink voor {toegang.adviseur.naam} bij {door.werkgever.naam} "
            f"(inloggen als {eigenaar}): {link}?t={token}"
        )
    service.bevestig(door=door, token=token)
    if eindstand == "ingetrokken":
        service.trek_in(door=door, toegang=toegang)
    return None


def laad_demo(*, vandaag: date) -> list[str]:
    """Load the route-B and casemanager demo; ``vandaag`` is unused (timestamps are 'now')."""
    regels: list[str] = []
    with transaction.atomic():
        for spec in ADVISEURS:
            Adviseur.objects.get_or_create(
                kvk_nummer=spec.kvk_nummer,
                defaults={
                    "naam": spec.naam,
                    "soort": spec.soort,
                    "vergunning_gecontroleerd_op": date(2026, 1, 12) if spec.vergunning else None,
                },
            )
        desk = Adviseur.objects.get(kvk_nummer=DESK)
        adviseur = _account("demo-adviseur", "Sven", "Bakker")
        AdviseurMedewerker.objects.get_or_create(gebruiker=adviseur, defaults={"adviseur": desk})
        casemanager = _account("demo-casemanager", "Carla", "Meijer")
        for kvk in (BAKKERIJ, ZORGGROEP):
            Casemanagertoewijzing.objects.get_or_create(
                gebruiker=casemanager, werkgever=Werkgever.objects.get(kvk_nummer=kvk)
            )
        plan = (
            ("demo-bakkerij", BAKKERIJ, DESK, Niveau.BEKIJKEN, "actief"),
            ("demo-installatie", INSTALLATIE, DESK, Niveau.WIJZIGEN, "actief"),
            ("demo-zorggroep", ZORGGROEP, DESK, Niveau.BEKIJKEN, "wacht_op_bevestiging"),
            ("demo-installatie", INSTALLATIE, KANTOOR, Niveau.WIJZIGEN, "ingetrokken"),
        )
        for eigenaar, werkgever, kvk, niveau, eindstand in plan:
            link = _toegang(
                eigenaar=eigenaar,
                werkgever=werkgever,
                adviseur=kvk,
                niveau=niveau,
                eindstand=eindstand,
            )
            if link:
                regels.append(link)
    return regels
