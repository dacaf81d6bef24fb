"""``manage.py bewaartermijnen [--proef]``: the purge of DOMAIN §4.7 by hand, counts per kind.

Start with ``--proef``: it counts what the nightly run would remove and changes nothing.
"""

import getpass
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from verzuimportaal.bewaartermijnen import regels, service


class Command(BaseCommand):
    help = "Verwijder of anonimiseer gegevens waarvan de bewaartermijn voorbij is (DOMAIN §4.7)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--proef",
            action="store_true",
            help="Alleen tellen wat verwijderd of geanonimiseerd zou worden; niets wijzigen.",
        )
        parser.add_argument(
            "--peildatum",
            help="Rekenen alsof het deze dag is (JJJJ-MM-DD); alleen samen met --proef.",
        )

    def handle(self, *args: Any, **opties: Any) -> None:
        peildatum = None
        if opties["peildatum"]:
            if not opties["proef"]:
                raise CommandError(
                    "--peildatum kan alleen met --proef: opschonen gebeurt op vandaag."
                )
            try:
                peildatum = date.fromisoformat(opties["peildatum"])
            except ValueError as exc:
                raise CommandError(
                    f"Ongeldige peildatum '{opties['peildatum']}'. Gebruik JJJJ-MM-DD."
                ) from exc
        ronde = service.schoon_op(
            door=service.systeemactor(f"beheerder {getpass.getuser()} (manage.py)"),
            peildatum=peildatum,
            proef=opties["proef"],
        )
        soort = "PROEF, niets gewijzigd" if ronde.proef else "uitgevoerd"
        self.stdout.write(f"Bewaartermijnen op {ronde.peildatum:%d-%m-%Y} ({soort}):")
        for termijn in regels.ALLE:
            self.stdout.write(
                f"  regel {termijn.categorie}: {termijn.jaren} jaar na {termijn.vanaf} "
                f"({termijn.bron}) -> {termijn.daarna}"
            )
        breedte = max(len(tekst) for tekst in service.SOORTEN.values())
        for sleutel, tekst in service.SOORTEN.items():
            self.stdout.write(f"  {tekst:<{breedte}}  {ronde.aantallen.get(sleutel, 0):>8}")
        self.stdout.write(f"  werkgevers geraakt: {ronde.werkgevers}")
