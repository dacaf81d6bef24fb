from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from verzuimportaal.aanvragen.bijlagen import Stuk
from verzuimportaal.utils.forms import DatumInput, PortaalForm

from . import documenten
from .models import Ontslagroute, WijzeEinde

BESTANDSTYPEN = _("PDF, Word-document (.docx) of foto (JPEG of PNG).")


class DocumentenForm(PortaalForm):
    """A form with one upload field per document of ``checklist``; the service decides which
    are required (per route) and checks each file by its content."""

    checklist: Sequence[Stuk] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for stuk in self.checklist:
            self.fields[stuk.code] = forms.FileField(
                label=stuk.omschrijving,
                required=False,
                help_text=" ".join(str(t) for t in (stuk.toelichting, BESTANDSTYPEN) if t),
                widget=forms.ClearableFileInput(attrs={"class": "utrecht-textbox"}),
            )

    def gegevens(self) -> dict[str, Any]:
        """The cleaned facts, with the uploads gathered under ``bestanden``."""
        data = dict(self.cleaned_data)
        bestanden: dict[str, UploadedFile | None] = {
            stuk.code: data.pop(stuk.code, None) for stuk in self.checklist
        }
        return {**data, "bestanden": bestanden}


class OntslagaanvraagForm(DocumentenForm):
    checklist = documenten.ALLE_ONTSLAG

    route = forms.ChoiceField(
        label=_("Reden van het ontslag"), choices=Ontslagroute.choices, widget=forms.RadioSelect
    )
    verklaring_bedrijfsarts_op = forms.DateField(
        label=_("Datum van de verklaring van de bedrijfsarts"),
        widget=DatumInput(),
        required=False,
        help_text=_("Alleen bij langdurige arbeidsongeschiktheid; hoogstens 3 maanden oud."),
    )
    iva = forms.BooleanField(
        label=_("De werknemer heeft een IVA-uitkering (dan is geen prognose nodig)"), required=False
    )
    afspiegeling_toegepast = forms.BooleanField(
        label=_("Ik heb het afspiegelingsbeginsel toegepast (bedrijfseconomische redenen)"),
        required=False,
    )
    herplaatsing_onmogelijk = forms.BooleanField(
        label=_(
            "Herplaatsing in een andere passende functie is niet mogelijk "
            "(bedrijfseconomische redenen)"
        ),
        required=False,
    )


def _bedrag(label: str, help_text: str = "") -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        min_value=Decimal(0),
        max_digits=12,
        decimal_places=2,
        help_text=help_text,
        localize=True,  # "10.000,00" as a Dutch user types it
    )


class CompensatieForm(DocumentenForm):
    checklist = documenten.COMPENSATIE

    laatste_dag_in_dienst = forms.DateField(label=_("Laatste dag in dienst"), widget=DatumInput())
    wijze_einde = forms.ChoiceField(
        label=_("Hoe is het dienstverband geëindigd?"),
        choices=WijzeEinde.choices,
        widget=forms.RadioSelect,
    )
    betaalde_transitievergoeding = _bedrag("Betaalde transitievergoeding (€)")
    transitiekosten = _bedrag(
        "Transitie- en inzetbaarheidskosten die u in mindering hebt gebracht (€)",
        "Vul 0 in als u niets in mindering hebt gebracht.",
    )
    verschuldigd_na_opzegverbod = _bedrag(
        "Transitievergoeding verschuldigd op de dag na het einde van het opzegverbod (€)",
        "Wat de werknemer na 104 weken ziekte had gekregen bij een einde op die dag.",
    )
    loon_104_weken = _bedrag("Loon betaald tijdens de 104 weken ziekte (€)")
    uitkeringen_104_weken = _bedrag(
        "Ontvangen Ziektewet- of no-riskuitkering over die periode (€)",
        "Vul 0 in als u geen uitkering hebt ontvangen.",
    )
    betaald_op = forms.DateField(
        label=_("Datum van de (laatste) betaling van de transitievergoeding"),
        widget=DatumInput(),
        help_text=_("U kunt compensatie aanvragen vanaf deze datum tot 6 maanden erna."),
    )
