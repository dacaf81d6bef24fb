from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BezwaarConfig(AppConfig):
    name = "verzuimportaal.bezwaar"
    label = "bezwaar"
    verbose_name = _("Bezwaar")
