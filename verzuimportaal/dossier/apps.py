from django.apps import AppConfig


class DossierConfig(AppConfig):
    name = "verzuimportaal.dossier"
    label = "dossier"

    def ready(self) -> None:
        from . import feiten, termijnen

        termijnen.registreer_dossierbron(feiten.feiten_en_uitgevoerd)
