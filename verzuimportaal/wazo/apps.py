from django.apps import AppConfig


class WazoConfig(AppConfig):
    name = "verzuimportaal.wazo"
    label = "wazo"
    verbose_name = "WAZO-verlof"
