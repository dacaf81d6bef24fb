from django.apps import AppConfig


class VoorwaardenConfig(AppConfig):
    name = "verzuimportaal.voorwaarden"
    label = "voorwaarden"
