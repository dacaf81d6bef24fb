from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "verzuimportaal.audit"
    label = "audit"
