from django.apps import AppConfig


class DossierConfig(AppConfig):
    name = "verzuimportaal.dossier"
    label = "dossier"

    def ready(self) -> None:
        from . import feiten, termijnen

        termijnen.registreer_feitenbron(feiten.gevalfeiten)
        termijnen.registreer_uitvoeringsbron(feiten.uitgevoerde_stappen)
