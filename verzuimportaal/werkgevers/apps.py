from django.apps import AppConfig


class WerkgeversConfig(AppConfig):
    name = "verzuimportaal.werkgevers"
    label = "werkgevers"
