"""Writes for API clients: register, renew the secret, revoke (ADR 0022).

Whoever registers a client gives it rights: only services the registrant holds, at the level held
(``toegang.verlenen.vereis_eigen_rechten``, ADR 0016). The secret is returned once and stored
hashed by django-oauth-toolkit; nobody can read it back.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oauth2_provider.generators import generate_client_id, generate_client_secret
from oauth2_provider.models import get_application_model

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.toegang.actor import Actor, Niveau
from verzuimportaal.toegang.verlenen import vereis_eigen_rechten

from .models import ApiClient
from .scopenamen import KOPPELBARE_DIENSTEN, rechten_uit_scopes, scopes_uit_niveaus

# "Laatst gebruikt" is written at most once per interval, not on every call.
GEBRUIK_INTERVAL = timedelta(minutes=1)


def _audit(door: Actor, actie: str, client: ApiClient, omschrijving: str) -> None:
    audit.registreer(door=door, actie=actie, onderwerp=client, omschrijving=omschrijving)


def _controleer_niveaus(door: Actor, niveaus: dict[str, str]) -> list[str]:
    onbekend = set(niveaus) - set(KOPPELBARE_DIENSTEN)
    if onbekend:
        raise ValidationError({"diensten": _("Voor deze onderdelen bestaat geen API.")})
    if any(n not in ("", Niveau.BEKIJKEN, Niveau.WIJZIGEN) for n in niveaus.values()):
        raise ValidationError({"diensten": _("Kies per onderdeel geen, bekijken of wijzigen.")})
    scopes = scopes_uit_niveaus(niveaus)
    if not scopes:
        raise ValidationError(
            {"diensten": _("Kies voor ten minste één onderdeel wat de koppeling mag.")}
        )
    rechten, wijzigrechten = rechten_uit_scopes(scopes)
    vereis_eigen_rechten(door=door, diensten=sorted(rechten - wijzigrechten), wijzigen=False)
    vereis_eigen_rechten(door=door, diensten=sorted(wijzigrechten), wijzigen=True)
    return scopes


@transaction.atomic
def registreer_client(*, door: Actor, naam: str, niveaus: dict[str, str]) -> tuple[ApiClient, str]:
    """A new client for the actor's werkgever; returns it and its secret (shown once)."""
    naam = naam.strip()
    if not naam:
        raise ValidationError({"naam": _("Geef de koppeling een naam, bijvoorbeeld het pakket.")})
    scopes = _controleer_niveaus(door, niveaus)
    secret = generate_client_secret()
    Applicatie = get_application_model()
    applicatie = Applicatie.objects.create(
        name=f"{door.werkgever.kvk_nummer} {naam}"[:255],
        client_id=generate_client_id(),
        client_secret=secret,
        client_type=Applicatie.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Applicatie.GRANT_CLIENT_CREDENTIALS,
        skip_authorization=False,
    )
    client = ApiClient.objects.create(
        werkgever=door.werkgever,
        naam=naam,
        applicatie=applicatie,
        client_id=applicatie.client_id,
        scopes=scopes,
        intermediair_kvk_nummer=door.intermediair_kvk_nummer or "",
        loonheffingennummer_ids=(
            sorted(door.loonheffingennummer_ids) if door.loonheffingennummer_ids else None
        ),
        aangemaakt_door_naam=door.weergavenaam[:200],
    )
    _audit(door, Actie.AANMAKEN, client, f"API-koppeling {naam}: {' '.join(scopes)}")
    return client, secret


def _vergrendel(door: Actor, client: ApiClient, *, eigen_rechten: bool) -> ApiClient:
    client = ApiClient.objects.select_for_update().get(pk=client.pk)
    if client.werkgever_id != door.werkgever.pk:
        raise ValidationError(_("Deze koppeling hoort niet bij uw werkgever."))
    if not client.actief:
        raise ValidationError(_("Deze koppeling is ingetrokken. Registreer zo nodig een nieuwe."))
    if eigen_rechten:
        # A new secret hands the client's rights to whoever reads it: only within one's own.
        rechten, wijzigrechten = rechten_uit_scopes(client.scopes)
        vereis_eigen_rechten(door=door, diensten=sorted(rechten - wijzigrechten), wijzigen=False)
        vereis_eigen_rechten(door=door, diensten=sorted(wijzigrechten), wijzigen=True)
    return client


@transaction.atomic
def vernieuw_secret(*, door: Actor, client: ApiClient) -> tuple[ApiClient, str]:
    """A new secret; the old one and every token issued with it stop working at once."""
    client = _vergrendel(door, client, eigen_rechten=True)
    applicatie = client.applicatie
    assert applicatie is not None
    secret = generate_client_secret()
    applicatie.client_secret = secret
    applicatie.save(update_fields=["client_secret", "updated"])
    applicatie.accesstoken_set.all().delete()
    client.secret_vernieuwd_op = timezone.now()
    client.save(update_fields=["secret_vernieuwd_op"])
    _audit(door, Actie.WIJZIGEN, client, "secret van API-koppeling vernieuwd")
    return client, secret


@transaction.atomic
def trek_in(*, door: Actor, client: ApiClient) -> ApiClient:
    """Revoke: the application and all its tokens are deleted; the record stays for the log.
    Anyone with rechtenbeheer may revoke, also a client with more rights (ADR 0016)."""
    client = _vergrendel(door, client, eigen_rechten=False)
    applicatie = client.applicatie
    assert applicatie is not None
    client.applicatie = None
    client.ingetrokken_op = timezone.now()
    client.ingetrokken_door_naam = door.weergavenaam[:200]
    client.save(update_fields=["applicatie", "ingetrokken_op", "ingetrokken_door_naam"])
    applicatie.delete()  # cascades to its access tokens
    _audit(door, Actie.VERWIJDEREN, client, "API-koppeling ingetrokken")
    return client


def markeer_gebruikt(*, client: ApiClient) -> None:
    """Record "laatst gebruikt" (at most once per ``GEBRUIK_INTERVAL``)."""
    nu = timezone.now()
    if client.laatst_gebruikt_op and nu - client.laatst_gebruikt_op < GEBRUIK_INTERVAL:
        return
    ApiClient.objects.filter(pk=client.pk).update(laatst_gebruikt_op=nu)
    client.laatst_gebruikt_op = nu
