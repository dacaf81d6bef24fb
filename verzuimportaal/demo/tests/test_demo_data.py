"""The demo data loader: contents, idempotence and determinism (``manage.py demo_data``)."""

import hashlib
import string
from datetime import date, timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.management import CommandError, call_command
from freezegun import freeze_time

from verzuimportaal.demo.gegevens import ACCOUNTS, DEMO_WACHTWOORD, URL, maak_plan, ziekteweek
from verzuimportaal.facturen.models import Arbofactuur, Premiefactuur
from verzuimportaal.polissen.models import Polis
from verzuimportaal.reintegratiekosten.models import Declaratie, Loonsanctiemelding
from verzuimportaal.reintegratiekosten.models import Status as DeclaratieStatus
from verzuimportaal.toegang.models import Lidmaatschap
from verzuimportaal.uitkeringen.models import Uitkeringsrun
from verzuimportaal.utils.elfproef import is_bsn
from verzuimportaal.verzamelspecificaties.models import (
    Bron,
    Specificatieregel,
    Uitkeringssoort,
    uitkeringssoort,
)
from verzuimportaal.verzuim.models import EindeReden, MutatieSoort, Verzuimgeval, Verzuimmutatie
from verzuimportaal.werkgevers.models import Intermediair, Loonheffingennummer, Werkgever
from verzuimportaal.werknemers.models import Werknemer

VANDAAG = date(2026, 11, 23)
# Open spells in each Poortwachter phase later work needs (DOMAIN §5).
FASEN = {"week 1": {1}, "week 6–8": {6, 7, 8}, "week 20": {20}, "week 45": {45}, "week 95": {95}}


def _demo_data(*args: str) -> str:
    uit = StringIO()
    call_command("demo_data", *args, stdout=uit)
    return uit.getvalue()


def _aantallen() -> dict[str, int]:
    return {
        "werkgevers": Werkgever.objects.count(),
        "nummers": Loonheffingennummer.objects.count(),
        "intermediairs": Intermediair.objects.count(),
        "werknemers": Werknemer.objects.count(),
        "gevallen": Verzuimgeval.objects.count(),
        "mutaties": Verzuimmutatie.objects.count(),
        "gebruikers": User.objects.count(),
        "lidmaatschappen": Lidmaatschap.objects.count(),
    }


def _digest() -> str:
    gevallen = sorted(
        Verzuimgeval.objects.values_list(
            "werknemer__loonheffingennummer__nummer",
            "werknemer__bsn",
            "verzuimnummer",
            "eerste_ziektedag",
            "einddatum",
            "einde_reden",
        )
    )
    mutaties = sorted(
        Verzuimmutatie.objects.values_list(
            "verzuimgeval__verzuimnummer", "soort", "ingangsdatum", "percentage_arbeidsongeschikt"
        )
    )
    return hashlib.sha256(repr((gevallen, mutaties)).encode()).hexdigest()


def _controleer_inhoud() -> None:
    assert Werkgever.objects.count() == 3
    assert Intermediair.objects.get().naam == "Verzuimservice Desk B.V."
    assert Loonheffingennummer.objects.filter(actief=False).count() == 1
    assert (
        max(w.loonheffingennummers.filter(actief=True).count() for w in Werkgever.objects.all())
        == 2
    )
    werknemers = list(Werknemer.objects.all())
    assert len(werknemers) >= 280
    assert all(is_bsn(w.bsn) for w in werknemers)
    assert {"van", "de", "van der"} <= {w.tussenvoegsel for w in werknemers}
    assert any(Decimal("0.5") <= w.deeltijdfactor <= Decimal("0.9") for w in werknemers)
    assert sum(w.datum_uit_dienst is not None for w in werknemers) >= 5
    assert len({w.datum_in_dienst.year for w in werknemers}) >= 10

    open_gevallen = Verzuimgeval.objects.filter(einddatum__isnull=True)
    weken = {ziekteweek(g.eerste_ziektedag, VANDAAG) for g in open_gevallen}
    for fase, in_fase in FASEN.items():
        assert weken & in_fase, f"geen lopend verzuim in {fase}"
    grens_42 = VANDAAG - timedelta(days=294)
    lang = open_gevallen.filter(eerste_ziektedag__lt=grens_42)
    assert lang.filter(mutaties__soort=MutatieSoort.GEDEELTELIJK_HERSTELD).exists()
    assert open_gevallen.filter(eerste_ziektedag__lte=VANDAAG - timedelta(days=637)).exists()
    assert Verzuimgeval.objects.filter(einde_reden=EindeReden.UIT_DIENST).exists()
    assert Verzuimmutatie.objects.filter(soort=MutatieSoort.GEDEELTELIJK_HERSTELD).exists()
    duren = [
        (einde - begin).days
        for begin, einde in Verzuimgeval.objects.filter(
            einde_reden=EindeReden.HERSTELD
        ).values_list("eerste_ziektedag", "einddatum")
        if einde is not None
    ]
    assert sum(2 <= duur <= 10 for duur in duren) >= 100  # many short flu spells
    # Samentelling (DOMAIN §5.1): a relapse within 4 weeks of the hersteldatum.
    vorige: dict[int, Verzuimgeval] = {}
    terugval = 0
    for g in Verzuimgeval.objects.order_by("werknemer_id", "eerste_ziektedag"):
        eerder = vorige.get(g.werknemer_id)
        if eerder and eerder.hersteldatum and (g.eerste_ziektedag - eerder.hersteldatum).days < 28:
            terugval += 1
        vorige[g.werknemer_id] = g
    assert terugval >= 3
    # Nothing in the past-only rules is violated and no free text is filled in (DOMAIN §4.2).
    assert not Verzuimmutatie.objects.filter(ingangsdatum__gt=VANDAAG + timedelta(days=1)).exists()
    assert not Verzuimgeval.objects.exclude(bereikbaar_telefoon="", verblijfadres="").exists()

    for spec in ACCOUNTS:
        gebruiker = User.objects.get(username=spec.gebruikersnaam)
        assert gebruiker.check_password(DEMO_WACHTWOORD)
        assert gebruiker.lidmaatschappen.count() == len(spec.werkgevers)
    assert User.objects.get(username="beheer").is_superuser
    assert Lidmaatschap.objects.filter(gebruiker__username="demo-administratie").count() == 2
    # Issue 15: a polis per werkgever, wages for everyone, three months of uitkeringen.
    assert Polis.objects.count() == Werkgever.objects.count()
    assert not Werknemer.objects.filter(loongegevens__isnull=True).exists()
    assert list(Uitkeringsrun.objects.order_by("maand").values_list("maand", flat=True)) == [
        date(2026, 8, 1),
        date(2026, 9, 1),
        date(2026, 10, 1),
    ]
    for run in Uitkeringsrun.objects.all():
        assert run.regels.filter(bedrag__gt=0).exists(), run
        # DOMAIN §7.3 (ADR 0046): each run deducts the vangnet ZW benefit of the demo.
        assert run.regels.filter(aftrek_uwv__gt=0).exists(), run
    assert Arbofactuur.objects.filter(maand=date(2026, 11, 1)).count() == Werkgever.objects.count()
    # DOMAIN §7.2 (ADR 0045): a ZW and a WAZO verzamelspecificatie, and a line of the feed.
    assert {
        uitkeringssoort(g) for g in Specificatieregel.objects.values_list("grondslag", flat=True)
    } == {
        Uitkeringssoort.ZW,
        Uitkeringssoort.WAZO,
    }
    assert Specificatieregel.objects.filter(bron=Bron.UITVOERDER).exists()
    # DOMAIN §7.5: a declaratie re-integratiekosten in each state and a reported loonsanctie.
    assert set(Declaratie.objects.values_list("status", flat=True)) == set(DeclaratieStatus)
    assert Loonsanctiemelding.objects.exists()
    # The January updates of 2025 and 2026: voorschot for both years, naverrekening for 2025.
    assert set(Premiefactuur.objects.values_list("jaar", "soort")) == {
        (2025, "voorschot"),
        (2025, "naverrekening"),
        (2026, "voorschot"),
    }


@pytest.mark.django_db
def test_demodata_volledig_idempotent_en_deterministisch():
    with freeze_time("2026-11-23"):
        uitvoer = _demo_data()
        assert "Demodata geladen" in uitvoer
        assert URL in uitvoer
        for spec in ACCOUNTS:
            assert spec.gebruikersnaam in uitvoer
        assert DEMO_WACHTWOORD in uitvoer
        _controleer_inhoud()
        aantallen, digest = _aantallen(), _digest()
        assert Verzuimgeval.objects.filter(verzuimnummer="2024-00001").exists()

        uitvoer = _demo_data()
        assert "Demodata staan er al" in uitvoer
        assert "demo-administratie" in uitvoer and URL in uitvoer
        assert _aantallen() == aantallen
        assert _digest() == digest

        uitvoer = _demo_data("--opnieuw")
        assert "Demodata geladen" in uitvoer
        assert _aantallen() == aantallen
        assert _digest() == digest


def test_plan_hangt_alleen_af_van_de_dag():
    def samenvatting(vandaag: date) -> list[tuple[object, ...]]:
        return [
            (w.bsn, w.nummer, w.datum_in_dienst, g.eerste_ziektedag, g.hersteldatum, g.stappen)
            for w in maak_plan(vandaag)
            for g in w.gevallen
        ]

    assert samenvatting(VANDAAG) == samenvatting(VANDAAG)
    assert samenvatting(VANDAAG) != samenvatting(VANDAAG + timedelta(days=1))


def test_demowachtwoord_voldoet_aan_de_regels_van_seed_004():
    """DOMAIN §3: 8–16 characters, no part of the username, none of @ $ # %, ≥ 3 classes."""
    assert 8 <= len(DEMO_WACHTWOORD) <= 16
    assert not set("@$#%") & set(DEMO_WACHTWOORD)
    klassen = [
        any(c.islower() for c in DEMO_WACHTWOORD),
        any(c.isupper() for c in DEMO_WACHTWOORD),
        any(c.isdigit() for c in DEMO_WACHTWOORD),
        any(c in string.punctuation for c in DEMO_WACHTWOORD),
    ]
    assert sum(klassen) >= 3
    for spec in ACCOUNTS:
        for deel in spec.gebruikersnaam.split("-"):
            assert deel.lower() not in DEMO_WACHTWOORD.lower()
        validate_password(DEMO_WACHTWOORD, User(username=spec.gebruikersnaam))


@pytest.mark.django_db
def test_opnieuw_wist_geen_database_met_andere_werkgevers():
    Werkgever.objects.create(kvk_nummer="12345678", naam="Echte Werkgever B.V.")
    with pytest.raises(CommandError, match="andere werkgever"):
        _demo_data("--opnieuw")
    assert Werkgever.objects.filter(kvk_nummer="12345678").exists()


@pytest.mark.django_db
def test_geweigerd_geval_laat_niets_half_geschreven_achter(monkeypatch):
    """A case a service refuses stops the load with a clear message and rolls everything back."""
    from verzuimportaal.demo import gegevens

    echt = gegevens.maak_plan

    def kapot_plan(vandaag: date) -> list[gegevens.WerknemerPlan]:
        plan = echt(vandaag)[:3]
        werknemer = plan[0]
        werknemer.gevallen = [
            gegevens.GevalPlan(
                eerste_ziektedag=werknemer.datum_in_dienst - timedelta(days=1),
                gemeld_door="demo-bakkerij",
            )
        ]
        return plan

    monkeypatch.setattr(gegevens, "maak_plan", kapot_plan)
    with pytest.raises(CommandError, match="geweigerd"):
        _demo_data()
    assert _aantallen() == dict.fromkeys(_aantallen(), 0)
