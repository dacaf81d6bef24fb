from django.apps import AppConfig


class KoppelingenConfig(AppConfig):
    name = "verzuimportaal.koppelingen"
    verbose_name = "API-koppelingen"
    default_auto_field = "django.db.models.BigAutoField"
