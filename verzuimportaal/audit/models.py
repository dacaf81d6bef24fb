"""The audit trail: who saw or changed what, when, via which route (DOMAIN §3, §9; seed 003).

Append-only. ``save()`` refuses updates and ``delete()`` refuses; querysets refuse bulk ``update()``
and ``delete()``; on PostgreSQL a trigger (migration 0002) refuses UPDATE and DELETE in the database
itself. The only change the trigger lets through is Django's ``SET_NULL`` when a user account is
removed: the snapshot fields (weergavenaam, pseudoniem, KvK numbers) keep saying who it was.
"""

import functools
from typing import Any, NoReturn

from django.apps import apps
from django.conf import settings
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from verzuimportaal.toegang.actor import Route
from verzuimportaal.werkgevers.models import Werkgever

USER_AGENT_LENGTE = 255


class AuditregelGewijzigd(Exception):
    """An attempt to change or remove an audit row."""


class Actie(models.TextChoices):
    INZIEN = "inzien", _("Inzien")
    AANMAKEN = "aanmaken", _("Aanmaken")
    WIJZIGEN = "wijzigen", _("Wijzigen")
    VERWIJDEREN = "verwijderen", _("Verwijderen")
    DOWNLOADEN = "downloaden", _("Downloaden")
    EXPORTEREN = "exporteren", _("Exporteren")
    TOEGANG = "toegang", _("Toegang")


@functools.cache
def _soortnamen() -> dict[str, Any]:
    """Model name → (lazy) verbose name of every model, built once."""
    return {
        model._meta.model_name: model._meta.verbose_name
        for model in apps.get_models()
        if model._meta.model_name
    }


class AuditregelQuerySet(models.QuerySet["Auditregel"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AuditregelGewijzigd("Auditregels kunnen niet worden gewijzigd.")

    def delete(self) -> NoReturn:
        raise AuditregelGewijzigd("Auditregels kunnen niet worden verwijderd.")


class Auditregel(models.Model):
    tijdstip = models.DateTimeField(_("tijdstip"), default=timezone.now, editable=False)
    werkgever = models.ForeignKey(
        Werkgever,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("werkgever"),
    )
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("account"),
    )
    # Snapshots: the row must keep saying who acted, also after accounts or names change.
    weergavenaam = models.CharField(_("naam"), max_length=200, blank=True)
    pseudoniem = models.CharField(
        _("pseudoniem (eHerkenning)"), max_length=200, blank=True
    )  # ActingSubjectID, DOMAIN §2
    route = models.CharField(_("route"), max_length=20, choices=Route.choices, blank=True)
    kvk_nummer = models.CharField(_("KvK-nummer (vertegenwoordigd)"), max_length=8, blank=True)
    intermediair_kvk_nummer = models.CharField(
        _("KvK-nummer intermediair"), max_length=8, blank=True
    )
    actie = models.CharField(_("actie"), max_length=20, choices=Actie.choices)
    object_type = models.CharField(_("soort gegeven"), max_length=50)
    object_id = models.CharField(_("kenmerk"), max_length=64, blank=True)  # uuid or pk; never a BSN
    omschrijving = models.CharField(_("omschrijving"), max_length=255, blank=True)
    ip_adres = models.GenericIPAddressField(_("IP-adres"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=USER_AGENT_LENGTE, blank=True)

    objects = AuditregelQuerySet.as_manager()

    class Meta:
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditregels")
        ordering = ["-tijdstip", "-pk"]
        # The log page and export per werkgever, newest first, also filtered by action or kind
        # (bench/audit.py: a million rows per werkgever).
        indexes = [
            models.Index(fields=["werkgever", "tijdstip"], name="audit_werkgever_tijdstip"),
            models.Index(
                fields=["werkgever", "actie", "tijdstip"], name="audit_werkgever_actie_tijd"
            ),
            models.Index(
                fields=["werkgever", "object_type", "tijdstip"], name="audit_werkgever_soort_tijd"
            ),
        ]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.weergavenaam} {self.actie} {self.object_type}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AuditregelGewijzigd("Auditregels kunnen niet worden gewijzigd.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AuditregelGewijzigd("Auditregels kunnen niet worden verwijderd.")

    @property
    def soortnaam(self) -> str:
        """The kind of data in the active language: the verbose name of the model whose name is
        stored (``werknemer`` → "werknemer" / "employee"), else the stored name itself."""
        return str(_soortnamen().get(self.object_type, self.object_type))

    def url(self) -> str | None:
        """The page of the logged object, if it has one (the page checks access itself)."""
        naam = {"werknemer": "werknemers:detail", "verzuimgeval": "verzuim:detail"}.get(
            self.object_type
        )
        if naam is None or not self.object_id:
            return None
        try:
            return reverse(naam, args=[self.object_id])
        except NoReverseMatch:
            return None
