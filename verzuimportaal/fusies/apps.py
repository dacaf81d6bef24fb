from django.apps import AppConfig


class FusiesConfig(AppConfig):
    """Transfer of open meldingen after a takeover or merger (seed 001)."""

    name = "verzuimportaal.fusies"
    label = "fusies"
    verbose_name = "Overnames en fusies"
