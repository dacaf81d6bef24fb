from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "verzuimportaal.api"
    label = "api"
    verbose_name = "API"
