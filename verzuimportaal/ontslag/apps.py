from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OntslagConfig(AppConfig):
    name = "verzuimportaal.ontslag"
    label = "ontslag"
    verbose_name = _("Ontslagaanvraag en compensatie transitievergoeding")
