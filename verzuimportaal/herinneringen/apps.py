from django.apps import AppConfig


class HerinneringenConfig(AppConfig):
    name = "verzuimportaal.herinneringen"
    label = "herinneringen"
