from decimal import Decimal

from django import forms

from verzuimportaal.utils.forms import PortaalForm


class LoonForm(PortaalForm):
    ingangsdatum = forms.DateField(
        label="Ingangsdatum",
        help_text="Vanaf deze dag geldt het loon (dd-mm-jjjj).",
        input_formats=["%d-%m-%Y", "%Y-%m-%d"],
    )
    bruto_jaarloon = forms.DecimalField(
        label="Bruto jaarloon (€)",
        min_value=Decimal(0),
        max_digits=12,
        decimal_places=2,
        localize=True,
    )
    vakantiegeld_percentage = forms.DecimalField(
        label="Vakantiegeld (%)",
        initial=Decimal(8),
        min_value=Decimal(0),
        max_value=Decimal(100),
        max_digits=5,
        decimal_places=2,
        localize=True,
    )
    vaste_onderdelen = forms.DecimalField(
        label="Vaste looncomponenten per jaar (€)",
        help_text="Bijvoorbeeld een vaste eindejaarsuitkering; 0 als die er niet zijn.",
        initial=Decimal(0),
        min_value=Decimal(0),
        max_digits=12,
        decimal_places=2,
        localize=True,
    )


class JanuariloonForm(PortaalForm):
    """One row of the January table (the werknemer by uuid, hidden)."""

    werknemer = forms.UUIDField(widget=forms.HiddenInput)
    bruto_jaarloon = forms.DecimalField(
        label="Bruto jaarloon (€)",
        min_value=Decimal(0),
        max_digits=12,
        decimal_places=2,
        localize=True,
    )
    vakantiegeld_percentage = forms.DecimalField(
        label="Vakantiegeld (%)",
        min_value=Decimal(0),
        max_value=Decimal(100),
        max_digits=5,
        decimal_places=2,
        localize=True,
    )
    vaste_onderdelen = forms.DecimalField(
        label="Vaste looncomponenten per jaar (€)",
        min_value=Decimal(0),
        max_digits=12,
        decimal_places=2,
        localize=True,
    )


JanuariloonFormSet = forms.formset_factory(JanuariloonForm, extra=0, max_num=100, validate_max=True)
