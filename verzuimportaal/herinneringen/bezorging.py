"""Sending one reminder e-mail (the task behind the outbox): delivery, not a use case.

It records only its own delivery (attempts, last error, sent at) on the reminder row, like the
inbox's notification task; the run that created the reminder wrote the audit row (ADR 0013).
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from verzuimportaal.accounts.taal import in_taal_van

from .models import Herinnering
from .service import onderwerp, tekst


def verstuur_mail(*, herinnering_id: int) -> bool:
    """Send one reminder e-mail unless already sent; records attempts and the last error.

    Returns whether a mail was sent now. A failure is recorded and re-raised so the task retries.
    """
    fout: Exception | None = None
    with transaction.atomic():
        h = (
            Herinnering.objects.select_for_update(of=("self",))
            .select_related("verzuimgeval")
            .filter(pk=herinnering_id, verzonden_op__isnull=True)
            .exclude(ontvanger_email="")
            .first()
        )
        if h is None:
            return False  # already sent (a retry or a second delivery of the task), or gone
        with in_taal_van(h.ontvanger_id):  # the recipient's language (ADR 0044)
            bericht_onderwerp, bericht = onderwerp(h), tekst(h)
        try:
            send_mail(
                subject=bericht_onderwerp,
                message=bericht,
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[h.ontvanger_email],
                fail_silently=False,
            )
        except Exception as exc:  # recorded below, outside this transaction, then re-raised
            fout = exc
        else:
            h.verzonden_op = timezone.now()
            h.pogingen += 1
            h.laatste_fout = ""
            h.save(update_fields=["verzonden_op", "pogingen", "laatste_fout"])
            return True
    Herinnering.objects.filter(pk=herinnering_id).update(
        pogingen=F("pogingen") + 1, laatste_fout=f"{type(fout).__name__}: {fout}"[:1000]
    )
    raise fout
