from django.apps import AppConfig


class BerichtenConfig(AppConfig):
    name = "verzuimportaal.berichten"
    label = "berichten"
