from django.apps import AppConfig


class MachtigingenConfig(AppConfig):
    name = "verzuimportaal.machtigingen"
    label = "machtigingen"
