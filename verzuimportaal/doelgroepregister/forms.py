from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from verzuimportaal.utils.elfproef import normaliseer_nummer
from verzuimportaal.utils.forms import DatumInput, PortaalForm
from verzuimportaal.utils.validators import valideer_bsn
from verzuimportaal.werkgevers.models import Loonheffingennummer


class BsnForm(PortaalForm):
    bsn = forms.CharField(
        label=_("Burgerservicenummer (BSN)"),
        max_length=11,
        help_text=_("9 cijfers. U ziet alleen of de persoon in het doelgroepregister staat."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )

    def clean_bsn(self) -> str:
        bsn = normaliseer_nummer(self.cleaned_data["bsn"])
        valideer_bsn(bsn)
        return bsn


class LoonheffingennummerForm(PortaalForm):
    loonheffingennummer = forms.ModelChoiceField(
        label=_("Loonheffingennummer"),
        queryset=Loonheffingennummer.objects.none(),
        empty_label=None,
        help_text=_("U ziet per werknemer in dienst of hij of zij in het register staat."),
    )

    def __init__(self, *args: Any, nummers: QuerySet[Loonheffingennummer], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        veld = self.fields["loonheffingennummer"]
        veld.queryset = nummers.order_by("nummer")  # type: ignore[attr-defined]
        veld.label_from_instance = lambda n: n.nummer  # type: ignore[attr-defined]


class RegisterimportForm(PortaalForm):
    bestand = forms.FileField(
        label=_("Bestand (CSV of Excel)"),
        help_text=_(
            "Eerste regel: de kolomnaam 'bsn'; daarna één BSN per regel, het hele register."
        ),
    )
    peildatum = forms.DateField(
        label=_("Stand van"), widget=DatumInput(), help_text=_("De datum van de gegevens van UWV.")
    )
