from django.apps import AppConfig


class DoelgroepregisterConfig(AppConfig):
    name = "verzuimportaal.doelgroepregister"
    label = "doelgroepregister"
    verbose_name = "Doelgroepregister banenafspraak"
