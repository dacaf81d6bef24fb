from django.apps import AppConfig


class WerknemersConfig(AppConfig):
    name = "verzuimportaal.werknemers"
    label = "werknemers"
