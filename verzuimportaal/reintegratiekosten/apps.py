from django.apps import AppConfig


class ReintegratiekostenConfig(AppConfig):
    name = "verzuimportaal.reintegratiekosten"
    label = "reintegratiekosten"
