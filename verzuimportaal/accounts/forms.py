from django import forms
from django.contrib.auth.forms import AuthenticationForm

from verzuimportaal.utils.forms import PortaalBoundField


class InlogForm(AuthenticationForm):
    bound_field_class = PortaalBoundField
    error_messages = {
        "invalid_login": "De combinatie van gebruikersnaam en wachtwoord is onjuist. "
        "Let op hoofdletters. Na 5 mislukte pogingen wordt inloggen tijdelijk geblokkeerd.",
        "inactive": "Dit account is niet actief. Neem contact op met uw hoofdcontactpersoon.",
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["username"].label = "Gebruikersnaam"
        self.fields["password"].label = "Wachtwoord"
        for field in self.fields.values():
            field.widget.attrs["class"] = "utrecht-textbox utrecht-textbox--html-input"
        self.fields["username"].widget = forms.TextInput(
            attrs={
                "class": "utrecht-textbox utrecht-textbox--html-input",
                "autocomplete": "username",
                "autofocus": True,
            }
        )
