from django.apps import AppConfig


class PortaalConfig(AppConfig):
    name = "verzuimportaal.portaal"
    label = "portaal"
