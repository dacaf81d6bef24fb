from django.apps import AppConfig


class VerzamelspecificatiesConfig(AppConfig):
    name = "verzuimportaal.verzamelspecificaties"
    label = "verzamelspecificaties"
