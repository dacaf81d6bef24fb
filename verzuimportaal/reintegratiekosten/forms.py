from decimal import Decimal
from typing import TYPE_CHECKING

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from verzuimportaal.utils.forms import PortaalForm
from verzuimportaal.verzuim.models import Verzuimgeval

from .models import AdviesOpgevolgd

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

DATUMFORMATEN = ["%d-%m-%Y", "%Y-%m-%d"]
GEEN_MEDISCHE_GEGEVENS = _("Vermeld geen medische gegevens.")


def _bedragveld(label: "StrOrPromise") -> forms.DecimalField:
    return forms.DecimalField(
        label=label, min_value=Decimal("0.01"), max_digits=10, decimal_places=2, localize=True
    )


class VerzuimgevalKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj: Verzuimgeval) -> str:
        return (
            f"{obj.verzuimnummer}: {obj.werknemer.volledige_naam} ({obj.eerste_ziektedag:%d-%m-%Y})"
        )


class AanvraagForm(PortaalForm):
    verzuimgeval = VerzuimgevalKeuze(
        label=_("Verzuim"), queryset=Verzuimgeval.objects.none(), to_field_name="uuid"
    )
    omschrijving = forms.CharField(
        label=_("Omschrijving van de kosten"),
        max_length=200,
        help_text=format_lazy(
            "{} {}",
            _("Bijvoorbeeld: coaching, werkplekaanpassing, re-integratietraject."),
            GEEN_MEDISCHE_GEGEVENS,
        ),
    )
    aanbieder = forms.CharField(label=_("Aanbieder"), max_length=200)
    begroot_bedrag = _bedragveld(_("Begroot bedrag (€)"))

    def __init__(self, *args: object, verzuimgevallen: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["verzuimgeval"].queryset = verzuimgevallen  # type: ignore[attr-defined]


class BeoordelingForm(PortaalForm):
    besluit = forms.ChoiceField(
        label=_("Besluit"),
        choices=[("goedkeuren", _("Goedkeuren")), ("afwijzen", _("Afwijzen"))],
        widget=forms.RadioSelect,
    )
    goedgekeurd_bedrag = forms.DecimalField(
        label=_("Goedgekeurd bedrag (€)"),
        required=False,
        min_value=Decimal("0.01"),
        max_digits=10,
        decimal_places=2,
        localize=True,
        help_text=_("Het hoogste bedrag dat de verzekeraar vergoedt."),
    )
    toelichting = forms.CharField(
        label=_("Toelichting"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=format_lazy("{} {}", _("Verplicht bij een afwijzing."), GEEN_MEDISCHE_GEGEVENS),
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("besluit") == "goedkeuren" and not data.get("goedgekeurd_bedrag"):
            self.add_error("goedgekeurd_bedrag", _("Vul het goedgekeurde bedrag in."))
        return data


class DeclaratieForm(PortaalForm):
    notabedrag = _bedragveld(_("Bedrag van de nota (€)"))
    nota_ontvangen_op = forms.DateField(
        label=_("Nota ontvangen op"),
        input_formats=DATUMFORMATEN,
        help_text=_("Declareer binnen een maand na ontvangst; verlengen kan niet (dd-mm-jjjj)."),
    )
    nota = forms.FileField(
        label=_("Nota en declaratieformulier"),
        help_text=_("Eén PDF, of een scan als JPEG of PNG."),
    )


class BetalingForm(PortaalForm):
    betaald_op = forms.DateField(label=_("Betaald op"), input_formats=DATUMFORMATEN)


class LoonsanctieForm(PortaalForm):
    besluit_ontvangen_op = forms.DateField(
        label=_("Besluit van UWV ontvangen op"),
        input_formats=DATUMFORMATEN,
        help_text=_("Meld de loonsanctie binnen 5 werkdagen na ontvangst (dd-mm-jjjj)."),
    )
    weken = forms.IntegerField(
        label=_("Duur van de loonsanctie (weken)"), min_value=1, max_value=52
    )
    advies_opgevolgd = forms.ChoiceField(
        label=_("Heeft u het advies van de arbodienst of casemanager opgevolgd?"),
        choices=AdviesOpgevolgd.choices,
        widget=forms.RadioSelect,
    )
    toelichting = forms.CharField(
        label=_("Toelichting"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=GEEN_MEDISCHE_GEGEVENS,
    )
