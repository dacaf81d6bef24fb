from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "verzuimportaal.imports"
    verbose_name = "Importeren van werknemers"
    default_auto_field = "django.db.models.BigAutoField"
