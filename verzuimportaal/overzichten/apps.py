from django.apps import AppConfig


class OverzichtenConfig(AppConfig):
    name = "verzuimportaal.overzichten"
    label = "overzichten"
