"""API representations. No medical data exists to expose (DOMAIN §4.2); BSN only in bodies."""

from rest_framework import serializers

from verzuimportaal.verzuim.models import HerstelSoort, Vangnet, Verzuimgeval, Verzuimmutatie
from verzuimportaal.werknemers.models import Werknemer


class WerknemerSerializer(serializers.ModelSerializer[Werknemer]):
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


class MutatieSerializer(serializers.ModelSerializer[Verzuimmutatie]):
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


class VerzuimgevalSerializer(serializers.ModelSerializer[Verzuimgeval]):
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
