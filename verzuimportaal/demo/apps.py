from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "verzuimportaal.demo"
    label = "demo"
