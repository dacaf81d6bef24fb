"""Thin Celery task for the monthly benefit run (DOMAIN §7.3, ADR 0030)."""

from datetime import date

from celery import shared_task

from verzuimportaal.polissen.uitvoerder import Uitvoerder

from . import service


@shared_task(acks_late=True)
def maandrun_task(maand: str | None = None) -> dict[str, object]:
    """Beat runs this on the first days of each month for the month just ended.

    Running it again (a retry, the next day's beat) returns the finished run and pays nothing twice.
    """
    doel = date.fromisoformat(maand) if maand else service.laatste_afgesloten_maand()
    resultaat = service.voer_maandrun_uit(door=Uitvoerder(), maand=doel)
    return {
        "maand": resultaat.run.maand.isoformat(),
        "nieuw": resultaat.nieuw,
        "regels": resultaat.run.aantal_regels,
        "overgeslagen": resultaat.run.overgeslagen,
    }
