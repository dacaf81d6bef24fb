from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WazoConfig(AppConfig):
    name = "verzuimportaal.wazo"
    label = "wazo"
    verbose_name = _("WAZO-verlof")
