from typing import Any

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy

from verzuimportaal.toegang.actor import Niveau
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils.forms import PortaalForm
from verzuimportaal.werkgevers.models import Loonheffingennummer

from .models import ADVISEURDIENSTEN, STANDAARD_ADVISEURDIENSTEN

KEUZES = "machtigingen/veld_keuzes.html"
CHECKBOX = "utrecht-checkbox utrecht-checkbox--html-input"


class NummerKeuze(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Loonheffingennummer) -> str:
        return f"{obj.nummer} {obj.omschrijving}".strip()


class ToegangVerlenenForm(PortaalForm):
    kvk_nummer = forms.CharField(
        label=gettext_lazy("KvK-nummer van uw adviseur"),
        max_length=8,
        min_length=8,
        validators=[
            RegexValidator(r"^\d{8}$", gettext_lazy("Een KvK-nummer bestaat uit 8 cijfers."))
        ],
        help_text=gettext_lazy(
            "Het KvK-nummer waarmee uw adviseur inlogt met zijn of haar eigen "
            "eHerkenningsmiddel. U verleent toegang aan de organisatie, niet aan een persoon."
        ),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    niveau = forms.ChoiceField(
        label=gettext_lazy("Niveau"),
        choices=Niveau.choices,
        initial=Niveau.BEKIJKEN,
        widget=forms.RadioSelect,
        help_text=gettext_lazy("U kunt het niveau later altijd wijzigen."),
    )
    diensten = forms.MultipleChoiceField(
        label=gettext_lazy("Onderdelen"),
        choices=[(d, Dienst(d).label) for d in ADVISEURDIENSTEN],
        initial=list(STANDAARD_ADVISEURDIENSTEN),
        widget=forms.CheckboxSelectMultiple,
        template_name=KEUZES,  # type: ignore[call-arg]  # Django 5.0+, not in the stubs yet
        help_text=gettext_lazy(
            "Rechtenbeheer geeft u nooit aan een adviseur: alleen uw eigen organisatie "
            "bepaalt wie toegang heeft."
        ),
    )
    loonheffingennummers = NummerKeuze(
        label=gettext_lazy("Loonheffingennummers"),
        queryset=Loonheffingennummer.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        template_name=KEUZES,
        help_text=gettext_lazy(
            "Kiest u niets, dan geldt de toegang voor al uw loonheffingennummers."
        ),
    )

    def __init__(self, *args: Any, loonheffingennummers: Any, vraag_email: bool, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["loonheffingennummers"].queryset = loonheffingennummers  # type: ignore[attr-defined]
        for naam in ("diensten", "loonheffingennummers"):
            self.fields[naam].widget.attrs["class"] = CHECKBOX
        if vraag_email:
            self.fields["email"] = forms.EmailField(
                label=gettext_lazy("Uw e-mailadres voor de bevestigingslink"),
                widget=forms.EmailInput(
                    attrs={"autocomplete": "email", "class": "utrecht-textbox"}
                ),
            )


class NiveauForm(PortaalForm):
    niveau = forms.ChoiceField(
        label=gettext_lazy("Niveau"), choices=Niveau.choices, widget=forms.RadioSelect
    )


class BevestigForm(PortaalForm):
    t = forms.CharField(widget=forms.HiddenInput, required=False, max_length=100)
