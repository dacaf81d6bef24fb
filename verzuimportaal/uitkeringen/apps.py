from django.apps import AppConfig


class UitkeringenConfig(AppConfig):
    name = "verzuimportaal.uitkeringen"
    label = "uitkeringen"
