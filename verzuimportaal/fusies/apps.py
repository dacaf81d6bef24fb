from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FusiesConfig(AppConfig):
    """Transfer of open meldingen after a takeover or merger (seed 001)."""

    name = "verzuimportaal.fusies"
    label = "fusies"
    verbose_name = _("Overnames en fusies")
