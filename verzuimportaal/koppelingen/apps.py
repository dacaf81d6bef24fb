from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KoppelingenConfig(AppConfig):
    name = "verzuimportaal.koppelingen"
    verbose_name = _("API-koppelingen")
    default_auto_field = "django.db.models.BigAutoField"
