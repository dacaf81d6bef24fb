from django.apps import AppConfig


class FacturenConfig(AppConfig):
    name = "verzuimportaal.facturen"
    label = "facturen"
