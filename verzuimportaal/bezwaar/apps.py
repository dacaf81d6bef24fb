from django.apps import AppConfig


class BezwaarConfig(AppConfig):
    name = "verzuimportaal.bezwaar"
    label = "bezwaar"
    verbose_name = "Bezwaar"
