from django.apps import AppConfig


class RuntimeConfig(AppConfig):
    name = "verzuimportaal.runtime"
    label = "runtime"
    verbose_name = "Productieomgeving"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the deploy checks)
