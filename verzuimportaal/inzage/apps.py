from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InzageConfig(AppConfig):
    """Inzage (AVG art. 15): everything held about one werknemer, as JSON and PDF."""

    name = "verzuimportaal.inzage"
    label = "inzage"
    verbose_name = _("Inzage")
