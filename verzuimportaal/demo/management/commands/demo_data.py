"""``manage.py demo_data``: load deterministic demo data and print the demo accounts."""

import importlib
import time
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from verzuimportaal.demo.gegevens import (
    DEMO_WACHTWOORD,
    URL,
    DemodataFout,
    Samenvatting,
    accounts_overzicht,
    accounts_tabel,
    demodata_aanwezig,
    laad_demodata,
    wis_demodata,
)

# Apps that add their own demo data on top of the werkgevers, werknemers and spells, in this order
# (advisors before the dossier, which may use them). Each has ``laad_demo(*, vandaag)``.
APP_DEMODATA = (
    "verzuimportaal.verzuim.demo",
    "verzuimportaal.wazo.demo",
    "verzuimportaal.aanvragen.demo",
    # After the cases: the granted WAZO leave gets its UWV lines, and the uitvoerder's feed.
    "verzuimportaal.verzamelspecificaties.demo",
    "verzuimportaal.ontslag.demo",
    "verzuimportaal.bezwaar.demo",
    "verzuimportaal.machtigingen.demo",
    "verzuimportaal.voorwaarden.demo",
    "verzuimportaal.verificatie.demo",
    "verzuimportaal.dossier.demo",
    "verzuimportaal.berichten.demo",
    # After the dossier demo: records the remaining steps and hands the verslag in (ADR 0028).
    "verzuimportaal.reintegratieverslag.demo",
    # Data the operator loads: the doelgroepregister and the ERD data (ADR 0040).
    "verzuimportaal.doelgroepregister.demo",
    "verzuimportaal.eigenrisicodragers.demo",
)


def laad_app_demodata(vandaag: date) -> list[str]:
    """Run each app's demo loader; a loader may return lines to print (e.g. a demo code)."""
    regels: list[str] = []
    for module in APP_DEMODATA:
        uitkomst = importlib.import_module(module).laad_demo(vandaag=vandaag)
        if isinstance(uitkomst, str):
            regels.append(uitkomst)
        elif isinstance(uitkomst, list | tuple):
            regels.extend(str(r) for r in uitkomst)
    return regels


class Command(BaseCommand):
    help = (
        "Laadt demodata: 3 werkgevers, 1 intermediair, ruim 300 werknemers, twee jaar verzuim "
        "tot vandaag en demo-accounts. Zelfde dag = zelfde gegevens. Staan ze er al, dan "
        "verandert er niets."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--opnieuw",
            action="store_true",
            help="Wis alle domeingegevens en de demo-accounts en laad de demodata opnieuw.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        vandaag = timezone.localdate()
        if not options["opnieuw"] and demodata_aanwezig():
            self.stdout.write(
                "Demodata staan er al; er is niets gewijzigd. "
                "(Opnieuw laden: manage.py demo_data --opnieuw)"
            )
            self._accounts()
            return
        begin = time.monotonic()
        try:
            # One transaction: wissen and laden both happen, or neither. The loaded history gets
            # no confirmation letters (hundreds of PDFs): new meldingen in the tour do.
            with override_settings(DOSSIER_ONTVANGSTBEVESTIGINGEN=False), transaction.atomic():
                if options["opnieuw"]:
                    wis_demodata()
                samenvatting = laad_demodata(vandaag)
                extra = laad_app_demodata(vandaag)
        except DemodataFout as fout:
            raise CommandError(str(fout)) from fout
        duur = time.monotonic() - begin
        self.stdout.write(
            self.style.SUCCESS(f"Demodata geladen voor {vandaag:%d-%m-%Y} in {duur:.1f} s.")
        )
        self._samenvatting(samenvatting)
        for regel in extra:
            self.stdout.write(f"  {regel}")
        self._accounts()

    def _samenvatting(self, s: Samenvatting) -> None:
        nummers = f"{s.actieve_nummers} actieve"
        if s.inactieve_nummers:
            nummers += f" en {s.inactieve_nummers} inactieve"
        self.stdout.write(
            f"  {s.werkgevers} werkgevers ({nummers} loonheffingennummers), "
            f"{s.intermediairs} intermediair, {s.werknemers} werknemers"
        )
        self.stdout.write(f"  {s.verzuimgevallen} verzuimgevallen, waarvan {s.lopend} lopend")
        weken = ", ".join(f"week {week}: {aantal}" for week, aantal in s.lopend_per_week)
        self.stdout.write(f"  Lopend per ziekteweek (vanaf de eerste ziektedag): {weken}")

    def _accounts(self) -> None:
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING("Demo-accounts"))
        self.stdout.write(accounts_tabel(accounts_overzicht()))
        self.stdout.write("")
        self.stdout.write(
            f"Alle demo-accounts hebben het wachtwoord {DEMO_WACHTWOORD}. "
            "demo-administratie hoort bij twee werkgevers en kiest na het inloggen eerst een "
            "werkgever; beheer is voor de beheeromgeving."
        )
        self.stdout.write(
            "Ook: demo-adviseur (medewerker van adviseur Verzuimservice Desk, toegang via route B "
            "tot Bakkerij en Installatiebedrijf) en demo-casemanager (casemanager van Bakkerij en "
            "Zorggroep), met hetzelfde wachtwoord."
        )
        self.stdout.write(f"Open {URL} en log in.")
        self.stdout.write(
            f"Na het wachtwoord vraagt het portaal een sms-code: zie {URL}account/sms-outbox/ "
            "(e-mailcodes staan in de console). Daarna vraagt het portaal de gebruiksvoorwaarden "
            "te accepteren."
        )
