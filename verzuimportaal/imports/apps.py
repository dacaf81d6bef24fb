from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "verzuimportaal.imports"
    verbose_name = _("Importeren van werknemers")
    default_auto_field = "django.db.models.BigAutoField"
