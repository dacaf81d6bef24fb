from django.apps import AppConfig


class UtilsConfig(AppConfig):
    name = "verzuimportaal.utils"
    label = "utils"
