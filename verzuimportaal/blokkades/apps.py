from django.apps import AppConfig


class BlokkadesConfig(AppConfig):
    name = "verzuimportaal.blokkades"
    label = "blokkades"
    verbose_name = "Misbruik en blokkades"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from .middleware import weiger_geblokkeerde_inlog

        user_logged_in.connect(weiger_geblokkeerde_inlog, dispatch_uid="blokkades_inloggen")
