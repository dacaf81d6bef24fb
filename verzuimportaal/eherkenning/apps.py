from django.apps import AppConfig


class EherkenningConfig(AppConfig):
    name = "verzuimportaal.eherkenning"
    label = "eherkenning"
    verbose_name = "eHerkenning"
