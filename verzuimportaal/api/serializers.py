"""API representations. No medical data exists to expose (DOMAIN §4.2); BSN only in bodies."""

import copy
from decimal import Decimal
from typing import Any, ClassVar

from rest_framework import serializers
from rest_framework.fields import Field

from verzuimportaal.verzuim.models import HerstelSoort, Vangnet, Verzuimgeval, Verzuimmutatie
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


class WerknemerWijzigingSerializer(WerknemerInvoerSerializer):
    """PATCH: every field optional; the BSN cannot be changed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["partial"] = True
        super().__init__(*args, **kwargs)
        self.fields.pop("bsn")


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
