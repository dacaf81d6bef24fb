"""Demo: eigenrisicodragers (DOMAIN §3 services 4, 5, 7), loaded as the operator would.

Bakkerij Van den Broek carries the WGA and WW risk itself, the installatiebedrijf the ZW risk;
documents of every kind for the bakkerij. Deterministic for ``vandaag``; idempotent.
"""

from datetime import date, timedelta

from django.contrib.auth.models import User

from verzuimportaal.demo.gegevens import elfproef_vanaf
from verzuimportaal.toegang.actor import beheerder
from verzuimportaal.werkgevers.models import Loonheffingennummer

from . import service
from .models import Erddocument, Importsoort

BEHEERDER = "beheer"
KVK_BAKKERIJ = "69201843"
KVK_INSTALLATIE = "58823417"


def _maand(d: date, terug: int) -> tuple[date, date]:
    """First and last day of the month ``terug`` months before ``d``'s month."""
    jaar, maand = d.year, d.month - terug
    while maand < 1:
        jaar, maand = jaar - 1, maand + 12
    begin = date(jaar, maand, 1)
    volgende = date(jaar + maand // 12, maand % 12 + 1, 1)
    return begin, volgende - timedelta(days=1)


def _csv(kolommen: tuple[str, ...], rijen: list[dict[str, str]]) -> bytes:
    regels = [";".join(kolommen)] + [";".join(r.get(k, "") for k in kolommen) for r in rijen]
    return ("\n".join(regels) + "\n").encode()


def _laad(account: User, soort: str, rijen: list[dict[str, str]]) -> None:
    door = beheerder(account)
    proef = service.lees_in(
        door=door,
        soort=soort,
        bestandsnaam=f"erd-{soort}-demo.csv",
        inhoud=_csv(service.KOLOMMEN[soort], rijen),
    )
    if proef.fouten:  # pragma: no cover - the demo data are valid
        raise ValueError(f"ERD-demodata geweigerd: {proef.fouten}")
    service.leg_vast(door=door, erdimport=proef)


def laad_demo(*, vandaag: date) -> list[str]:
    account = User.objects.filter(username=BEHEERDER).first()
    bakkerij = (
        Loonheffingennummer.objects.filter(werkgever__kvk_nummer=KVK_BAKKERIJ, actief=True)
        .order_by("nummer")
        .first()
    )
    installatie = (
        Loonheffingennummer.objects.filter(werkgever__kvk_nummer=KVK_INSTALLATIE, actief=True)
        .order_by("nummer")
        .first()
    )
    if account is None or bakkerij is None or Erddocument.objects.exists():
        return []
    jaar = vandaag.year
    statussen = [
        {
            "loonheffingennummer": bakkerij.nummer,
            "risico": "wga",
            "ingangsdatum": f"{jaar - 3}-01-01",
        },
        {
            "loonheffingennummer": bakkerij.nummer,
            "risico": "ww",
            "ingangsdatum": f"{jaar - 1}-01-01",
        },
        {
            "loonheffingennummer": bakkerij.nummer,
            "risico": "zw",
            "ingangsdatum": f"{jaar - 4}-01-01",
            "einddatum": f"{jaar - 2}-12-31",
        },
    ]
    if installatie is not None:
        statussen.append(
            {
                "loonheffingennummer": installatie.nummer,
                "risico": "zw",
                "ingangsdatum": f"{jaar - 2}-07-01",
            }
        )
    _laad(account, Importsoort.STATUS, statussen)

    # Former employees of the bakkerij as UWV names them (demo BSNs 999 80 …).
    oud = [
        ("Henk Visser", elfproef_vanaf(999_800_000)),
        ("Anouk de Graaf", elfproef_vanaf(999_800_100)),
    ]
    nummer = bakkerij.nummer
    documenten: list[dict[str, str]] = [
        {
            "soort": "controle",
            "kenmerk": f"CTR-{jaar - 1}-0417",
            "documentdatum": f"{jaar - 1}-11-14",
            "toelichting": f"Controleverslag eigenrisicodragerschap WGA over {jaar - 2}",
        },
        {
            "soort": "controle",
            "kenmerk": f"CTR-{jaar}-0092",
            "documentdatum": (vandaag - timedelta(days=40)).isoformat(),
            "toelichting": "Verzoek om stukken: re-integratiedossiers van twee (ex-)werknemers",
        },
        {
            "soort": "recht_hoogte_duur",
            "kenmerk": f"WGA-{jaar - 1}-3381",
            "documentdatum": f"{jaar - 1}-03-02",
            "regeling": "wga",
            "bsn": oud[0][1],
            "naam": oud[0][0],
            "van": f"{jaar - 1}-02-23",
            "tot": f"{jaar + 5}-02-22",
            "bedrag": "1834.50",
            "toelichting": "WGA-loongerelateerde uitkering, daarna vervolguitkering",
        },
        {
            "soort": "recht_hoogte_duur",
            "kenmerk": f"WW-{jaar - 1}-7710",
            "documentdatum": f"{jaar - 1}-09-08",
            "regeling": "ww",
            "bsn": oud[1][1],
            "naam": oud[1][0],
            "van": f"{jaar - 1}-09-01",
            "tot": f"{jaar + 1}-02-28",
            "bedrag": "2210.00",
            "toelichting": "WW-uitkering, 18 maanden",
        },
    ]
    for terug in (3, 2, 1):
        begin, einde = _maand(vandaag, terug)
        documenten += [
            {
                "soort": "maandfactuur",
                "kenmerk": f"FAC-WW-{begin:%Y%m}",
                "documentdatum": (einde + timedelta(days=10)).isoformat(),
                "regeling": "ww",
                "van": begin.isoformat(),
                "tot": einde.isoformat(),
                "bedrag": "2210.00",
            },
            {
                "soort": "maandfactuur",
                "kenmerk": f"FAC-WGA-{begin:%Y%m}",
                "documentdatum": (einde + timedelta(days=10)).isoformat(),
                "regeling": "wga",
                "van": begin.isoformat(),
                "tot": einde.isoformat(),
                "bedrag": "1834.50",
            },
            {
                "soort": "declaratie_ww",
                "kenmerk": f"DEC-{begin:%Y%m}-1",
                "documentdatum": (einde + timedelta(days=10)).isoformat(),
                "bsn": oud[1][1],
                "naam": oud[1][0],
                "van": begin.isoformat(),
                "tot": einde.isoformat(),
                "bedrag": "2210.00",
                "toelichting": "Uitkering WW over de maand",
            },
        ]
    documenten += [
        {
            "soort": "reintegratie_ww",
            "kenmerk": f"RWW-{jaar - 1}-{i}",
            "documentdatum": f"{jaar - 1}-09-08",
            "bsn": bsn,
            "naam": naam,
            "van": f"{jaar - 1}-09-01",
            "tot": f"{jaar + 1}-02-28",
            "toelichting": "WW 24 uur per week; sollicitatieplicht; werkfit-traject gestart",
        }
        for i, (naam, bsn) in enumerate(oud[1:], start=1)
    ]
    _laad(
        account, Importsoort.DOCUMENTEN, [d | {"loonheffingennummer": nummer} for d in documenten]
    )
    aantal = Erddocument.objects.count()
    return [f"Eigenrisicodragers: {len(statussen)} statussen, {aantal} documenten (Bakkerij)."]
