from collections.abc import Iterator
from decimal import Decimal
from typing import Any, cast

from django import forms
from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from verzuimportaal.utils.elfproef import is_bsn, normaliseer_nummer
from verzuimportaal.utils.forms import DatumInput, PortaalForm
from verzuimportaal.utils.validators import valideer_bsn
from verzuimportaal.werkgevers.models import Loonheffingennummer


class _GelezenKeuzes(forms.models.ModelChoiceIterator):
    """The options from the numbers the form already read (``LoonheffingennummerKeuze.gelezen``)
    instead of a second query through a server-side cursor."""

    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        gelezen = cast(LoonheffingennummerKeuze, self.field).gelezen
        if gelezen is None:
            yield from super().__iter__()
            return
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for nummer in gelezen:
            yield self.choice(nummer)

    def __len__(self) -> int:
        gelezen = cast(LoonheffingennummerKeuze, self.field).gelezen
        if gelezen is None:
            return super().__len__()
        return len(gelezen) + (self.field.empty_label is not None)


class LoonheffingennummerKeuze(forms.ModelChoiceField):
    """A choice of the werkgever's loonheffingennummers. ``gelezen``: the numbers when the form
    already read them (the list page reads them once, for "more than one?" and the options)."""

    iterator = _GelezenKeuzes
    gelezen: list[Loonheffingennummer] | None = None

    def to_python(self, value: Any) -> Loonheffingennummer | None:
        if self.gelezen is None or value in self.empty_values:
            return cast(Loonheffingennummer | None, super().to_python(value))
        for nummer in self.gelezen:
            if str(nummer.pk) == str(value):
                return nummer
        raise forms.ValidationError(
            self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
        )

    def label_from_instance(self, obj: Loonheffingennummer) -> str:
        return f"{obj.nummer} - {obj.omschrijving}" if obj.omschrijving else obj.nummer


class WerknemerForm(PortaalForm):
    loonheffingennummer = LoonheffingennummerKeuze(
        label=_("Loonheffingennummer"),
        queryset=Loonheffingennummer.objects.none(),
        empty_label=None,
    )
    bsn = forms.CharField(
        label=_("BSN"),
        max_length=12,
        help_text=_("9 cijfers. Het BSN kunt u na het aanmelden niet meer wijzigen."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    personeelsnummer = forms.CharField(
        label=_("Personeelsnummer"),
        max_length=30,
        required=False,
        help_text=_("Het nummer uit uw salarisadministratie, als u dat gebruikt."),
    )
    voorletters = forms.CharField(label=_("Voorletters"), max_length=20, required=False)
    voornaam = forms.CharField(label=_("Voornaam"), max_length=100, required=False)
    tussenvoegsel = forms.CharField(
        label=_("Tussenvoegsel"),
        max_length=20,
        required=False,
        help_text=_("Bijvoorbeeld: van der"),
    )
    achternaam = forms.CharField(label=_("Achternaam"), max_length=200)
    geboortedatum = forms.DateField(label=_("Geboortedatum"), widget=DatumInput())
    datum_in_dienst = forms.DateField(label=_("Datum in dienst"), widget=DatumInput())
    datum_uit_dienst = forms.DateField(
        label=_("Laatste dag in dienst"),
        widget=DatumInput(),
        required=False,
        help_text=_("Alleen invullen als het dienstverband is beëindigd."),
    )
    contracturen_per_week = forms.DecimalField(
        label=_("Contracturen per week"),
        min_value=Decimal("0.01"),
        max_value=Decimal("60"),
        max_digits=4,
        decimal_places=2,
        localize=True,
    )
    deeltijdfactor = forms.DecimalField(
        label=_("Deeltijdfactor"),
        required=False,
        min_value=Decimal("0.001"),
        max_value=Decimal("1.5"),
        max_digits=4,
        decimal_places=3,
        localize=True,
        help_text=_(
            "Bijvoorbeeld 0,8 bij 32 van 40 uur. Leeg laten: berekend uit de contracturen "
            "(40 uur is voltijd)."
        ),
    )
    functie = forms.CharField(label=_("Functie"), max_length=200, required=False)
    telefoonnummer = forms.CharField(
        label=_("Telefoonnummer"),
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "tel"}),
    )
    email = forms.EmailField(label=_("E-mailadres"), required=False)

    def __init__(
        self,
        *args: object,
        loonheffingennummers: QuerySet[Loonheffingennummer],
        bestaand: bool = False,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        keuze = cast(forms.ModelChoiceField, self.fields["loonheffingennummer"])
        keuze.queryset = loonheffingennummers
        if bestaand:
            del self.fields["bsn"]
        else:
            del self.fields["datum_uit_dienst"]

    def clean_bsn(self) -> str:
        bsn = normaliseer_nummer(self.cleaned_data["bsn"])
        valideer_bsn(bsn)
        return bsn

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if not data.get("voornaam") and not data.get("voorletters"):
            self.add_error("voornaam", "Vul de voornaam of de voorletters in.")
        return data


class Dienstverband(models.TextChoices):
    IN_DIENST = "in_dienst", _("In dienst")
    UIT_DIENST = "uit_dienst", _("Uit dienst")
    ALLE = "alle", _("Iedereen")


# Sort keys of the list: value -> (label, ordering).
SORTERINGEN: dict[str, tuple[str, tuple[str, ...]]] = {
    "naam": ("Naam (A-Z)", ("achternaam", "voornaam", "pk")),
    "-naam": ("Naam (Z-A)", ("-achternaam", "-voornaam", "-pk")),
    "-in_dienst": ("Datum in dienst (nieuwste eerst)", ("-datum_in_dienst", "achternaam", "pk")),
    "in_dienst": ("Datum in dienst (oudste eerst)", ("datum_in_dienst", "achternaam", "pk")),
    "personeelsnummer": ("Personeelsnummer", ("personeelsnummer", "achternaam", "pk")),
}


class ZoekForm(PortaalForm):
    """Search and filters of the werknemers list (GET). Without a choice the list shows the
    employees in service, by name; former employees only when asked for."""

    q = forms.CharField(
        label=_("Zoek op naam, functie of personeelsnummer"),
        required=False,
        max_length=100,
        widget=forms.SearchInput(attrs={"autocomplete": "off"}),
    )
    dienstverband = forms.ChoiceField(
        label=_("Dienstverband"), choices=Dienstverband.choices, required=False
    )
    loonheffingennummer = LoonheffingennummerKeuze(
        label=_("Loonheffingennummer"),
        queryset=Loonheffingennummer.objects.none(),
        required=False,
        empty_label=_("Alle"),
    )
    ziek = forms.BooleanField(label=_("Alleen wie nu ziek is"), required=False)
    sorteer = forms.ChoiceField(
        label=_("Sorteren op"),
        choices=[(k, label) for k, (label, _) in SORTERINGEN.items()],
        required=False,
    )

    def __init__(
        self,
        *args: object,
        loonheffingennummers: QuerySet[Loonheffingennummer],
        alleen_in_dienst: bool = False,
        **kwargs: object,
    ) -> None:
        super().__init__(*args, **kwargs)
        keuze = cast(LoonheffingennummerKeuze, self.fields["loonheffingennummer"])
        keuze.queryset = loonheffingennummers
        keuze.gelezen = list(loonheffingennummers)  # one query: the options, and are there two
        if len(keuze.gelezen) < 2:
            del self.fields["loonheffingennummer"]
        if alleen_in_dienst:  # the "Ziek melden" picker: only who can be reported sick
            del self.fields["dienstverband"]
            del self.fields["ziek"]

    def waarde(self, veld: str, standaard: object = None) -> object:
        if not self.is_valid():
            return standaard
        return self.cleaned_data.get(veld) or standaard


class BsnZoekForm(PortaalForm):
    """Looking up one employee by BSN: sent by POST, so the BSN never appears in a URL."""

    bsn = forms.CharField(
        label=_("Zoeken op BSN"),
        max_length=12,
        help_text=_("Het hele BSN (9 cijfers). Deze zoekactie wordt vastgelegd in het auditlog."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def clean_bsn(self) -> str:
        bsn = normaliseer_nummer(self.cleaned_data["bsn"])
        if not is_bsn(bsn):
            raise forms.ValidationError(
                gettext(
                    "Dit is geen geldig BSN. Vul het hele BSN in: 9 cijfers, "
                    "zoals op de loonstrook."
                )
            )
        return bsn
