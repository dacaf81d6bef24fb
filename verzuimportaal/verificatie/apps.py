from django.apps import AppConfig


class VerificatieConfig(AppConfig):
    name = "verzuimportaal.verificatie"
    label = "verificatie"
