from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReintegratieverslagConfig(AppConfig):
    name = "verzuimportaal.reintegratieverslag"
    label = "reintegratieverslag"
    verbose_name = _("Re-integratieverslag WIA")
