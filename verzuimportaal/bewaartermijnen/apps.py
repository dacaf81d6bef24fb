from django.apps import AppConfig


class BewaartermijnenConfig(AppConfig):
    """Retention periods (DOMAIN §4.7): the nightly purge and its record."""

    name = "verzuimportaal.bewaartermijnen"
    label = "bewaartermijnen"
    verbose_name = "Bewaartermijnen"
