from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from verzuimportaal.toegang.models import LOKALE_RECHTEN, RECHT_LABELS
from verzuimportaal.utils.forms import PortaalBoundField, PortaalForm
from verzuimportaal.werkgevers.models import Werkgever


class InlogForm(AuthenticationForm):
    bound_field_class = PortaalBoundField
    error_messages = {
        "invalid_login": _(
            "De combinatie van gebruikersnaam en wachtwoord is onjuist. "
            "Let op hoofdletters. Na 5 mislukte pogingen wordt inloggen tijdelijk geblokkeerd."
        ),
        "inactive": _("Dit account is niet actief. Neem contact op met uw hoofdcontactpersoon."),
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["username"].label = gettext("Gebruikersnaam")
        self.fields["password"].label = gettext("Wachtwoord")
        for field in self.fields.values():
            field.widget.attrs["class"] = "utrecht-textbox utrecht-textbox--html-input"
        self.fields["username"].widget = forms.TextInput(
            attrs={
                "class": "utrecht-textbox utrecht-textbox--html-input",
                "autocomplete": "username",
                "autofocus": True,
            }
        )


def _textbox(**attrs: object) -> dict[str, object]:
    return {"class": "utrecht-textbox utrecht-textbox--html-input", **attrs}


class CodeForm(PortaalForm):
    code = forms.CharField(
        label=_("Verificatiecode"),
        max_length=6,
        min_length=6,
        help_text=_("De 6 cijfers uit de sms, de e-mail of uw app."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        error_messages={
            "required": _("Vul de verificatiecode in."),
            "min_length": _("De verificatiecode heeft 6 cijfers."),
            "max_length": _("De verificatiecode heeft 6 cijfers."),
        },
    )
    onthouden = forms.BooleanField(
        label=_("Ingelogd blijven op deze computer"),
        required=False,
        help_text=_(
            "Wij vragen op deze computer dan 30 dagen geen code meer (wel uw wachtwoord). "
            "Vink dit niet aan op een gedeelde computer: wie hem gebruikt, kan dan bij de gegevens."
        ),
    )

    def __init__(self, *args: Any, dagen: int = 30, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["onthouden"].help_text = str(self.fields["onthouden"].help_text).replace(
            "30 dagen", f"{dagen} dagen"
        )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip()
        if not code.isdigit():
            raise forms.ValidationError(gettext("De verificatiecode bestaat uit 6 cijfers."))
        return code


class PortaalSetPasswordForm(auth_forms.SetPasswordForm):
    """Django's form with Dutch labels and the portal's field rendering."""

    bound_field_class = PortaalBoundField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = gettext("Nieuw wachtwoord")
        self.fields["new_password2"].label = gettext("Herhaal het nieuwe wachtwoord")
        self.fields["new_password2"].help_text = ""
        for field in self.fields.values():
            field.widget.attrs.update(_textbox(autocomplete="new-password"))
        self.error_messages = {
            **self.error_messages,
            "password_mismatch": "De twee wachtwoorden zijn niet gelijk. Vul twee keer "
            "hetzelfde nieuwe wachtwoord in.",
        }


class PortaalPasswordChangeForm(PortaalSetPasswordForm, auth_forms.PasswordChangeForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = gettext("Huidig wachtwoord")
        self.fields["old_password"].widget.attrs.update(_textbox(autocomplete="current-password"))
        self.error_messages = {
            **self.error_messages,
            "password_incorrect": "Uw huidige wachtwoord is onjuist. Vul het opnieuw in.",
        }


class WachtwoordVergetenForm(auth_forms.PasswordResetForm):
    bound_field_class = PortaalBoundField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["email"].label = gettext("E-mailadres")
        self.fields["email"].widget.attrs.update(_textbox(autocomplete="email"))


class HerbevestigingMixin(forms.Form):
    """Adds 'Uw wachtwoord' unless the user re-authenticated in the last minutes (DOMAIN §9)."""

    def voeg_herbevestiging_toe(self, gebruiker: Any, nodig: bool) -> None:
        self._gebruiker = gebruiker
        if nodig:
            self.fields["huidig_wachtwoord"] = forms.CharField(
                label=gettext("Uw wachtwoord (ter bevestiging)"),
                help_text=gettext("Voor deze wijziging vragen wij uw wachtwoord opnieuw."),
                widget=forms.PasswordInput(attrs=_textbox(autocomplete="current-password")),
                error_messages={
                    "required": gettext("Vul uw wachtwoord in om de wijziging te bevestigen.")
                },
            )

    def clean_huidig_wachtwoord(self) -> str:
        waarde: str = self.cleaned_data["huidig_wachtwoord"]
        if not self._gebruiker.check_password(waarde):
            raise forms.ValidationError(gettext("Dit wachtwoord is onjuist."))
        return waarde


RECHT_KEUZES = [(str(r), RECHT_LABELS[r]) for r in LOKALE_RECHTEN]


class RechtenForm(HerbevestigingMixin, PortaalForm):
    rechten = forms.MultipleChoiceField(
        label=_("Rechten"),
        choices=RECHT_KEUZES,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "utrecht-checkbox"}),
        required=False,
    )


class AccountForm(RechtenForm):
    aanhef = forms.ChoiceField(
        label=_("Aanhef"),
        choices=[
            ("", _("Geen")),
            ("Beste", _("Beste")),
            ("Geachte heer", _("Geachte heer")),
            ("Geachte mevrouw", _("Geachte mevrouw")),
        ],
        required=False,
    )
    voornaam = forms.CharField(label=_("Voornaam"), max_length=150)
    tussenvoegsels = forms.CharField(label=_("Tussenvoegsels"), max_length=20, required=False)
    achternaam = forms.CharField(label=_("Achternaam"), max_length=120)
    email = forms.EmailField(label=_("E-mailadres"), help_text=_("Eén e-mailadres per account."))
    telefoonnummer = forms.CharField(
        label=_("Mobiel telefoonnummer"),
        max_length=20,
        required=False,
        help_text=_("Voor de verificatiecode per sms. Zonder nummer gaat de code per e-mail."),
    )

    field_order = [
        "aanhef",
        "voornaam",
        "tussenvoegsels",
        "achternaam",
        "email",
        "telefoonnummer",
        "rechten",
    ]


class EmailCollegaForm(HerbevestigingMixin, PortaalForm):
    """The hoofdcontactpersoon corrects a colleague's e-mail address (seed 004)."""

    email = forms.EmailField(
        label=_("E-mailadres"),
        help_text=_(
            "Hierheen gaan de verificatiecodes en meldingen van deze collega. Het oude adres "
            "krijgt een bericht dat het is gewijzigd."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )


class ContactgegevensForm(HerbevestigingMixin, PortaalForm):
    email = forms.EmailField(label=_("E-mailadres"))
    telefoonnummer = forms.CharField(
        label=_("Mobiel telefoonnummer"), max_length=20, required=False
    )


class HoofdcontactpersoonForm(forms.Form):
    """The operator's form (Django admin) with seed 004's fields."""

    werkgever = forms.ModelChoiceField(queryset=Werkgever.objects.order_by("naam"))
    polisnummer = forms.CharField(max_length=30)
    bedrijfsnaam = forms.CharField(max_length=200)
    aanhef = forms.CharField(max_length=20, required=False)
    voornaam = forms.CharField(max_length=150)
    tussenvoegsels = forms.CharField(max_length=20, required=False)
    achternaam = forms.CharField(max_length=120)
    email = forms.EmailField(label=_("E-mailadres"))
    telefoonnummer = forms.CharField(max_length=20)
