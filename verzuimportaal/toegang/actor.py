"""The acting context of a request: who acts, for which werkgever, with which rights.

The bottom layer of ``toegang`` (ADR 0050): every app may import it, and it imports no app of
the portal at run time (the ``Werkgever`` type only for the type checker), so the vocabulary
never drags the domain into a module that only needs to know who acts.
"""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django.contrib.auth.models import User

    from verzuimportaal.werkgevers.models import Werkgever


class Niveau(models.TextChoices):
    """Level of a right where a service has two (DOMAIN §3, seed 002)."""

    BEKIJKEN = "bekijken", _("Bekijken")
    WIJZIGEN = "wijzigen", _("Bekijken en wijzigen")


class Route(models.TextChoices):
    LOKAAL = "lokaal", _("Lokaal account")
    EHERKENNING = "eherkenning", _("eHerkenning")
    KETENMACHTIGING = "ketenmachtiging", _("eHerkenning met ketenmachtiging")
    ADVISEUR = "adviseur", _("Toegang verleend aan adviseur (route B)")
    CASEMANAGER = "casemanager", _("Casemanager")
    API_CLIENT = "api_client", _("API-koppeling")


def onderwerpsleutel(onderwerp: models.Model) -> tuple[str, str]:
    """(soort, kenmerk) of an object in the audit log: its uuid where it has one, else its pk."""
    kenmerk: Any = getattr(onderwerp, "uuid", None)
    if kenmerk is None:
        kenmerk = onderwerp.pk
    soort = onderwerp._meta.model_name or type(onderwerp).__name__.lower()
    return soort, "" if kenmerk is None else str(kenmerk)


@dataclass
class Inzage:
    """The personal data an actor read during one request, logged once at its end (ADR 0014).

    ``onderwerpen``: (soort, kenmerk) → omschrijving of every object shown; ``lijsten``: soort →
    omschrijving of every list shown (one row per list, not per row); ``gelogd``: objects that
    already have an audit row of this request (a change, an export), which covers the reading.
    """

    onderwerpen: dict[tuple[str, str], str] = field(default_factory=dict)
    lijsten: dict[str, str] = field(default_factory=dict)
    gelogd: set[tuple[str, str]] = field(default_factory=set)

    def gelezen(self, onderwerp: models.Model, omschrijving: str = "") -> None:
        sleutel = onderwerpsleutel(onderwerp)
        if omschrijving or sleutel not in self.onderwerpen:
            self.onderwerpen[sleutel] = omschrijving

    def lijst_gelezen(self, soort: str, omschrijving: str) -> None:
        self.lijsten.setdefault(soort, omschrijving)

    def al_gelogd(self, onderwerp: models.Model) -> None:
        self.gelogd.add(onderwerpsleutel(onderwerp))
        werknemer = getattr(onderwerp, "werknemer", None)
        if isinstance(werknemer, models.Model):  # a row about a spell names its employee
            self.gelogd.add(onderwerpsleutel(werknemer))

    def te_loggen(self) -> tuple[list[tuple[tuple[str, str], str]], list[tuple[str, str]]]:
        """What is still to be logged, and forget it (so a second flush writes nothing)."""
        onderwerpen = [(k, o) for k, o in self.onderwerpen.items() if k not in self.gelogd]
        lijsten = list(self.lijsten.items())
        self.onderwerpen.clear()
        self.lijsten.clear()
        return onderwerpen, lijsten


@dataclass(frozen=True)
class Actor:
    """Who acts, for which werkgever, with which rights or services (``Dienst`` values).

    ``rechten`` are the services held at least at level "bekijken". ``wijzigrechten`` are those
    held at "bekijken en wijzigen"; ``None`` means every held service may also be changed (an
    eHerkenning machtiging or a local right has no view-only variant). ``loonheffingennummer_ids``
    limits the actor to some of the werkgever's numbers (route B); ``None`` means all of them.
    """

    werkgever: "Werkgever"
    rechten: frozenset[str]
    route: str
    gebruiker: "User | None"
    weergavenaam: str
    pseudoniem: str | None = None
    intermediair_kvk_nummer: str | None = None
    niveau: str | None = None  # eHerkenning assurance level, e.g. "loa3"
    wijzigrechten: frozenset[str] | None = None
    loonheffingennummer_ids: frozenset[int] | None = None
    # Where the request came from, for the audit trail (``acterend.actor_uit_sessie`` fills
    # these from the request; ``None``/empty for tasks and commands).
    ip: str | None = None
    user_agent: str = ""
    api_client: str | None = None  # client id of a system koppeling (route API_CLIENT)
    inzage: Inzage = field(default_factory=Inzage, compare=False, repr=False)

    def heeft_recht(self, recht: str, *, wijzigen: bool = False) -> bool:
        if recht not in self.rechten:
            return False
        if not wijzigen or self.wijzigrechten is None:
            return True
        return recht in self.wijzigrechten

    def heeft_een_van(self, rechten: tuple[str, ...], *, wijzigen: bool = False) -> bool:
        return any(self.heeft_recht(recht, wijzigen=wijzigen) for recht in rechten)


@dataclass(frozen=True)
class Portaalactor:
    """Who acts for no werkgever: an account on itself (login, password, second factor, terms)
    or the operator on the portal (notices, blocks, terms versions).

    Its audit row is in the portal's own log (no werkgever), which only the operator reads
    (ADR 0013). An operator acting on one werkgever's data acts as ``voor(werkgever)`` instead,
    so that werkgever's log names the change.
    """

    gebruiker: "User | None"
    weergavenaam: str
    route: str = ""
    ip: str | None = None
    user_agent: str = ""
    pseudoniem: str | None = None  # an eHerkenning person deciding on the terms of use
    intermediair_kvk_nummer: str | None = None
    werkgever: None = None
    inzage: Inzage = field(default_factory=Inzage, compare=False, repr=False)

    def voor(self, werkgever: "Werkgever") -> Actor:
        """The same person acting on ``werkgever``'s data, without portal rights."""
        return Actor(
            werkgever=werkgever,
            rechten=frozenset(),
            route=self.route,
            gebruiker=self.gebruiker,
            weergavenaam=self.weergavenaam,
            pseudoniem=self.pseudoniem,
            ip=self.ip,
            user_agent=self.user_agent,
        )


def beheerder(
    gebruiker: "User | None", *, ip: str | None = None, user_agent: str = ""
) -> Portaalactor:
    """The operator (a staff account) or, without an account, the portal itself (a task)."""
    if gebruiker is None:
        return Portaalactor(gebruiker=None, weergavenaam="Verzuimportaal (systeem)")
    naam = gebruiker.get_full_name() or gebruiker.get_username()
    return Portaalactor(
        gebruiker=gebruiker,
        weergavenaam=f"Beheer Verzuimportaal ({naam})",
        ip=ip,
        user_agent=user_agent,
    )


def accounthouder(
    gebruiker: "User", *, ip: str | None = None, user_agent: str = ""
) -> Portaalactor:
    """A local account acting on itself (its password, second factor, remembered browsers)."""
    return Portaalactor(
        gebruiker=gebruiker,
        weergavenaam=gebruiker.get_full_name() or gebruiker.get_username(),
        route=Route.LOKAAL,
        ip=ip,
        user_agent=user_agent,
    )


# Who a write service takes as ``door``: an actor for a werkgever, or one for the portal.
Handelende = Actor | Portaalactor
