from django.apps import AppConfig


class VerzuimConfig(AppConfig):
    name = "verzuimportaal.verzuim"
    label = "verzuim"
