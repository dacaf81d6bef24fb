from django.apps import AppConfig


class OntslagConfig(AppConfig):
    name = "verzuimportaal.ontslag"
    label = "ontslag"
    verbose_name = "Ontslagaanvraag en compensatie transitievergoeding"
