from django.apps import AppConfig


class AanvragenConfig(AppConfig):
    name = "verzuimportaal.aanvragen"
    label = "aanvragen"
    verbose_name = "Aanvragen en behandeling"
