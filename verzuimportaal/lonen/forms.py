from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from verzuimportaal.utils.forms import PortaalForm


class _Loonvelden(PortaalForm):
    """The wage fields of one werknemer (DOMAIN §7.3), for a dated wage and the January table."""

    bruto_jaarloon = forms.DecimalField(
        label=_("Bruto jaarloon (€)"),
        min_value=Decimal(0),
        max_digits=12,
        decimal_places=2,
        localize=True,
    )
    vakantiegeld_percentage = forms.DecimalField(
        label=_("Vakantiegeld (%)"),
        min_value=Decimal(0),
        max_value=Decimal(100),
        max_digits=5,
        decimal_places=2,
        localize=True,
    )
    vaste_onderdelen = forms.DecimalField(
        label=_("Vaste looncomponenten per jaar (€)"),
        min_value=Decimal(0),
        max_digits=12,
        decimal_places=2,
        localize=True,
    )


class LoonForm(_Loonvelden):
    ingangsdatum = forms.DateField(
        label=_("Ingangsdatum"),
        help_text=_("Vanaf deze dag geldt het loon (dd-mm-jjjj)."),
        input_formats=["%d-%m-%Y", "%Y-%m-%d"],
    )
    field_order = ["ingangsdatum", "bruto_jaarloon", "vakantiegeld_percentage", "vaste_onderdelen"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["vakantiegeld_percentage"].initial = Decimal(8)
        self.fields["vaste_onderdelen"].initial = Decimal(0)
        self.fields[
            "vaste_onderdelen"
        ].help_text = "Bijvoorbeeld een vaste eindejaarsuitkering; 0 als die er niet zijn."


class JanuariloonForm(_Loonvelden):
    """One row of the January table (the werknemer by uuid, hidden)."""

    werknemer = forms.UUIDField(widget=forms.HiddenInput)
    field_order = ["werknemer", "bruto_jaarloon", "vakantiegeld_percentage", "vaste_onderdelen"]


JanuariloonFormSet = forms.formset_factory(JanuariloonForm, extra=0, max_num=100, validate_max=True)
