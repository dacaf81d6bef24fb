"""What the portal keeps about an eHerkenning person beyond the broker's pseudonym (ADR 0025).

The broker gives a pseudonym, the represented KvK and the services, never a name or an e-mail
address (DOMAIN §2). At the first login the person gives a display name and an e-mail address,
confirmed with a code sent to it; the name then appears in the header, the timeline, the audit
log and on letters instead of a pseudonym, and reminders reach the person by e-mail.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EHerkenningProfiel(models.Model):
    gebruiker = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="eherkenning_profiel"
    )
    kvk_nummer = models.CharField(_("KvK-nummer vertegenwoordigde organisatie"), max_length=8)
    weergavenaam = models.CharField(_("naam"), max_length=100, blank=True)
    email = models.EmailField(_("bevestigd e-mailadres"), blank=True)
    email_bevestigd_op = models.DateTimeField(null=True, blank=True)
    # An address waiting for its code: only the code's hash is kept, with its expiry and the
    # number of wrong tries.
    nieuw_email = models.EmailField(_("te bevestigen e-mailadres"), blank=True)
    code_hash = models.CharField(max_length=64, blank=True)
    code_geldig_tot = models.DateTimeField(null=True, blank=True)
    code_pogingen = models.PositiveSmallIntegerField(default=0)
    # The services of the latest login (the broker's machtiging): who may report sickness gets
    # the Poortwachter reminders, like a local account with that right.
    diensten = models.JSONField(default=list, blank=True)
    laatst_ingelogd_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("eHerkenning-gebruiker")
        verbose_name_plural = _("eHerkenning-gebruikers")

    def __str__(self) -> str:
        return self.weergavenaam or str(_("eHerkenning-gebruiker"))

    @property
    def compleet(self) -> bool:
        return bool(self.weergavenaam and self.email_bevestigd_op)
