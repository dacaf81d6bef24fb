from django.apps import AppConfig


class EigenrisicodragersConfig(AppConfig):
    name = "verzuimportaal.eigenrisicodragers"
    label = "eigenrisicodragers"
    verbose_name = "Eigenrisicodragers"
