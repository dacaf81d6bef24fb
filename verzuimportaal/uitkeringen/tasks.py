"""Thin Celery task for the monthly benefit run (DOMAIN §7.3, ADR 0030)."""

from datetime import date

from celery import shared_task

from verzuimportaal.polissen.uitvoerder import Uitvoerder
from verzuimportaal.verzamelspecificaties import service as verzamelspecificaties

from . import service


@shared_task(acks_late=True)
def maandrun_task(maand: str | None = None) -> dict[str, object]:
    """Beat runs this on the first days of each month for the month just ended.

    Running it again (a retry, the next day's beat) returns the finished run and pays nothing twice.
    First the UWV lines the portal computes for that month (DOMAIN §7.2), so the run deducts them
    (ADR 0046); that step is idempotent too.
    """
    doel = date.fromisoformat(maand) if maand else service.laatste_afgesloten_maand()
    specificaties = verzamelspecificaties.stel_specificaties_op(door=Uitvoerder(), maand=doel)
    resultaat = service.voer_maandrun_uit(door=Uitvoerder(), maand=doel)
    return {
        "maand": resultaat.run.maand.isoformat(),
        "nieuw": resultaat.nieuw,
        "regels": resultaat.run.aantal_regels,
        "overgeslagen": resultaat.run.overgeslagen,
        "uwv_regels": specificaties,
    }
