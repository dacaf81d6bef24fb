from celery import shared_task

from . import service


@shared_task(acks_late=True, reject_on_worker_lost=True)
def voer_uit_task(import_uuid: str) -> str | None:
    imp = service.voer_uit(import_uuid=import_uuid)
    return imp.status if imp else None
