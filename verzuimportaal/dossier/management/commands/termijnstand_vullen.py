from typing import Any

from django.core.management.base import BaseCommand

from verzuimportaal.dossier.termijnstand import vul_alles


class Command(BaseCommand):
    help = (
        "Bereken de openstaande Poortwachterstappen van alle lopende verzuimen opnieuw "
        "(na het laden van gegevens buiten de services om; ADR 0047)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        aantal = vul_alles()
        self.stdout.write(f"{aantal} openstaande Poortwachterstappen opgeslagen.")
