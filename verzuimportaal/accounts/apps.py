from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "verzuimportaal.accounts"
    label = "accounts"
