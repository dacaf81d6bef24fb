from django.apps import AppConfig


class PortaalConfig(AppConfig):
    name = "verzuimportaal.portaal"
    label = "portaal"

    def ready(self) -> None:
        from . import signals

        signals.verbind()
