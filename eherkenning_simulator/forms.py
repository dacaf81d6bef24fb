from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from .models import KVK_VALIDATOR, VESTIGING_VALIDATOR, Dienst, Persoon

TEKSTVELD = "utrecht-textbox utrecht-textbox--html-input"


class SimulatorForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        for veld in self.fields.values():
            if isinstance(veld.widget, forms.TextInput | forms.PasswordInput):
                veld.widget.attrs.setdefault("class", TEKSTVELD)
            if isinstance(veld.widget, forms.Select) and not isinstance(
                veld.widget, forms.RadioSelect | forms.CheckboxSelectMultiple
            ):
                veld.widget.attrs.setdefault("class", "utrecht-select utrecht-select--html-select")


class DienstenVeld(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: Dienst) -> str:
        return f"{obj.nummer}. {obj.naam}"


class PersoonVeld(forms.ModelChoiceField):
    def label_from_instance(self, obj: Persoon) -> str:
        return f"{obj.naam} ({obj.middel.gebruikersnaam}, {obj.middel.niveau})"


class InloggenForm(SimulatorForm):
    gebruikersnaam = forms.CharField(
        label=_("Gebruikersnaam"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    wachtwoord = forms.CharField(
        label=_("Wachtwoord"),
        max_length=200,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class SmsCodeForm(SimulatorForm):
    code = forms.RegexField(
        label=_("Sms-code"),
        regex=r"^\d{6}$",
        help_text=_("De code bestaat uit 6 cijfers en is 5 minuten geldig."),
        error_messages={"invalid": _("Vul de 6 cijfers van de sms-code in.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class KiesOrganisatieForm(SimulatorForm):
    optie = forms.ChoiceField(
        label=_("Namens welke organisatie wilt u inloggen?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies de organisatie waarvoor u wilt inloggen.")},
    )

    def __init__(self, *args: Any, keuzes: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["optie"]
        assert isinstance(veld, forms.ChoiceField)
        veld.choices = keuzes


class MachtigingForm(SimulatorForm):
    persoon = PersoonVeld(
        label=_("Medewerker"),
        queryset=Persoon.objects.none(),
        empty_label=_("Kies een medewerker"),
        error_messages={"required": _("Kies de medewerker die u wilt machtigen.")},
    )
    diensten = DienstenVeld(
        label=_("Diensten"),
        queryset=Dienst.objects.none(),
        error_messages={"required": _("Kies ten minste één dienst.")},
    )
    vestigingsnummer = forms.CharField(
        label=_("Vestigingsnummer (optioneel)"),
        required=False,
        max_length=12,
        validators=[VESTIGING_VALIDATOR],
        help_text=_("Alleen invullen als de machtiging voor één vestiging geldt: 12 cijfers."),
    )

    def __init__(self, *args: Any, personen: QuerySet[Persoon], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["persoon"].queryset = personen  # type: ignore[attr-defined]
        self.fields["diensten"].queryset = Dienst.objects.all()  # type: ignore[attr-defined]


class KetenmachtigingForm(SimulatorForm):
    intermediair_kvk = forms.CharField(
        label=_("KvK-nummer van de intermediair"),
        max_length=8,
        validators=[KVK_VALIDATOR],
        help_text=_("8 cijfers, bijvoorbeeld 73019552."),
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    diensten = DienstenVeld(
        label=_("Diensten waarvoor u de intermediair machtigt"),
        queryset=Dienst.objects.none(),
        error_messages={"required": _("Kies ten minste één dienst.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["diensten"].queryset = Dienst.objects.all()  # type: ignore[attr-defined]


class KetenGebruikerForm(SimulatorForm):
    persoon = PersoonVeld(
        label=_("Medewerker"),
        queryset=Persoon.objects.none(),
        empty_label=_("Kies een medewerker"),
        error_messages={"required": _("Kies de medewerker die u wilt machtigen.")},
    )
    diensten = DienstenVeld(
        label=_("Diensten (een deel van de ketenmachtiging mag)"),
        queryset=Dienst.objects.none(),
        error_messages={"required": _("Kies ten minste één dienst.")},
    )

    def __init__(
        self, *args: Any, personen: QuerySet[Persoon], diensten: QuerySet[Dienst], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["persoon"].queryset = personen  # type: ignore[attr-defined]
        self.fields["diensten"].queryset = diensten  # type: ignore[attr-defined]
