from celery import shared_task

from . import service


@shared_task(acks_late=True, reject_on_worker_lost=True)
def lever_af_task(levering_uuid: str) -> bool:
    return service.lever_af(levering_uuid=levering_uuid)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def verstuur_openstaande_task() -> int:
    return service.verstuur_openstaande()


@shared_task(acks_late=True, reject_on_worker_lost=True)
def publiceer_besluit_task(zaak_uuid: str) -> None:
    service.publiceer_besluit(zaak_uuid=zaak_uuid)
