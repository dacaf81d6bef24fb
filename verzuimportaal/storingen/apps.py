from django.apps import AppConfig


class StoringenConfig(AppConfig):
    name = "verzuimportaal.storingen"
    label = "storingen"
    verbose_name = "Storingen en onderhoud"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from .middleware import weiger_inlog_tijdens_onderbreking

        user_logged_in.connect(weiger_inlog_tijdens_onderbreking, dispatch_uid="storingen_inloggen")
