from django.apps import AppConfig


class ReintegratieverslagConfig(AppConfig):
    name = "verzuimportaal.reintegratieverslag"
    label = "reintegratieverslag"
    verbose_name = "Re-integratieverslag WIA"
