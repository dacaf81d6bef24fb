from django import forms
from django.utils.translation import gettext_lazy as _

from verzuimportaal.utils.forms import PortaalForm


class GegevensForm(PortaalForm):
    weergavenaam = forms.CharField(
        label=_("Uw naam"),
        max_length=100,
        help_text=_(
            "Zo ziet uw organisatie wie iets heeft gedaan: in het dossier, het auditlog en op "
            "brieven. eHerkenning geeft ons alleen een code, geen naam."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Vul uw naam in.")},
    )
    email = forms.EmailField(
        label=_("Uw e-mailadres"),
        max_length=254,
        help_text=_(
            "Hierheen sturen wij herinneringen aan termijnen. U krijgt eerst een code om het "
            "adres te bevestigen."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Vul uw e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl."),
        },
    )


class EmailCodeForm(PortaalForm):
    code = forms.CharField(
        label=_("Code uit de e-mail"),
        max_length=6,
        min_length=6,
        help_text=_("De 6 cijfers uit de e-mail die wij u net stuurden."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        error_messages={
            "required": _("Vul de code uit de e-mail in."),
            "min_length": _("De code heeft 6 cijfers."),
            "max_length": _("De code heeft 6 cijfers."),
        },
    )

    def clean_code(self) -> str:
        code: str = self.cleaned_data["code"].strip()
        if not code.isdigit():
            raise forms.ValidationError(_("De code bestaat uit 6 cijfers."))
        return code
