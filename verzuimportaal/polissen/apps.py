from django.apps import AppConfig


class PolissenConfig(AppConfig):
    name = "verzuimportaal.polissen"
    label = "polissen"
