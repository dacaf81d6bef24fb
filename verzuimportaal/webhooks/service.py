"""Webhooks: subscribe, stop, publish an event inside the use case's transaction, deliver with
retries (exponential backoff for 24 hours) (ADR 0023).

``publiceer`` is called by the use cases that cause an event (verzuim, berichten, herinneringen),
in their own transaction: a rolled-back melding sends nothing. Deliveries go out after the commit
(Celery) and, for what a worker missed, from the beat task ``verstuur_openstaande``.
"""

import ipaddress
import json
import secrets
import socket
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from verzuimportaal.aanvragen.models import Zaak
from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.koppelingen.models import ApiClient
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.toegang.verlenen import vereis_eigen_rechten
from verzuimportaal.utils.taken import na_commit
from verzuimportaal.werkgevers.service import markeer_gegevens_gewijzigd

from . import ondertekening
from .models import Abonnement, Gebeurtenis, Levering

OPGEVEN_NA = timedelta(hours=24)
MAX_WACHTTIJD = timedelta(hours=4)
CLAIM = timedelta(minutes=5)  # a claimed delivery is retried after this if the worker died
TIMEOUT_SECONDEN = 10
# Every event is about verzuim except a message in the inbox (any actor of the werkgever).
VERZUIMGEBEURTENISSEN = set(Gebeurtenis.values) - {Gebeurtenis.BERICHT_ONTVANGEN}


def wachttijd(pogingen: int) -> timedelta:
    """1, 2, 4, … minutes after the n-th failed attempt, at most ``MAX_WACHTTIJD``."""
    return min(timedelta(minutes=2 ** max(pogingen - 1, 0)), MAX_WACHTTIJD)


def controleer_adres(url: str) -> None:
    """HTTPS only, and never an address inside our own network (SSRF), unless the settings allow
    it (demo and tests: a receiver on 127.0.0.1)."""
    delen = urlsplit(url)
    http_mag = settings.WEBHOOKS_PRIVE_ADRESSEN_TOESTAAN
    if delen.scheme != "https" and not (http_mag and delen.scheme == "http"):
        raise ValidationError({"url": _("Gebruik een https-adres.")})
    if not delen.hostname:
        raise ValidationError({"url": _("Vul een volledig adres in, met https:// en de host.")})
    if http_mag:
        return
    try:
        adressen = {info[4][0] for info in socket.getaddrinfo(delen.hostname, delen.port or 443)}
    except OSError as fout:
        raise ValidationError(
            {"url": _("Deze host bestaat niet (DNS). Controleer het adres.")}
        ) from fout
    for adres in adressen:
        ip = ipaddress.ip_address(str(adres).split("%")[0])
        if not ip.is_global:
            raise ValidationError(
                {"url": _("Dit adres wijst naar een intern netwerk. Gebruik een openbaar adres.")}
            )


@transaction.atomic
def abonneer(
    *,
    door: Actor,
    url: str,
    gebeurtenissen: list[str],
    api_client: ApiClient | None = None,
) -> tuple[Abonnement, str]:
    """A subscription of the actor's werkgever; returns it and its signing secret (shown once)."""
    if not gebeurtenissen or set(gebeurtenissen) - set(Gebeurtenis.values):
        raise ValidationError(
            {"gebeurtenissen": _("Kies ten minste één gebeurtenis uit de lijst.")}
        )
    if set(gebeurtenissen) & VERZUIMGEBEURTENISSEN:
        # Ids of spells tell that someone is sick: only for who may see verzuim.
        vereis_eigen_rechten(
            door=door, diensten=[Dienst.VERZUIM_MELDEN], wijzigen=False, veld="gebeurtenissen"
        )
    if api_client is not None and (
        api_client.werkgever_id != door.werkgever.pk or not api_client.actief
    ):
        raise ValidationError({"api_client": _("Kies een actieve koppeling van uw werkgever.")})
    controleer_adres(url)
    secret = "whsec_" + secrets.token_urlsafe(32)
    abonnement = Abonnement.objects.create(
        werkgever=door.werkgever,
        api_client=api_client,
        url=url,
        secret=secret,
        gebeurtenissen=sorted(set(gebeurtenissen)),
        aangemaakt_door_naam=door.weergavenaam[:200],
    )
    audit.registreer(
        door=door,
        actie=Actie.AANMAKEN,
        onderwerp=abonnement,
        omschrijving=f"webhook voor {', '.join(abonnement.gebeurtenissen)}",
    )
    markeer_gegevens_gewijzigd(werkgever_ids=[door.werkgever.pk])
    return abonnement, secret


@transaction.atomic
def stop(*, door: Actor, abonnement: Abonnement) -> Abonnement:
    abonnement = Abonnement.objects.select_for_update().get(pk=abonnement.pk)
    if abonnement.werkgever_id != door.werkgever.pk:
        raise ValidationError(_("Dit abonnement hoort niet bij uw werkgever."))
    abonnement.actief = False
    abonnement.save(update_fields=["actief"])
    abonnement.leveringen.filter(status=Levering.Status.WACHTEND).update(
        status=Levering.Status.MISLUKT, laatste_fout="Abonnement gestopt."
    )
    audit.registreer(
        door=door, actie=Actie.VERWIJDEREN, onderwerp=abonnement, omschrijving="webhook gestopt"
    )
    markeer_gegevens_gewijzigd(werkgever_ids=[door.werkgever.pk])
    return abonnement


def publiceer(
    *, werkgever_id: int, gebeurtenis: str, object_type: str, object_id: str, sleutel: str
) -> None:
    """One delivery per active subscription for ``gebeurtenis``, in the caller's transaction;
    the same ``sleutel`` is delivered once per subscription. The payload holds ids only."""
    abonnementen = [
        a
        for a in Abonnement.objects.filter(werkgever_id=werkgever_id, actief=True)
        if gebeurtenis in a.gebeurtenissen and (a.api_client_id is None or _client_actief(a))
    ]
    if not abonnementen:
        return
    nu = timezone.now()
    leveringen = []
    for abonnement in abonnementen:
        levering = Levering(
            abonnement=abonnement,
            gebeurtenis=gebeurtenis,
            sleutel=f"{gebeurtenis}:{sleutel}"[:200],
            aangemaakt_op=nu,
            volgende_poging_op=nu,
            payload={},
        )
        levering.payload = {
            "id": str(levering.uuid),
            "type": gebeurtenis,
            "aangemaakt_op": nu.isoformat(),
            "object": {"type": object_type, "id": object_id},
        }
        leveringen.append(levering)
    Levering.objects.bulk_create(leveringen, ignore_conflicts=True)
    for levering in leveringen:
        na_commit(
            "verzuimportaal.webhooks.tasks.lever_af_task",
            str(levering.uuid),
            omschrijving="webhooklevering",
        )


@transaction.atomic
def publiceer_besluit(*, zaak_uuid: str) -> None:
    """The event ``besluit.genomen`` for a decided case (ADR 0023): a follow-up of
    ``aanvragen.service.beslis`` (``na_commit``), so the decision is committed before any receiver
    hears of it. The payload holds the case's id only; running it twice delivers once."""
    zaak = Zaak.objects.filter(uuid=zaak_uuid, besluit_op__isnull=False).first()
    if zaak is None:
        return
    publiceer(
        werkgever_id=zaak.werkgever_id,
        gebeurtenis=Gebeurtenis.BESLUIT_GENOMEN,
        object_type="zaak",
        object_id=str(zaak.uuid),
        sleutel=str(zaak.uuid),
    )


def _client_actief(abonnement: Abonnement) -> bool:
    return abonnement.api_client is not None and abonnement.api_client.actief


def _claim(levering_uuid: str, nu: datetime) -> Levering | None:
    with transaction.atomic():
        levering = (
            Levering.objects.select_for_update(skip_locked=True)
            .select_related("abonnement")
            .filter(
                uuid=levering_uuid,
                status=Levering.Status.WACHTEND,
                volgende_poging_op__lte=nu,
                abonnement__actief=True,
            )
            .first()
        )
        if levering is None:
            return None
        levering.volgende_poging_op = nu + CLAIM
        levering.save(update_fields=["volgende_poging_op"])
        return levering


def lever_af(*, levering_uuid: str) -> bool:
    """One attempt (if due and not claimed by another worker). True when delivered."""
    nu = timezone.now()
    levering = _claim(levering_uuid, nu)
    if levering is None:
        return False
    body = json.dumps(levering.payload, separators=(",", ":")).encode()
    kopjes = ondertekening.headers(
        secret=levering.abonnement.secret,
        levering_id=str(levering.uuid),
        tijdstip=int(nu.timestamp()),
        body=body,
    )
    statuscode: int | None = None
    fout = ""
    try:
        controleer_adres(levering.abonnement.url)  # DNS may have changed since subscribing
        antwoord = requests.post(
            levering.abonnement.url,
            data=body,
            headers=kopjes,
            timeout=TIMEOUT_SECONDEN,
            allow_redirects=False,
        )
        statuscode = antwoord.status_code
        if not 200 <= statuscode < 300:
            fout = f"HTTP {statuscode}"
    except ValidationError as e:
        fout = " ".join(e.messages)
    except requests.RequestException as e:
        fout = type(e).__name__
    _leg_vast(levering, statuscode=statuscode, fout=fout)
    return not fout


def _leg_vast(levering: Levering, *, statuscode: int | None, fout: str) -> None:
    nu = timezone.now()
    levering.pogingen += 1
    levering.laatste_statuscode = statuscode
    levering.laatste_fout = fout[:300]
    if not fout:
        levering.status = Levering.Status.AFGELEVERD
        levering.afgeleverd_op = nu
    else:
        volgende = nu + wachttijd(levering.pogingen)
        if volgende - levering.aangemaakt_op > OPGEVEN_NA:
            levering.status = Levering.Status.MISLUKT
        levering.volgende_poging_op = volgende
    levering.save(
        update_fields=[
            "pogingen",
            "laatste_statuscode",
            "laatste_fout",
            "status",
            "afgeleverd_op",
            "volgende_poging_op",
        ]
    )


def verstuur_openstaande(*, maximaal: int = 500) -> int:
    """Attempt every due delivery (retries and what a worker missed). Returns the number sent."""
    nu = timezone.now()
    uuids = Levering.objects.filter(
        status=Levering.Status.WACHTEND, volgende_poging_op__lte=nu, abonnement__actief=True
    ).values_list("uuid", flat=True)[:maximaal]
    return sum(lever_af(levering_uuid=str(u)) for u in uuids)
