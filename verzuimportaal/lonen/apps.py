from django.apps import AppConfig


class LonenConfig(AppConfig):
    name = "verzuimportaal.lonen"
    label = "lonen"
