from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BewaartermijnenConfig(AppConfig):
    """Retention periods (DOMAIN §4.7): the nightly purge and its record."""

    name = "verzuimportaal.bewaartermijnen"
    label = "bewaartermijnen"
    verbose_name = _("Bewaartermijnen")
