"""The operator's form for a dated polis (DOMAIN §7.3, §7.4)."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from verzuimportaal.utils.forms import PortaalForm

from .models import Dekkingsperiode, Deler, Eigenrisicotermijn


class PolisForm(PortaalForm):
    polisnummer = forms.CharField(label=_("Polisnummer"), max_length=30)
    ingangsdatum = forms.DateField(
        label=_("Ingangsdatum"),
        help_text=_(
            "Vanaf deze dag gelden de voorwaarden voor nieuwe verzuimgevallen (dd-mm-jjjj)."
        ),
        input_formats=["%d-%m-%Y", "%Y-%m-%d"],
    )
    eigenrisicotermijn = forms.TypedChoiceField(
        label=_("Eigenrisicotermijn"),
        choices=Eigenrisicotermijn.choices,
        coerce=int,
        initial=Eigenrisicotermijn.TIEN,
    )
    dekking = forms.CharField(
        label=_("Dekking (%)"),
        max_length=30,
        initial="100/70",
        help_text=_("Percentages per periode, gescheiden door '/': 100/70 of 95/90/85/70."),
    )
    dekkingsperiode = forms.TypedChoiceField(
        label=_("Dekking per"),
        choices=Dekkingsperiode.choices,
        coerce=int,
        initial=Dekkingsperiode.JAAR,
    )
    maximum_jaarloon = forms.DecimalField(
        label=_("Maximum verzekerd jaarloon (€)"),
        required=False,
        initial=Decimal(110000),
        min_value=Decimal("0.01"),
        max_digits=12,
        decimal_places=2,
        localize=True,
        help_text=_("Leeg laten als er geen maximum is."),
    )
    deler = forms.TypedChoiceField(
        label=_("Deler"), choices=Deler.choices, coerce=int, initial=Deler.D261
    )
    premiepercentage = forms.DecimalField(
        label=_("Premiepercentage"),
        min_value=Decimal(0),
        max_value=Decimal(100),
        max_digits=6,
        decimal_places=3,
        localize=True,
    )
    werkgeverslasten_percentage = forms.DecimalField(
        label=_("Opslag werkgeverslasten (%)"),
        initial=Decimal(0),
        min_value=Decimal(0),
        max_value=Decimal(100),
        max_digits=5,
        decimal_places=2,
        localize=True,
    )
    arbotarief = forms.DecimalField(
        label=_("Arbotarief per werknemer per maand, excl. btw (€)"),
        min_value=Decimal(0),
        max_digits=8,
        decimal_places=2,
        localize=True,
    )


class ZoekForm(PortaalForm):
    zoek = forms.CharField(
        label=_("Zoek werkgever"),
        required=False,
        max_length=100,
        help_text=_("Naam of KvK-nummer."),
    )
