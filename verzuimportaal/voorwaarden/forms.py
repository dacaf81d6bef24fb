from django import forms

from verzuimportaal.utils.forms import PortaalForm


class AcceptatieForm(PortaalForm):
    notificatie_email = forms.EmailField(
        label="E-mailadres voor meldingen",
        max_length=254,
        help_text=(
            "Wij sturen een e-mail als er in het portaal een nieuw bericht voor u klaarstaat. "
            "Wij kunnen niet garanderen dat deze e-mail aankomt: de berichten in het portaal zijn "
            "leidend. Kijk daarom regelmatig in het portaal (zie de gebruiksvoorwaarden)."
        ),
    )
    akkoord = forms.BooleanField(
        label="Ik heb de gebruiksvoorwaarden gelezen en ga ermee akkoord",
        error_messages={"required": "Geef aan dat u akkoord gaat met de gebruiksvoorwaarden."},
    )


class WeigerForm(PortaalForm):
    bevestig = forms.BooleanField(
        label=(
            "Ik begrijp dat mijn account wordt opgeheven en dat ik het portaal niet meer kan "
            "gebruiken"
        ),
        error_messages={"required": "Bevestig dat u de wijziging weigert en uw account opzegt."},
    )
