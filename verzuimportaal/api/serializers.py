"""API representations. No medical data exists to expose (DOMAIN §4.2); BSN only in bodies."""

import copy
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

from django.core.validators import MaxValueValidator, MinValueValidator
from rest_framework import serializers
from rest_framework.fields import Field

from verzuimportaal.aanvragen.models import Zaak
from verzuimportaal.lonen.models import Loongegeven
from verzuimportaal.verzuim.models import HerstelSoort, Vangnet, Verzuimgeval, Verzuimmutatie
from verzuimportaal.wazo.models import Soort, UitkeringAan, Wazoverlof
from verzuimportaal.werknemers.models import Werknemer


# Build a ModelSerializer's fields from the model once per class, not on every instance: DRF
# inspects the model and constructs every field each time a ModelSerializer is created (about
# 0.7 ms for a spell with its mutations, a quarter of an API ziekmelding's own work). The fields
# depend only on the class, so the first instance's fields are kept and every instance gets a
# deep copy, as DRF does for declared fields: nothing bound is shared. (A comment, not a
# docstring: the OpenAPI contract would show it as the description of every subclass.)
class VasteVelden:
    _velden: ClassVar[dict[type, dict[str, Field]]] = {}

    def get_fields(self) -> dict[str, Field]:
        sjabloon = VasteVelden._velden.get(type(self))
        if sjabloon is None:
            sjabloon = super().get_fields()  # type: ignore[misc]
            VasteVelden._velden[type(self)] = sjabloon
        return copy.deepcopy(sjabloon)


class WerknemerSerializer(VasteVelden, serializers.ModelSerializer[Werknemer]):
    loonheffingennummer = serializers.CharField(source="loonheffingennummer.nummer")

    class Meta:
        model = Werknemer
        fields = [
            "uuid",
            "loonheffingennummer",
            "bsn",
            "voorletters",
            "voornaam",
            "tussenvoegsel",
            "achternaam",
            "geboortedatum",
            "datum_in_dienst",
            "datum_uit_dienst",
            "contracturen_per_week",
            "deeltijdfactor",
        ]


class MutatieSerializer(VasteVelden, serializers.ModelSerializer[Verzuimmutatie]):
    class Meta:
        model = Verzuimmutatie
        fields = [
            "soort",
            "ingangsdatum",
            "percentage_arbeidsongeschikt",
            "loonwaarde_percentage",
            "geregistreerd_op",
            "geregistreerd_door_naam",
        ]


class VerzuimgevalSerializer(VasteVelden, serializers.ModelSerializer[Verzuimgeval]):
    werknemer = serializers.UUIDField(source="werknemer.uuid")
    mutaties = MutatieSerializer(many=True)

    class Meta:
        model = Verzuimgeval
        fields = [
            "uuid",
            "verzuimnummer",
            "werknemer",
            "eerste_ziektedag",
            "einddatum",
            "einde_reden",
            "arbeidsconflict",
            "bedrijfsongeval",
            "aansprakelijke_derde",
            "vangnet",
            "verwachte_duur_dagen",
            "gemeld_op",
            "mutaties",
        ]


class ZiekmeldingSerializer(serializers.Serializer[None]):
    """DOMAIN §4.2: only what the employer side may register."""

    werknemer = serializers.UUIDField(help_text="UUID van de werknemer.")
    eerste_ziektedag = serializers.DateField()
    arbeidsconflict = serializers.BooleanField(default=False)
    bedrijfsongeval = serializers.BooleanField(default=False)
    aansprakelijke_derde = serializers.BooleanField(default=False)
    vangnet = serializers.ChoiceField(choices=Vangnet.choices, default=Vangnet.ONBEKEND)
    verwachte_duur_dagen = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, max_value=730
    )
    bereikbaar_telefoon = serializers.CharField(required=False, max_length=20, allow_blank=True)
    verblijfadres = serializers.CharField(required=False, max_length=300, allow_blank=True)


class HerstelmeldingSerializer(serializers.Serializer[None]):
    soort = serializers.ChoiceField(choices=HerstelSoort.choices)
    datum = serializers.DateField(
        help_text="Volledig of gedeeltelijk hersteld: de eerste dag (deels) weer aan het werk. "
        "Ziek uit dienst: de laatste dag in dienst."
    )
    percentage_arbeidsongeschikt = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, max_value=99
    )
    loonwaarde_percentage = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, max_value=100
    )

    def validate(self, attrs: dict[str, object]) -> dict[str, object]:
        if (
            attrs["soort"] == HerstelSoort.GEDEELTELIJK
            and attrs.get("percentage_arbeidsongeschikt") is None
        ):
            raise serializers.ValidationError(
                {
                    "percentage_arbeidsongeschikt": "Vul bij gedeeltelijk herstel het percentage "
                    "in dat de werknemer nog arbeidsongeschikt is (1 tot en met 99)."
                }
            )
        return attrs


def _datum(**kwargs: Any) -> serializers.DateField:
    """A date the rules can compute with: years 1900–2199 (beyond that date arithmetic in the
    WAZO and wage rules would overflow); otherwise a 400 with the field, never a 500."""
    return serializers.DateField(
        validators=[
            MinValueValidator(date(1900, 1, 1), message="Kies een datum vanaf 1900."),
            MaxValueValidator(date(2199, 12, 31), message="Kies een datum vóór 2200."),
        ],
        **kwargs,
    )


# --- wage data (DOMAIN §7.3) -------------------------------------------------------------------


class LoonSerializer(serializers.ModelSerializer[Loongegeven]):
    """A wage row: valid from ``ingangsdatum`` until the next row (DOMAIN §7.3)."""

    class Meta:
        model = Loongegeven
        fields = [
            "ingangsdatum",
            "bruto_jaarloon",
            "vakantiegeld_percentage",
            "vaste_onderdelen",
            "vastgelegd_op",
        ]


class LoonInvoerSerializer(serializers.Serializer[None]):
    """The wage from ``ingangsdatum`` on; the same date again replaces that row."""

    ingangsdatum = _datum(help_text="Vanaf deze dag geldt het loon.")
    bruto_jaarloon = serializers.DecimalField(
        max_digits=12, decimal_places=2, min_value=Decimal(0), max_value=Decimal("9999999999.99")
    )
    vakantiegeld_percentage = serializers.DecimalField(
        max_digits=5,
        decimal_places=2,
        min_value=Decimal(0),
        max_value=Decimal(100),
        default=Decimal(8),
    )
    vaste_onderdelen = serializers.DecimalField(
        max_digits=12,
        decimal_places=2,
        min_value=Decimal(0),
        max_value=Decimal("9999999999.99"),
        default=Decimal(0),
        help_text="Vaste looncomponenten per jaar, zoals een vaste eindejaarsuitkering.",
    )


class WerknemerInvoerSerializer(serializers.Serializer[None]):
    """Aanmelden (POST, all required fields) and wijzigen (PATCH, only what changes). The BSN is
    fixed once registered (a new BSN is a new person); ending employment is ``datum_uit_dienst``."""

    loonheffingennummer = serializers.RegexField(
        r"^\d{9}L\d{2}$",
        help_text="Loonheffingennummer van de werkgever, bijvoorbeeld 123456782L01.",
    )
    bsn = serializers.RegexField(r"^\d{9}$", help_text="BSN (9 cijfers, elfproef).")
    voorletters = serializers.CharField(max_length=20, required=False, allow_blank=True)
    voornaam = serializers.CharField(max_length=100, required=False, allow_blank=True)
    tussenvoegsel = serializers.CharField(max_length=20, required=False, allow_blank=True)
    achternaam = serializers.CharField(max_length=200)
    geboortedatum = serializers.DateField()
    datum_in_dienst = serializers.DateField()
    datum_uit_dienst = serializers.DateField(required=False, allow_null=True)
    contracturen_per_week = serializers.DecimalField(
        max_digits=4, decimal_places=2, min_value=Decimal("0.01"), max_value=Decimal("60")
    )
    deeltijdfactor = serializers.DecimalField(
        max_digits=4,
        decimal_places=3,
        min_value=Decimal("0.001"),
        max_value=Decimal("1.5"),
        required=False,
        allow_null=True,
        help_text="Leeg: contracturen ÷ 40.",
    )
    loon = LoonInvoerSerializer(
        required=False,
        help_text="Loongegevens vanaf een ingangsdatum (DOMAIN §7.3); lees ze terug met "
        "GET /werknemers/{uuid}/lonen/.",
    )


class WerknemerWijzigingSerializer(WerknemerInvoerSerializer):
    """PATCH: every field optional; the BSN cannot be changed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["partial"] = True
        super().__init__(*args, **kwargs)
        self.fields.pop("bsn")

    def validate_loon(self, loon: dict[str, Any]) -> dict[str, Any]:
        # A PATCH makes every field optional, also inside ``loon``: a wage row still needs both.
        ontbreekt = {
            veld: ["Dit veld is verplicht."]
            for veld in ("ingangsdatum", "bruto_jaarloon")
            if veld not in loon
        }
        if ontbreekt:
            raise serializers.ValidationError(ontbreekt)
        return loon


class CorrectieSerializer(serializers.Serializer[None]):
    """DOMAIN §4.6: a correction keeps the history (who, when, old → new, why)."""

    wat = serializers.ChoiceField(
        choices=[
            ("eerste_ziektedag", "Eerste ziektedag"),
            ("hersteldatum", "Hersteldatum (na volledig herstel)"),
        ]
    )
    datum = serializers.DateField(help_text="De juiste datum.")
    reden = serializers.CharField(max_length=500, help_text="Waarom de correctie nodig is.")


class StapSerializer(serializers.Serializer[Any]):
    soort = serializers.CharField(source="soort.value")
    omschrijving = serializers.CharField()
    deadline = serializers.DateField()
    venster_begin = serializers.DateField(allow_null=True)
    informatief = serializers.BooleanField()
    uitgevoerd_op = serializers.DateField(allow_null=True)


class DossierSerializer(serializers.Serializer[Any]):
    """The Poortwachter deadlines of the combined case the spell belongs to (DOMAIN §5, §5.1)."""

    eerste_ziektedag = serializers.DateField()
    einddatum = serializers.DateField(allow_null=True)
    einde_loondoorbetaling = serializers.DateField(allow_null=True)
    ziektedagen = serializers.IntegerField(allow_null=True)
    verzuimgevallen = serializers.ListField(child=serializers.UUIDField())
    stappen = StapSerializer(many=True)


class StatistiekSerializer(serializers.Serializer[Any]):
    """DOMAIN §6 figures over the period; percentages as numbers (4.2500 = 4,25 %),
    meldingsfrequentie per year, gemiddelde verzuimduur in calendar days."""

    begin = serializers.DateField()
    einde = serializers.DateField()
    dagen = serializers.IntegerField()
    aantal_werknemers = serializers.IntegerField()
    gemiddeld_aantal_werknemers = serializers.DecimalField(max_digits=12, decimal_places=4)
    verzuimpercentage = serializers.DecimalField(max_digits=8, decimal_places=4, allow_null=True)
    meldingsfrequentie = serializers.DecimalField(max_digits=10, decimal_places=4, allow_null=True)
    aantal_ziekmeldingen = serializers.IntegerField()
    gemiddelde_verzuimduur = serializers.DecimalField(
        max_digits=10, decimal_places=4, allow_null=True
    )
    aantal_herstelmeldingen = serializers.IntegerField()
    nulverzuim = serializers.DecimalField(max_digits=8, decimal_places=4, allow_null=True)
    aantal_verzuimgevallen = serializers.IntegerField()
    kort = serializers.IntegerField()
    middellang = serializers.IntegerField()
    lang = serializers.IntegerField()
    extra_lang = serializers.IntegerField()


# --- WAZO leave (DOMAIN §7.1) and cases at the operator (ADR 0027) -----------------------------


class WazoverlofSerializer(serializers.ModelSerializer[Wazoverlof]):
    """The reported facts and the period computed from them (no medical data)."""

    werknemer = serializers.UUIDField(source="werknemer.uuid")
    zaak = serializers.UUIDField(source="zaak.uuid", allow_null=True, default=None)

    class Meta:
        model = Wazoverlof
        fields = [
            "uuid",
            "werknemer",
            "soort",
            "uitgerekende_datum",
            "meerling",
            "geboortedatum",
            "ziekenhuis_van",
            "ziekenhuis_tot",
            "einde_geboorteverlof",
            "datum_komst",
            "weken",
            "ingangsdatum",
            "uitkering_aan",
            "eerste_dag",
            "laatste_dag",
            "bevallingsverlof_dagen",
            "verlenging_ziekenhuis",
            "ziektedagen_voor_ingang",
            "aangevraagd_op",
            "te_laat",
            "zaak",
        ]


class _VerlofAanvraagSerializer(serializers.Serializer[None]):
    werknemer = serializers.UUIDField(help_text="UUID van de werknemer.")
    uitkering_aan = serializers.ChoiceField(
        choices=UitkeringAan.choices, default=UitkeringAan.WERKGEVER
    )
    aangevraagd_op = _datum(
        required=False,
        allow_null=True,
        help_text="Leeg: vandaag. Een eerdere dag voor een aanvraag die op papier is gedaan.",
    )


class ZwangerschapsverlofSerializer(_VerlofAanvraagSerializer):
    uitgerekende_datum = _datum()
    ingangsdatum = _datum(
        help_text="6 tot 4 weken vóór de dag na de uitgerekende datum (meerling: 10 tot 8)."
    )
    meerling = serializers.BooleanField(default=False)


class AanvullendGeboorteverlofSerializer(_VerlofAanvraagSerializer):
    geboortedatum = _datum()
    einde_geboorteverlof = _datum(
        help_text="Laatste dag van het geboorteverlof (de eerste week, door de werkgever betaald)."
    )
    ingangsdatum = _datum()
    weken = serializers.IntegerField(min_value=1, max_value=5)


class AdoptieverlofSerializer(_VerlofAanvraagSerializer):
    soort = serializers.ChoiceField(
        choices=[(Soort.ADOPTIE, Soort.ADOPTIE.label), (Soort.PLEEGZORG, Soort.PLEEGZORG.label)]
    )
    datum_komst = _datum(help_text="Datum waarop het kind komt.")
    ingangsdatum = _datum()
    weken = serializers.IntegerField(min_value=1, max_value=6)


class GeboorteSerializer(serializers.Serializer[None]):
    geboortedatum = _datum()
    ziekenhuis_van = _datum(
        required=False,
        allow_null=True,
        help_text="Alleen bij een opname van het kind van langer dan 7 dagen na de geboorte.",
    )
    ziekenhuis_tot = _datum(required=False, allow_null=True)


class ZaakSerializer(serializers.ModelSerializer[Zaak]):
    """A case at the operator: status and decision (the letter is in the inbox)."""

    werknemer = serializers.UUIDField(source="werknemer.uuid", allow_null=True, default=None)

    class Meta:
        model = Zaak
        fields = [
            "uuid",
            "zaaknummer",
            "soort",
            "onderwerp",
            "werknemer",
            "status",
            "ontvangen_op",
            "besluit",
            "besluit_op",
        ]
