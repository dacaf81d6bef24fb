from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from verzuimportaal.utils.forms import DatumInput, PortaalForm
from verzuimportaal.werkgevers.models import Loonheffingennummer

GEEN_MEDISCHE_GEGEVENS = _("Geen medische gegevens invullen.")


class BezwaarForm(PortaalForm):
    gronden = forms.CharField(
        label=_("Waarom bent u het niet eens met het besluit?"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=8000,
        help_text=format_lazy("{} {}", _("De gronden van uw bezwaar."), GEEN_MEDISCHE_GEGEVENS),
    )
    reden_te_laat = forms.CharField(
        label=_("Reden waarom het bezwaar na de termijn komt"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        required=False,
        help_text=_("Alleen nodig als de bezwaartermijn voorbij is."),
    )


class AnderBesluitForm(BezwaarForm):
    loonheffingennummer: "forms.ModelChoiceField[Loonheffingennummer]" = forms.ModelChoiceField(
        label=_("Loonheffingennummer"),
        queryset=Loonheffingennummer.objects.none(),
        empty_label=None,
    )
    besluitdatum = forms.DateField(label=_("Datum van het besluit"), widget=DatumInput())
    kenmerk = forms.CharField(
        label=_("Kenmerk van het besluit"),
        max_length=50,
        help_text=_("Staat bovenaan in de brief met het besluit."),
    )
    zw_geschiktheid = forms.BooleanField(
        label=_(
            "Het is een besluit over geschiktheid voor werk (Ziektewet); de termijn is dan 2 weken"
        ),
        required=False,
    )
    bsn = forms.CharField(
        label=_("BSN van de werknemer (als het besluit over een werknemer gaat)"),
        max_length=9,
        required=False,
    )

    field_order = [
        "loonheffingennummer",
        "besluitdatum",
        "kenmerk",
        "zw_geschiktheid",
        "bsn",
        "gronden",
        "reden_te_laat",
    ]

    def __init__(self, *args: Any, loonheffingennummers: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["loonheffingennummer"].queryset = loonheffingennummers  # type: ignore[attr-defined]
        self.fields["loonheffingennummer"].label_from_instance = lambda n: n.nummer  # type: ignore[attr-defined]
