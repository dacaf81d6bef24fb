from django.apps import AppConfig


class ToegangConfig(AppConfig):
    name = "verzuimportaal.toegang"
    label = "toegang"
