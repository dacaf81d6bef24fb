from django.apps import AppConfig


class StatistiekConfig(AppConfig):
    name = "verzuimportaal.statistiek"
    label = "statistiek"
