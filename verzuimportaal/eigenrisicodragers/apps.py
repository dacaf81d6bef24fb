from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EigenrisicodragersConfig(AppConfig):
    name = "verzuimportaal.eigenrisicodragers"
    label = "eigenrisicodragers"
    verbose_name = _("Eigenrisicodragers")
