"""Deterministic demo data for Verzuimportaal (``manage.py demo_data``).

Everything is drawn from ``random.Random(2026)`` and laid out relative to one anchor, *today*
(``timezone.localdate()``, read once): loading twice on the same day gives identical werknemers,
spells, dates and verzuimnummers. Werkgevers, numbers and accounts are created directly; every
werknemer and every ziek-/herstelmelding goes through the real write services, in chronological
order, so the data are exactly what users could have entered. No medical data anywhere
(DOMAIN §4.2): no free text is filled in at all.

What is in it (dates relative to today), so later work finds something in every phase:

* three werkgevers: a bakery (one number), a care organisation (two active numbers) and an
  installation company (one active number and one *inactive* number of the company it merged with,
  seed 001); one intermediair;
* about 320 werknemers with Dutch names (incl. tussenvoegsels), BSNs that pass the 11-check and
  all start with ``9999`` (recognisable as demo numbers), part-timers (deeltijdfactor 0.5–0.9),
  leavers, employment spread over decades; eight people moved from the inactive number to the
  active one at the merger (same BSN, new werknemer: a BSN is unique per loonheffingennummer);
* two years of spells: mostly short flu spells (2–10 days, more in winter), medium spells with
  partial recovery, frequent absentees, relapses within 4 weeks (samentelling, DOMAIN §5.1; also
  the edge cases gap 27 and gap 28 days), three ziek-uit-dienst cases (< 6, 6–10 and ≥ 10 weeks,
  DOMAIN §4.5) and open spells in week 1, 6–8, 20, 45, 52, 66, 80, 93 and 95.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from random import Random
from typing import Any

from django.contrib.auth.hashers import check_password
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, models, transaction
from django.db.models import QuerySet
from django.utils import timezone

from verzuimportaal.reintegratiekosten import demo as reintegratiekosten_demo
from verzuimportaal.toegang.actor import Actor, Route
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.toegang.models import Lidmaatschap, alle_lokale_rechten
from verzuimportaal.uitkeringen import demo as geld_demo
from verzuimportaal.uitkeringen.models import Uitkeringsrun
from verzuimportaal.utils.elfproef import is_bsn, is_elfproef
from verzuimportaal.verzuim import service as verzuim_service
from verzuimportaal.verzuim.models import (
    MutatieSoort,
    Nummerreeks,
    Vangnet,
    Verzuimgeval,
    Verzuimmutatie,
)
from verzuimportaal.werkgevers.models import Intermediair, Loonheffingennummer, Werkgever
from verzuimportaal.werknemers import service as werknemer_service
from verzuimportaal.werknemers.models import Werknemer

ZAAD = 2026
# One documented demo password. It follows the rules of seed 004 (DOMAIN §3): 8–16 characters,
# no part of any demo username, none of @ $ # %, lower + upper + digit + punctuation.
DEMO_WACHTWOORD = "Verzuim-Proef26"
URL = "http://127.0.0.1:8000/"
BEHEER_URL = URL + "beheer/"
VENSTER_DAGEN = 730  # two years of spells, ending today
FUSIE_DAGEN_GELEDEN = 540  # the old number of the installation company is inactive since then
BUFFER_DAGEN = 45  # no background spell this close to a scripted case (keeps samentelling explicit)


class DemodataFout(Exception):
    """A generated case was refused or the database is not a demo database."""


# --------------------------------------------------------------------------------------------
# Fixed organisations and accounts
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NummerSpec:
    sleutel: str
    fiscaal_vanaf: int  # the fiscal number is the first 11-check number from here on
    subnummer: str
    omschrijving: str
    aantal: int
    functies: tuple[str, ...]
    actief: bool = True


@dataclass(frozen=True)
class WerkgeverSpec:
    sleutel: str
    kvk_nummer: str
    naam: str
    voltijd_uren: int
    aandeel_deeltijd: float
    verzuimfactor: float
    nummers: tuple[NummerSpec, ...]


@dataclass(frozen=True)
class AccountSpec:
    gebruikersnaam: str
    voornaam: str
    achternaam: str
    werkgevers: tuple[str, ...]
    beheerder: bool = False
    # Local rights (seed 004); None: all four. The hoofdcontactpersoon manages the others.
    rechten: tuple[str, ...] | None = None
    hoofdcontactpersoon: bool = False


_BAKKERIJ_FUNCTIES = (
    "Bakker",
    "Bakker",
    "Leerling-bakker",
    "Banketbakker",
    "Verkoopmedewerker",
    "Verkoopmedewerker",
    "Verkoopmedewerker",
    "Chauffeur",
    "Medewerker expeditie",
    "Filiaalmanager",
)
_ZORG_FUNCTIES = (
    "Verzorgende IG",
    "Verzorgende IG",
    "Verzorgende IG",
    "Verpleegkundige",
    "Verpleegkundige",
    "Helpende",
    "Begeleider",
    "Activiteitenbegeleider",
    "Teamleider zorg",
)
_FACILITAIR_FUNCTIES = (
    "Facilitair medewerker",
    "Medewerker schoonmaak",
    "Medewerker schoonmaak",
    "Koksmedewerker",
    "Receptioniste",
    "Medewerker salarisadministratie",
    "Adviseur HR",
    "Medewerker technische dienst",
)
_INSTALLATIE_FUNCTIES = (
    "Monteur werktuigbouw",
    "Monteur elektrotechniek",
    "Servicemonteur",
    "Servicemonteur",
    "Leerling-monteur",
    "Werkvoorbereider",
    "Projectleider",
    "Calculator",
    "Magazijnmedewerker",
)

WERKGEVERS: tuple[WerkgeverSpec, ...] = (
    WerkgeverSpec(
        sleutel="bakkerij",
        kvk_nummer="69201843",
        naam="Bakkerij Van den Broek B.V.",
        voltijd_uren=40,
        aandeel_deeltijd=0.3,
        verzuimfactor=1.0,
        nummers=(
            NummerSpec(
                "bakkerij", 812_345_670, "01", "Bakkerij en winkels", 70, _BAKKERIJ_FUNCTIES
            ),
        ),
    ),
    WerkgeverSpec(
        sleutel="zorg",
        kvk_nummer="41178230",
        naam="Stichting Zorggroep De Linde",
        voltijd_uren=36,
        aandeel_deeltijd=0.6,
        verzuimfactor=1.25,
        nummers=(
            NummerSpec("zorg-wonen", 803_112_450, "01", "Wonen en zorg", 115, _ZORG_FUNCTIES),
            NummerSpec(
                "zorg-facilitair", 803_112_450, "02", "Facilitair en staf", 55, _FACILITAIR_FUNCTIES
            ),
        ),
    ),
    WerkgeverSpec(
        sleutel="installatie",
        kvk_nummer="58823417",
        naam="Installatiebedrijf Hendriks & Zn. B.V.",
        voltijd_uren=40,
        aandeel_deeltijd=0.1,
        verzuimfactor=0.9,
        nummers=(
            NummerSpec(
                "installatie",
                851_906_210,
                "01",
                "Installatie en service",
                60,
                _INSTALLATIE_FUNCTIES,
            ),
            NummerSpec(
                "installatie-oud",
                820_447_130,
                "01",
                "Hendriks Techniek B.V. (vóór de fusie)",
                12,
                _INSTALLATIE_FUNCTIES,
                actief=False,
            ),
        ),
    ),
)
INTERMEDIAIR = ("73019552", "Verzuimservice Desk B.V.")
ACCOUNTS: tuple[AccountSpec, ...] = (
    AccountSpec("demo-bakkerij", "Petra", "Jansen", ("bakkerij",), hoofdcontactpersoon=True),
    AccountSpec("demo-zorggroep", "Mohamed", "El Amrani", ("zorg",), hoofdcontactpersoon=True),
    AccountSpec("demo-installatie", "Kees", "Hendriks", ("installatie",), hoofdcontactpersoon=True),
    # Member of two werkgevers: shows the page to choose the werkgever after logging in.
    AccountSpec("demo-administratie", "Sanne", "de Wit", ("bakkerij", "installatie")),
    AccountSpec("beheer", "Functioneel", "beheerder", (), beheerder=True),
    # Only "Overzichten inzien": shows a local account with one right (seed 004).
    AccountSpec("demo-inzage", "Iris", "Bos", ("zorg",), rechten=(Dienst.OVERZICHTEN,)),
)
DEMO_GEBRUIKERSNAMEN = tuple(a.gebruikersnaam for a in ACCOUNTS)
DEMO_KVK_NUMMERS = tuple(w.kvk_nummer for w in WERKGEVERS)

_VOORNAMEN = (
    "Jan", "Pieter", "Kees", "Henk", "Willem", "Johan", "Gerrit", "Bram", "Daan", "Sem", "Lucas",
    "Thomas", "Ruben", "Jeroen", "Mark", "Bas", "Niels", "Tim", "Joost", "Martijn", "Erik",
    "Sander", "Dennis", "Mohamed", "Ahmed", "Yusuf", "Emre", "Mehmet", "Stefan", "Rik", "Frank",
    "Hans", "Wim", "Marco", "Kevin", "Youssef", "Jesse", "Lars", "Koen", "Maarten", "Anna", "Emma",
    "Sophie", "Julia", "Lotte", "Sanne", "Anouk", "Fleur", "Eva", "Lisa", "Iris", "Femke",
    "Marieke", "Linda", "Petra", "Ingrid", "Monique", "Esther", "Karin", "Wendy", "Saskia", "Ilse",
    "Noor", "Fatima", "Samira", "Aylin", "Naima", "Joyce", "Manon", "Maud", "Tessa", "Yvonne",
    "Annemarie", "Els", "Ria", "Marloes", "Nicole", "Chantal", "Priya", "Maria",
)  # fmt: skip
_ACHTERNAMEN = (
    ("", "Jansen"), ("de", "Jong"), ("de", "Vries"), ("van den", "Berg"), ("van", "Dijk"),
    ("", "Bakker"), ("", "Janssen"), ("", "Visser"), ("", "Smit"), ("", "Meijer"), ("de", "Boer"),
    ("", "Mulder"), ("de", "Groot"), ("", "Bos"), ("", "Vos"), ("", "Peters"), ("", "Hendriks"),
    ("van", "Leeuwen"), ("", "Dekker"), ("", "Brouwer"), ("de", "Wit"), ("", "Dijkstra"),
    ("", "Smits"), ("de", "Graaf"), ("van der", "Meer"), ("van der", "Linden"), ("", "Kok"),
    ("", "Jacobs"), ("de", "Haan"), ("", "Vermeulen"), ("van den", "Heuvel"), ("van der", "Veen"),
    ("van den", "Broek"), ("de", "Bruijn"), ("van der", "Heijden"), ("", "Schouten"),
    ("van", "Beek"), ("", "Willems"), ("van", "Vliet"), ("van de", "Ven"), ("", "Hoekstra"),
    ("", "Maas"), ("", "Verhoeven"), ("", "Koster"), ("van", "Dam"), ("van der", "Wal"),
    ("", "Prins"), ("", "Blom"), ("", "Huisman"), ("", "Yılmaz"), ("", "Kaya"), ("", "El Amrani"),
    ("", "Bouzid"), ("", "Demir"), ("", "Şahin"), ("", "Nguyen"), ("", "Pinas"), ("", "Ramdin"),
    ("ter", "Horst"), ("van 't", "Hof"), ("in 't", "Veld"), ("op de", "Beek"), ("", "Kuipers"),
    ("", "Postma"), ("van", "Wijk"), ("", "Sedney"),
)  # fmt: skip
# Relative chance of a first sick day by month (flu season) and by weekday (Monday peak).
_SEIZOEN = {1: 1.6, 2: 1.5, 3: 1.2, 4: 0.9, 5: 0.8, 6: 0.7, 7: 0.6, 8: 0.6, 9: 0.9, 10: 1.1,
            11: 1.3, 12: 1.5}  # fmt: skip
_WEEKDAG = (1.4, 1.0, 1.0, 1.0, 0.9, 0.5, 0.6)


def _eigen_account(werkgever: str) -> str:
    """The demo account that belongs to this werkgever only."""
    return next(a.gebruikersnaam for a in ACCOUNTS if a.werkgevers == (werkgever,))


def elfproef_vanaf(begin: int) -> str:
    """The first 9-digit number from ``begin`` on that passes the 11-check."""
    kandidaat = begin
    while not is_elfproef(str(kandidaat)):
        kandidaat += 1
    return str(kandidaat)


def loonheffingennummer_van(spec: NummerSpec) -> str:
    return f"{elfproef_vanaf(spec.fiscaal_vanaf)}L{spec.subnummer}"


def _ascii(tekst: str) -> str:
    tekst = tekst.replace("ı", "i")
    return unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode()


# --------------------------------------------------------------------------------------------
# The plan: pure Python, deterministic for (seed, today)
# --------------------------------------------------------------------------------------------


@dataclass
class GevalPlan:
    eerste_ziektedag: date
    hersteldatum: date | None = None  # None, or later than today: the spell is still open
    stappen: list[tuple[date, int]] = field(default_factory=list)  # partial recoveries
    laatste_dag_in_dienst: date | None = None  # ziek uit dienst (DOMAIN §4.5)
    gemeld_door: str = ""
    arbeidsconflict: bool = False
    bedrijfsongeval: bool = False
    aansprakelijke_derde: bool = False
    vangnet: str = Vangnet.ONBEKEND
    verwachte_duur_dagen: int | None = None
    object: Verzuimgeval | None = None


@dataclass
class WerknemerPlan:
    werkgever: str
    nummer: str
    bsn: str
    voornaam: str
    voorletters: str
    tussenvoegsel: str
    achternaam: str
    geboortedatum: date
    datum_in_dienst: date
    uren: Decimal
    deeltijdfactor: Decimal
    functie: str
    email: str
    uit_dienst: date | None = None  # end of employment without sickness (wijzig_werknemer)
    gevallen: list[GevalPlan] = field(default_factory=list)
    geblokkeerd: list[tuple[date, date]] = field(default_factory=list)
    bijzonder: bool = False
    object: Werknemer | None = None


class _Planner:
    def __init__(self, vandaag: date) -> None:
        self.vandaag = vandaag
        self.rng = Random(ZAAD)
        self.venster_begin = vandaag - timedelta(days=VENSTER_DAGEN)
        self.fusiedatum = vandaag - timedelta(days=FUSIE_DAGEN_GELEDEN)
        self.werknemers: list[WerknemerPlan] = []
        self._bsns: set[str] = set()

    def dag(self, dagen_geleden: int) -> date:
        return self.vandaag - timedelta(days=dagen_geleden)

    # -- werknemers -----------------------------------------------------------------------

    def _bsn(self) -> str:
        while True:
            kandidaat = f"9999{self.rng.randrange(100_000):05d}"
            if is_bsn(kandidaat) and kandidaat not in self._bsns:
                self._bsns.add(kandidaat)
                return kandidaat

    def _persoon(self, werkgever: WerkgeverSpec, nummer: NummerSpec) -> WerknemerPlan:
        rng = self.rng
        voornaam = rng.choice(_VOORNAMEN)
        tussenvoegsel, achternaam = rng.choice(_ACHTERNAMEN)
        voorletters = voornaam[0] + "."
        if rng.random() < 0.35:
            voorletters += rng.choice("ACEHJMPW") + "."
        leeftijd = rng.randint(19 * 365, 66 * 365)
        max_dienst = min(leeftijd - 17 * 365, 40 * 365)
        if rng.random() < 0.15:
            dienst = rng.randint(20, VENSTER_DAGEN)
        else:
            dienst = VENSTER_DAGEN + int((max_dienst - VENSTER_DAGEN) * rng.random() ** 1.8)
        voltijd = Decimal(werkgever.voltijd_uren)
        uren = voltijd
        if rng.random() < werkgever.aandeel_deeltijd:
            # Part-time contracts in whole hours, deeltijdfactor 0.5–0.9.
            uren = (voltijd * Decimal(rng.choice(("0.5", "0.6", "0.7", "0.8", "0.9")))).quantize(
                Decimal("1")
            )
        email = ""
        if rng.random() < 0.6:
            email = _ascii(f"{voornaam[0]}.{tussenvoegsel}{achternaam}").replace(" ", "")
            email = email.replace("'", "").lower() + "@example.com"
        return WerknemerPlan(
            werkgever=werkgever.sleutel,
            nummer=nummer.sleutel,
            bsn=self._bsn(),
            voornaam=voornaam,
            voorletters=voorletters,
            tussenvoegsel=tussenvoegsel,
            achternaam=achternaam,
            geboortedatum=self.dag(leeftijd),
            datum_in_dienst=self.dag(dienst),
            uren=uren,
            deeltijdfactor=(uren / voltijd).quantize(Decimal("0.001")),
            functie=rng.choice(nummer.functies),
            email=email,
        )

    def plan_werknemers(self) -> None:
        herintreders: list[WerknemerPlan] = []
        for werkgever in WERKGEVERS:
            for nummer in werkgever.nummers:
                for _ in range(nummer.aantal):
                    w = self._persoon(werkgever, nummer)
                    if not nummer.actief:
                        # Employed by the merged company; everyone left its number at the merger.
                        leeftijd = max(
                            (self.vandaag - w.geboortedatum).days, FUSIE_DAGEN_GELEDEN + 20 * 365
                        )
                        dienst = FUSIE_DAGEN_GELEDEN + self.rng.randint(180, 4000)
                        w.geboortedatum = self.dag(leeftijd)
                        w.datum_in_dienst = self.dag(min(dienst, leeftijd - 17 * 365))
                        w.uit_dienst = self.fusiedatum
                        if len(herintreders) < 8:
                            # Same person (same BSN) continues under the new number.
                            herintreders.append(
                                WerknemerPlan(
                                    **{
                                        **w.__dict__,
                                        "nummer": "installatie",
                                        "datum_in_dienst": self.fusiedatum + timedelta(days=1),
                                        "uit_dienst": None,
                                        "gevallen": [],
                                        "geblokkeerd": [],
                                    }
                                )
                            )
                    else:
                        dienst = (self.vandaag - w.datum_in_dienst).days
                        if dienst > 90 and self.rng.random() < 0.08:
                            w.uit_dienst = self.dag(self.rng.randint(1, min(700, dienst - 30)))
                    self.werknemers.append(w)
        self.werknemers.extend(herintreders)

    # -- scripted cases ---------------------------------------------------------------------

    def _kies(self, nummer: str, eerste: date) -> WerknemerPlan:
        kandidaten = [
            w
            for w in self.werknemers
            if w.nummer == nummer
            and not w.bijzonder
            and w.uit_dienst is None
            and w.datum_in_dienst <= eerste - timedelta(days=90)
        ]
        w = self.rng.choice(kandidaten)
        w.bijzonder = True
        return w

    def _door(self, werkgever: str) -> str:
        gedeeld = [
            a.gebruikersnaam
            for a in ACCOUNTS
            if len(a.werkgevers) > 1 and werkgever in a.werkgevers
        ]
        if gedeeld and self.rng.random() < 0.2:
            return gedeeld[0]  # some meldingen by the account that serves two werkgevers
        return _eigen_account(werkgever)

    def _voeg_toe(self, w: WerknemerPlan, *gevallen: GevalPlan) -> None:
        for geval in gevallen:
            geval.gemeld_door = geval.gemeld_door or self._door(w.werkgever)
            w.gevallen.append(geval)
        begin = gevallen[0].eerste_ziektedag - timedelta(days=BUFFER_DAGEN)
        laatste = gevallen[-1]
        if laatste.hersteldatum is None:
            einde = date.max
        else:
            einde = laatste.hersteldatum + timedelta(days=BUFFER_DAGEN)
        w.geblokkeerd.append((begin, einde))

    def _geval(
        self,
        eerste: date,
        *,
        herstel_na: int | None = None,
        stappen: Iterable[tuple[int, int]] = (),
        uit_dienst_na: int | None = None,
        **kenmerken: Any,
    ) -> GevalPlan:
        return GevalPlan(
            eerste_ziektedag=eerste,
            hersteldatum=None if herstel_na is None else eerste + timedelta(days=herstel_na),
            stappen=[(eerste + timedelta(days=n), pct) for n, pct in stappen],
            laatste_dag_in_dienst=(
                None if uit_dienst_na is None else eerste + timedelta(days=uit_dienst_na)
            ),
            **kenmerken,
        )

    def _week(self, week: int) -> date:
        """A first sick day such that today lies in ``week`` of the spell (DOMAIN §5)."""
        return self.dag(7 * (week - 1) + self.rng.randint(0, 6))

    def _open(self, nummer: str, week: int, **kwargs: Any) -> None:
        eerste = self._week(week)
        self._voeg_toe(self._kies(nummer, eerste), self._geval(eerste, **kwargs))

    def plan_bijzondere_gevallen(self) -> None:
        # Open spells in every Poortwachter phase (DOMAIN §5).
        vandaag = self.vandaag
        self._voeg_toe(
            self._kies("bakkerij", vandaag), self._geval(vandaag, verwachte_duur_dagen=3)
        )  # ziek gemeld vandaag
        self._open("zorg-wonen", 1, verwachte_duur_dagen=7, vangnet=Vangnet.NEE)
        self._open("zorg-facilitair", 1)
        self._open("installatie", 1, verwachte_duur_dagen=5)
        self._open("zorg-wonen", 6, arbeidsconflict=True, vangnet=Vangnet.NEE)  # probleemanalyse
        self._open("bakkerij", 7, stappen=[(28, 50)])
        self._open("installatie", 8, bedrijfsongeval=True, vangnet=Vangnet.NEE)  # plan van aanpak
        self._open("zorg-wonen", 20, stappen=[(70, 50)])
        self._open("installatie", 20)
        self._open("zorg-facilitair", 45, stappen=[(120, 50), (250, 30)])  # past week 42
        self._open("bakkerij", 45, vangnet=Vangnet.JA)
        self._open("installatie", 52, stappen=[(180, 50)])  # eerstejaarsevaluatie
        self._open("zorg-wonen", 66)
        self._open("bakkerij", 80, stappen=[(150, 60)])
        self._open("zorg-wonen", 93)  # WIA-aanvraag due
        self._open("installatie", 95, stappen=[(300, 50)])  # past week 91
        # Ziek uit dienst (DOMAIN §4.5): < 6 weeks, 6–10 weeks and >= 10 weeks at the last day.
        eerste = self.dag(40)
        self._voeg_toe(self._kies("installatie", eerste), self._geval(eerste, uit_dienst_na=20))
        eerste = self.dag(120)
        self._voeg_toe(
            self._kies("bakkerij", eerste),
            self._geval(eerste, uit_dienst_na=55, stappen=[(30, 50)]),
        )
        eerste = self.dag(300)
        self._voeg_toe(self._kies("zorg-wonen", eerste), self._geval(eerste, uit_dienst_na=139))
        # Samentelling (DOMAIN §5.1): relapses within 4 weeks of the hersteldatum.
        self._reeks("zorg-wonen", 400, (35, [(21, 50)]), 12, (40, []))
        self._reeks("bakkerij", 160, (75, [(40, 50)]), 15, (None, []))  # relapse still open
        self._reeks("zorg-wonen", 340, (120, [(60, 50)]), 20, (None, []))  # combined > week 42
        self._reeks("installatie", 300, (20, []), 27, (10, []))  # gap 27: same spell
        self._reeks("installatie", 250, (14, []), 28, (6, []))  # gap 28: a new spell
        self._reeks("zorg-facilitair", 90, (5, []), 7, (4, []))  # flu, then flu again
        # Closed long and special spells.
        eerste = self.dag(600)
        self._voeg_toe(
            self._kies("zorg-wonen", eerste),
            self._geval(eerste, herstel_na=260, stappen=[(90, 50), (200, 20)]),
        )
        eerste = self.dag(500)
        self._voeg_toe(
            self._kies("bakkerij", eerste),
            self._geval(eerste, herstel_na=63, stappen=[(42, 50)], aansprakelijke_derde=True),
        )  # traffic accident with a possibly liable third party (regres)
        eerste = self.dag(420)
        self._voeg_toe(
            self._kies("installatie", eerste),
            self._geval(eerste, herstel_na=45, bedrijfsongeval=True, vangnet=Vangnet.NEE),
        )
        eerste = self.dag(9)
        self._voeg_toe(self._kies("bakkerij", eerste), self._geval(eerste, herstel_na=9))

    def _reeks(
        self,
        nummer: str,
        dagen_geleden: int,
        eerste: tuple[int | None, list[tuple[int, int]]],
        gat: int,
        tweede: tuple[int | None, list[tuple[int, int]]],
    ) -> None:
        begin = self.dag(dagen_geleden)
        geval1 = self._geval(begin, herstel_na=eerste[0], stappen=eerste[1])
        assert geval1.hersteldatum is not None
        begin2 = geval1.hersteldatum + timedelta(days=gat)
        geval2 = self._geval(begin2, herstel_na=tweede[0], stappen=tweede[1])
        self._voeg_toe(self._kies(nummer, begin), geval1, geval2)

    # -- background -------------------------------------------------------------------------

    def _duur(self) -> int:
        r = self.rng.random()
        # Roughly the Vernet mix of meldingen: ~80 % kort, ~16 % middellang, ~4 % lang.
        if r < 0.70:
            return self.rng.randint(2, 10)  # flu and the like
        if r < 0.80:
            return self.rng.randint(11, 14)
        if r < 0.93:
            return self.rng.randint(15, 42)
        if r < 0.975:
            return self.rng.randint(43, 91)
        return self.rng.randint(92, 200)

    def _stappen(self, eerste: date, duur: int) -> list[tuple[date, int]]:
        rng = self.rng
        if duur <= 21 or rng.random() >= 0.5:
            return []
        dag1 = max(1, int(duur * rng.uniform(0.4, 0.7)))
        pct1 = rng.choice((50, 50, 40, 60, 70))
        stappen = [(eerste + timedelta(days=dag1), pct1)]
        if duur > 90 and rng.random() < 0.5 and dag1 + 1 < duur:
            dag2 = rng.randint(dag1 + 1, duur - 1)
            stappen.append((eerste + timedelta(days=dag2), pct1 // 2))
        return stappen

    def _vrij(self, w: WerknemerPlan, begin: date, einde: date) -> bool:
        return all(einde < van or begin >= tot for van, tot in w.geblokkeerd)

    def plan_achtergrond(self) -> None:
        rng = self.rng
        for w in self.werknemers:
            werkgever = next(s for s in WERKGEVERS if s.sleutel == w.werkgever)
            r = rng.random()
            if r < 0.2:
                tempo = 0.15  # hardly ever sick
            elif r < 0.92:
                tempo = rng.uniform(0.5, 1.2)
            else:
                tempo = rng.uniform(2.0, 3.0)  # frequent verzuim
            tempo *= werkgever.verzuimfactor
            dag = max(w.datum_in_dienst, self.venster_begin)
            laatste = w.uit_dienst or self.vandaag
            while dag <= laatste:
                kans = tempo / 365 * _SEIZOEN[dag.month] * _WEEKDAG[dag.weekday()]
                if rng.random() >= kans:
                    dag += timedelta(days=1)
                    continue
                duur = self._duur()
                herstel = dag + timedelta(days=duur)
                stappen = self._stappen(dag, duur)
                if not self._vrij(w, dag, herstel) or (w.uit_dienst and herstel > w.uit_dienst):
                    dag += timedelta(days=1)
                    continue
                geval = GevalPlan(
                    eerste_ziektedag=dag,
                    hersteldatum=herstel,
                    stappen=stappen,
                    gemeld_door=self._door(w.werkgever),
                    vangnet=rng.choices(
                        (Vangnet.ONBEKEND, Vangnet.NEE, Vangnet.JA), weights=(60, 37, 3)
                    )[0],
                    verwachte_duur_dagen=(
                        rng.choice((2, 3, 5, 7, 14)) if duur <= 10 and rng.random() < 0.4 else None
                    ),
                    bedrijfsongeval=w.werkgever == "installatie" and rng.random() < 0.03,
                )
                w.gevallen.append(geval)
                if herstel > self.vandaag:
                    break  # still sick today
                dag = herstel + timedelta(days=1)  # a new ziekmelding from the next day on

    def plan(self) -> list[WerknemerPlan]:
        self.plan_werknemers()
        self.plan_bijzondere_gevallen()
        self.plan_achtergrond()
        return self.werknemers


def maak_plan(vandaag: date) -> list[WerknemerPlan]:
    """The complete demo population for ``vandaag`` (pure; same input → same plan)."""
    return _Planner(vandaag).plan()


# --------------------------------------------------------------------------------------------
# Loading through the services
# --------------------------------------------------------------------------------------------

# Kinds of melding, in their order on one day: a spell ends before anything else happens.
_HERSTEL, _ZIEK_UIT_DIENST, _UIT_DIENST, _ZIEK, _GEDEELTELIJK = range(5)


@dataclass(frozen=True)
class _Gebeurtenis:
    dag: date
    soort: int
    werknemer: WerknemerPlan
    geval: GevalPlan | None = None
    percentage: int = 0


@dataclass(frozen=True)
class Samenvatting:
    werkgevers: int
    actieve_nummers: int
    inactieve_nummers: int
    intermediairs: int
    werknemers: int
    verzuimgevallen: int
    lopend: int
    lopend_per_week: tuple[tuple[int, int], ...]


def demodata_aanwezig() -> bool:
    return Werkgever.objects.filter(kvk_nummer__in=DEMO_KVK_NUMMERS).exists()


def _logboeken() -> tuple[type[models.Model], ...]:
    """Append-only tables: the model and (on PostgreSQL) a trigger refuse DELETE."""
    from django.apps import apps

    return tuple(
        apps.get_model(label)
        for label in ("audit.Auditregel",)
        if apps.is_installed("verzuimportaal.audit")
    )


def _leeg_logboeken() -> None:
    """Empty the append-only logs of a demo-only database as a whole (TRUNCATE bypasses the
    row trigger). Only ``wis_demodata`` calls this, after refusing a database with real data."""
    for model in _logboeken():
        tabel = connection.ops.quote_name(model._meta.db_table)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # Deferred foreign-key checks of rows written in this transaction must run
                # first; TRUNCATE refuses a table with pending trigger events.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                cursor.execute(f"TRUNCATE {tabel}")
            else:
                cursor.execute(f"DELETE FROM {tabel}")  # noqa: S608 - table name from the model


def _wis_met_afhankelijken(qs: QuerySet[Any], pad: frozenset[type[models.Model]]) -> None:
    """Delete ``qs`` after everything that points at it (also PROTECT), depth first."""
    model = qs.model
    pad = pad | {model}
    # Hidden relations too (``related_name="+"``, e.g. the operator's imports that name their user).
    relaties = [
        veld
        for veld in model._meta.get_fields(include_hidden=True)
        if veld.auto_created and not veld.concrete and (veld.one_to_many or veld.one_to_one)
    ]
    for rel in relaties:
        gerelateerd = rel.related_model
        if gerelateerd in pad or gerelateerd in _logboeken() or not hasattr(rel, "on_delete"):
            continue
        if rel.on_delete in (models.CASCADE, models.PROTECT, models.RESTRICT):
            _wis_met_afhankelijken(
                gerelateerd._base_manager.filter(**{f"{rel.field.name}__in": qs}), pad
            )
    qs.delete()


def wis_demodata() -> None:
    """Delete all domain data and the demo accounts. Refuses a database with other werkgevers."""
    vreemd = Werkgever.objects.exclude(kvk_nummer__in=DEMO_KVK_NUMMERS).count()
    vreemd += Intermediair.objects.exclude(kvk_nummer=INTERMEDIAIR[0]).count()
    if vreemd:
        raise DemodataFout(
            f"Er staan {vreemd} andere werkgever(s) of intermediair(s) in de database. --opnieuw "
            "wist alleen een database met uitsluitend demodata. Gebruik een nieuwe database "
            "(voor de demo: verwijder demo.sqlite3 en draai migrate)."
        )
    with transaction.atomic():
        _leeg_logboeken()
        _wis_met_afhankelijken(Werkgever.objects.all(), frozenset())
        _wis_met_afhankelijken(Intermediair.objects.all(), frozenset())
        Nummerreeks.objects.all().delete()  # verzuimnummers start again at 00001
        Uitkeringsrun.objects.all().delete()  # the runs belong to no werkgever
        _wis_met_afhankelijken(User.objects.filter(username__in=DEMO_GEBRUIKERSNAMEN), frozenset())


def _maak_accounts(werkgevers: dict[str, Werkgever]) -> dict[str, User]:
    gebruikers: dict[str, User] = {}
    for spec in ACCOUNTS:
        gebruiker = User.objects.filter(username=spec.gebruikersnaam).first()
        if gebruiker is None:
            gebruiker = User(
                username=spec.gebruikersnaam,
                first_name=spec.voornaam,
                last_name=spec.achternaam,
                email=f"{spec.gebruikersnaam}@example.com",
                is_staff=spec.beheerder,
                is_superuser=spec.beheerder,
            )
            try:
                validate_password(DEMO_WACHTWOORD, gebruiker)
            except ValidationError as fout:
                raise DemodataFout(
                    f"Het demowachtwoord voldoet niet aan de wachtwoordregels: {fout.messages}"
                ) from fout
            gebruiker.set_password(DEMO_WACHTWOORD)
            gebruiker.save()
        for sleutel in spec.werkgevers:
            Lidmaatschap.objects.get_or_create(
                gebruiker=gebruiker,
                werkgever=werkgevers[sleutel],
                defaults={
                    "rechten": list(spec.rechten) if spec.rechten else alle_lokale_rechten(),
                    "hoofdcontactpersoon": spec.hoofdcontactpersoon,
                },
            )
        _tweede_factor(gebruiker, volgnummer=ACCOUNTS.index(spec) + 1)
        gebruikers[spec.gebruikersnaam] = gebruiker
    return gebruikers


def _tweede_factor(gebruiker: User, *, volgnummer: int) -> None:
    """Demo second factor: an SMS device (codes in /account/sms-outbox/) and e-mail (console)."""
    from django_otp.plugins.otp_email.models import EmailDevice

    from verzuimportaal.accounts.models import Profiel, SmsApparaat

    nummer = f"06123456{volgnummer:02d}"
    Profiel.objects.get_or_create(gebruiker=gebruiker, defaults={"telefoonnummer": nummer})
    EmailDevice.objects.get_or_create(
        user=gebruiker, defaults={"name": "E-mail", "confirmed": True}
    )
    SmsApparaat.objects.get_or_create(
        user=gebruiker, defaults={"name": "Sms", "telefoonnummer": nummer, "confirmed": True}
    )


def _registratiemoment(dag: date, volgnummer: int) -> datetime:
    """A deterministic time on a working morning/afternoon of ``dag``, never in the future."""
    minuten = (dag.toordinal() * 37 + volgnummer * 101) % 540
    moment = datetime.combine(dag, time(8, 0), tzinfo=timezone.get_current_timezone())
    return min(moment + timedelta(minutes=minuten), timezone.now())


def _tekst(fout: ValidationError | PermissionDenied) -> str:
    return " ".join(fout.messages) if isinstance(fout, ValidationError) else str(fout)


def _beschrijf(w: WerknemerPlan) -> str:
    return f"werknemer {w.voornaam} {w.tussenvoegsel} {w.achternaam} ({w.nummer})".replace(
        "  ", " "
    )


def _gebeurtenissen(plan: list[WerknemerPlan], vandaag: date) -> list[_Gebeurtenis]:
    """Every melding of the plan in chronological order (verzuimnummers follow the dates)."""
    uit: list[_Gebeurtenis] = []
    for w in plan:
        for g in w.gevallen:
            uit.append(_Gebeurtenis(g.eerste_ziektedag, _ZIEK, w, g))
            einde = g.laatste_dag_in_dienst or g.hersteldatum
            for dag, pct in g.stappen:
                if dag <= vandaag and (einde is None or dag < einde):
                    uit.append(_Gebeurtenis(dag, _GEDEELTELIJK, w, g, pct))
            if g.laatste_dag_in_dienst is not None:
                uit.append(_Gebeurtenis(g.laatste_dag_in_dienst, _ZIEK_UIT_DIENST, w, g))
            elif g.hersteldatum is not None and g.hersteldatum <= vandaag:
                uit.append(_Gebeurtenis(g.hersteldatum, _HERSTEL, w, g))
        if w.uit_dienst is not None:
            uit.append(_Gebeurtenis(w.uit_dienst, _UIT_DIENST, w))
    return sorted(uit, key=lambda e: (e.dag, e.soort))  # stable: plan order breaks ties


def _voer_uit(e: _Gebeurtenis, door: Actor) -> None:
    werknemer = e.werknemer.object
    assert werknemer is not None
    if e.soort == _UIT_DIENST:
        e.werknemer.object = werknemer_service.wijzig_werknemer(
            door=door, werknemer=werknemer, gegevens={"datum_uit_dienst": e.dag}
        )
        return
    g = e.geval
    assert g is not None
    if e.soort == _ZIEK:
        g.object = verzuim_service.meld_ziek(
            door=door,
            werknemer=werknemer,
            eerste_ziektedag=e.dag,
            arbeidsconflict=g.arbeidsconflict,
            bedrijfsongeval=g.bedrijfsongeval,
            aansprakelijke_derde=g.aansprakelijke_derde,
            vangnet=g.vangnet,
            verwachte_duur_dagen=g.verwachte_duur_dagen,
        )
        return
    assert g.object is not None
    if e.soort == _GEDEELTELIJK:
        verzuim_service.meld_gedeeltelijk_hersteld(
            door=door,
            verzuimgeval=g.object,
            ingangsdatum=e.dag,
            percentage_arbeidsongeschikt=e.percentage,
        )
    elif e.soort == _HERSTEL:
        verzuim_service.meld_volledig_hersteld(door=door, verzuimgeval=g.object, hersteldatum=e.dag)
    else:
        verzuim_service.meld_ziek_uit_dienst(
            door=door, verzuimgeval=g.object, laatste_dag_in_dienst=e.dag
        )


def _maak_organisaties() -> tuple[dict[str, Werkgever], dict[str, Loonheffingennummer]]:
    werkgevers: dict[str, Werkgever] = {}
    nummers: dict[str, Loonheffingennummer] = {}
    for spec in WERKGEVERS:
        werkgever = Werkgever(kvk_nummer=spec.kvk_nummer, naam=spec.naam)
        werkgever.full_clean()
        werkgever.save()
        werkgevers[spec.sleutel] = werkgever
        for nspec in spec.nummers:
            # Every number starts active so the services accept it; see the end of the load.
            lhnr = Loonheffingennummer(
                werkgever=werkgever,
                nummer=loonheffingennummer_van(nspec),
                omschrijving=nspec.omschrijving,
            )
            lhnr.full_clean()
            lhnr.save()
            nummers[nspec.sleutel] = lhnr
    intermediair = Intermediair(kvk_nummer=INTERMEDIAIR[0], naam=INTERMEDIAIR[1])
    intermediair.full_clean()
    intermediair.save()
    return werkgevers, nummers


def laad_demodata(vandaag: date | None = None) -> Samenvatting:
    """Load the demo data in one transaction (the caller checks ``demodata_aanwezig`` first)."""
    vandaag = vandaag or timezone.localdate()
    plan = maak_plan(vandaag)
    with transaction.atomic():
        werkgevers, nummers = _maak_organisaties()
        gebruikers = _maak_accounts(werkgevers)
        # One actor per (werkgever, account) as a logged-in local account would have it.
        actoren = {
            (spec.sleutel, account.gebruikersnaam): Actor(
                werkgever=werkgevers[spec.sleutel],
                rechten=frozenset(Dienst),
                route=Route.LOKAAL,
                gebruiker=gebruikers[account.gebruikersnaam],
                weergavenaam=gebruikers[account.gebruikersnaam].get_full_name(),
            )
            for spec in WERKGEVERS
            for account in ACCOUNTS
            if spec.sleutel in account.werkgevers
        }
        eigen = {
            spec.sleutel: actoren[(spec.sleutel, _eigen_account(spec.sleutel))]
            for spec in WERKGEVERS
        }
        for w in plan:
            try:
                w.object = werknemer_service.meld_werknemer_aan(
                    door=eigen[w.werkgever],
                    loonheffingennummer=nummers[w.nummer],
                    bsn=w.bsn,
                    voorletters=w.voorletters,
                    voornaam=w.voornaam,
                    tussenvoegsel=w.tussenvoegsel,
                    achternaam=w.achternaam,
                    geboortedatum=w.geboortedatum,
                    datum_in_dienst=w.datum_in_dienst,
                    contracturen_per_week=w.uren,
                    deeltijdfactor=w.deeltijdfactor,
                    functie=w.functie,
                    email=w.email,
                )
            except (ValidationError, PermissionDenied) as fout:
                raise DemodataFout(f"Aanmelden {_beschrijf(w)} geweigerd: {_tekst(fout)}") from fout
        for e in _gebeurtenissen(plan, vandaag):
            door = eigen[e.werknemer.werkgever]
            if e.geval is not None:
                door = actoren[(e.werknemer.werkgever, e.geval.gemeld_door)]
            try:
                _voer_uit(e, door)
            except (ValidationError, PermissionDenied) as fout:
                raise DemodataFout(
                    f"Melding per {e.dag:%d-%m-%Y} voor {_beschrijf(e.werknemer)} geweigerd: "
                    f"{_tekst(fout)}"
                ) from fout
        _dateer_registraties(list(werkgevers.values()))
        # Issue 15: polis, wages and three months of uitkeringen (after the meldingen).
        geld_demo.laad(eigen=eigen, vandaag=vandaag)
        # DOMAIN §7.5: a declaratie in each state and a loonsanctie for the first werkgever.
        reintegratiekosten_demo.laad(door=eigen[WERKGEVERS[0].sleutel], vandaag=vandaag)
        # The merged company's number is closed now (seed 001: not shown to users).
        inactief = [nummers[n.sleutel].pk for s in WERKGEVERS for n in s.nummers if not n.actief]
        Loonheffingennummer.objects.filter(pk__in=inactief).update(actief=False)
    return samenvatting(vandaag)


def _dateer_registraties(werkgevers: list[Werkgever]) -> None:
    """Give each mutation the moment it would have been registered instead of 'now'.

    The services stamp ``timezone.now()``; for a history of two years that puts every melding on
    the load moment, which makes the dashboard's 'recente meldingen' meaningless. A ziekmelding is
    registered on the first sick day, a herstelmelding on the hersteldatum, ziek uit dienst on the
    last day in dienst (DOMAIN §4.5). Only these timestamps change; dates and percentages are as
    the services stored them.
    """
    mutaties = list(
        Verzuimmutatie.objects.filter(
            verzuimgeval__werknemer__loonheffingennummer__werkgever__in=werkgevers
        )
        .select_related("verzuimgeval")
        .order_by("verzuimgeval__verzuimnummer", "ingangsdatum")
    )
    gevallen: list[Verzuimgeval] = []
    for volgnummer, mutatie in enumerate(mutaties):
        dag = mutatie.ingangsdatum
        if mutatie.soort == MutatieSoort.ZIEK_UIT_DIENST:
            dag -= timedelta(days=1)
        mutatie.geregistreerd_op = _registratiemoment(dag, volgnummer)
        if mutatie.soort == MutatieSoort.ZIEKMELDING:
            mutatie.verzuimgeval.gemeld_op = mutatie.geregistreerd_op
            gevallen.append(mutatie.verzuimgeval)
    Verzuimmutatie.objects.bulk_update(mutaties, ["geregistreerd_op"], batch_size=500)
    Verzuimgeval.objects.bulk_update(gevallen, ["gemeld_op"], batch_size=500)


def ziekteweek(eerste_ziektedag: date, vandaag: date) -> int:
    """Week N of a spell: week 1 = D … D+6 (DOMAIN §5), by calendar days (no samentelling)."""
    return (vandaag - eerste_ziektedag).days // 7 + 1


def samenvatting(vandaag: date) -> Samenvatting:
    open_eerste = Verzuimgeval.objects.filter(einddatum__isnull=True).values_list(
        "eerste_ziektedag", flat=True
    )
    per_week = Counter(ziekteweek(d, vandaag) for d in open_eerste)
    return Samenvatting(
        werkgevers=Werkgever.objects.count(),
        actieve_nummers=Loonheffingennummer.objects.filter(actief=True).count(),
        inactieve_nummers=Loonheffingennummer.objects.filter(actief=False).count(),
        intermediairs=Intermediair.objects.count(),
        werknemers=Werknemer.objects.count(),
        verzuimgevallen=Verzuimgeval.objects.count(),
        lopend=sum(per_week.values()),
        lopend_per_week=tuple(sorted(per_week.items())),
    )


# --------------------------------------------------------------------------------------------
# The accounts table shown at the end of ``make demo``
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AccountRegel:
    gebruikersnaam: str
    wachtwoord: str
    werkgevers: tuple[str, ...]


def accounts_overzicht() -> list[AccountRegel]:
    """The demo accounts as they are in the database now (a changed password is not shown)."""
    regels: list[AccountRegel] = []
    for spec in ACCOUNTS:
        gebruiker = User.objects.filter(username=spec.gebruikersnaam).first()
        if gebruiker is None:
            continue
        werkgevers = tuple(
            Lidmaatschap.objects.filter(gebruiker=gebruiker, actief=True)
            .order_by("werkgever__naam")
            .values_list("werkgever__naam", flat=True)
        )
        if gebruiker.is_superuser and not werkgevers:
            werkgevers = (f"beheeromgeving {BEHEER_URL}",)
        # check_password without a setter: showing the table never rewrites a hash.
        if check_password(DEMO_WACHTWOORD, gebruiker.password):
            wachtwoord = DEMO_WACHTWOORD
        else:
            wachtwoord = "(gewijzigd)"
        regels.append(AccountRegel(spec.gebruikersnaam, wachtwoord, werkgevers))
    return regels


def accounts_tabel(regels: Iterable[AccountRegel]) -> str:
    kop = ("Gebruikersnaam", "Wachtwoord", "Werkgever(s)")
    rijen: list[tuple[str, str, str]] = []
    for regel in regels:
        for i, werkgever in enumerate(regel.werkgevers or ("(geen)",)):
            rijen.append(
                (
                    regel.gebruikersnaam if i == 0 else "",
                    regel.wachtwoord if i == 0 else "",
                    werkgever,
                )
            )
    breedtes = [max(len(rij[k]) for rij in (kop, *rijen)) for k in range(3)]

    def lijn(cellen: tuple[str, str, str]) -> str:
        return "  " + "  ".join(c.ljust(b) for c, b in zip(cellen, breedtes, strict=True)).rstrip()

    streep = ("-" * breedtes[0], "-" * breedtes[1], "-" * breedtes[2])
    return "\n".join([lijn(kop), lijn(streep), *(lijn(r) for r in rijen)])
