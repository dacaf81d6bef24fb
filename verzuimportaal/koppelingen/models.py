"""API clients (system koppelingen) of a werkgever: an OAuth2 client-credentials application
with scopes per service and level, registered in the portal by the rechtenbeheerder (ADR 0022)."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from oauth2_provider.settings import oauth2_settings

from verzuimportaal.toegang.actor import Niveau
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.werkgevers.models import Werkgever

from .scopenamen import rechten_uit_scopes


class ApiClientQuerySet(models.QuerySet["ApiClient"]):
    def actief(self) -> "ApiClientQuerySet":
        return self.filter(ingetrokken_op__isnull=True, applicatie__isnull=False)


class ApiClient(models.Model):
    """``applicatie`` is the django-oauth-toolkit application (its secret stored hashed); on
    revocation it is deleted with all its tokens, so the client id no longer authenticates.
    ``client_id`` is kept here so the portal and the audit log keep naming the client."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    werkgever = models.ForeignKey(
        Werkgever, on_delete=models.CASCADE, related_name="api_clients", verbose_name=_("werkgever")
    )
    naam = models.CharField(_("naam"), max_length=100)
    applicatie = models.OneToOneField(
        oauth2_settings.APPLICATION_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="api_client",
    )
    client_id = models.CharField(_("client-id"), max_length=100, unique=True)
    scopes = models.JSONField(_("scopes"), default=list)
    # Route B / ketenmachtiging: the intermediary that registered it, and its number limit.
    intermediair_kvk_nummer = models.CharField(
        _("KvK-nummer intermediair"), max_length=8, blank=True
    )
    loonheffingennummer_ids = models.JSONField(null=True, blank=True)
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    aangemaakt_door_naam = models.CharField(_("aangemaakt door"), max_length=200)
    secret_vernieuwd_op = models.DateTimeField(_("secret vernieuwd op"), null=True, blank=True)
    laatst_gebruikt_op = models.DateTimeField(_("laatst gebruikt op"), null=True, blank=True)
    ingetrokken_op = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)
    ingetrokken_door_naam = models.CharField(_("ingetrokken door"), max_length=200, blank=True)

    objects = ApiClientQuerySet.as_manager()

    class Meta:
        verbose_name = _("API-koppeling")
        verbose_name_plural = _("API-koppelingen")
        ordering = ["naam", "pk"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.client_id})"

    @property
    def actief(self) -> bool:
        return self.ingetrokken_op is None and self.applicatie_id is not None

    def dienstniveaus(self) -> list[tuple[str, str]]:
        """(service label, level label) pairs for the pages."""
        rechten, wijzigrechten = rechten_uit_scopes(self.scopes)
        return [
            (
                Dienst(d).label,
                str(Niveau.WIJZIGEN.label if d in wijzigrechten else Niveau.BEKIJKEN.label),
            )
            for d in sorted(rechten)
        ]
