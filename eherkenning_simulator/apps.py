from django.apps import AppConfig


class EherkenningSimulatorConfig(AppConfig):
    """eHerkenning simulator: leverancier, beheermodule and makelaar (OIDC) for demo and tests.

    Never installed in production (README.md). The portal talks to it only over HTTP.
    """

    name = "eherkenning_simulator"
    label = "eherkenning_simulator"
    verbose_name = "eHerkenning simulator"
    default_auto_field = "django.db.models.BigAutoField"
