from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from verzuimportaal.herinneringen.service import verstuur_herinneringen
from verzuimportaal.toegang.actor import beheerder


class Command(BaseCommand):
    help = "Verstuur de Poortwachter-herinneringen van vandaag (of van --peildatum)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--peildatum", help="JJJJ-MM-DD; standaard vandaag")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            peildatum = (
                date.fromisoformat(options["peildatum"])
                if options["peildatum"]
                else timezone.localdate()
            )
        except ValueError as exc:
            raise CommandError(
                "Geef de peildatum als JJJJ-MM-DD, bijvoorbeeld 2026-03-02."
            ) from exc
        resultaat = verstuur_herinneringen(door=beheerder(None), peildatum=peildatum)
        self.stdout.write(
            f"Peildatum {peildatum:%d-%m-%Y}: {resultaat.stappen} stappen binnen de termijnen, "
            f"{resultaat.berichten} berichten in de berichtenbox, {resultaat.mails} e-mails "
            f"ingepland, {resultaat.opnieuw_ingepland} e-mails opnieuw ingepland."
        )
