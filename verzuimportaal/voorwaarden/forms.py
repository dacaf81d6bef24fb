from django import forms
from django.utils.translation import gettext_lazy

from verzuimportaal.utils.forms import PortaalForm


class AcceptatieForm(PortaalForm):
    notificatie_email = forms.EmailField(
        label=gettext_lazy("E-mailadres voor meldingen"),
        max_length=254,
        help_text=gettext_lazy(
            "Wij sturen een e-mail als er in het portaal een nieuw bericht voor u klaarstaat. "
            "Wij kunnen niet garanderen dat deze e-mail aankomt: de berichten in het portaal zijn "
            "leidend. Kijk daarom regelmatig in het portaal (zie de gebruiksvoorwaarden)."
        ),
    )
    akkoord = forms.BooleanField(
        label=gettext_lazy("Ik heb de gebruiksvoorwaarden gelezen en ga ermee akkoord"),
        error_messages={
            "required": gettext_lazy("Geef aan dat u akkoord gaat met de gebruiksvoorwaarden.")
        },
    )


class WeigerForm(PortaalForm):
    bevestig = forms.BooleanField(
        label=gettext_lazy(
            "Ik begrijp dat mijn account wordt opgeheven en dat ik het portaal niet meer kan "
            "gebruiken"
        ),
        error_messages={
            "required": gettext_lazy("Bevestig dat u de wijziging weigert en uw account opzegt.")
        },
    )
