"""The documents each route requires (DOMAIN §7.6 [23–26]): uploaded once with the application;
anything else goes by post."""

from django.utils.translation import gettext_lazy as _

from verzuimportaal.aanvragen.bijlagen import Stuk

from .models import Ontslagroute

AANVRAAGFORMULIER = Stuk(
    "aanvraagformulier",
    _("Aanvraagformulier ontslagvergunning bij langdurige arbeidsongeschiktheid"),
)
VERKLARING_BEDRIJFSARTS = Stuk(
    "verklaring_bedrijfsarts",
    _("Verklaring van de bedrijfsarts"),
    toelichting=_("Hoogstens 3 maanden oud op de dag van de aanvraag. Zonder diagnose."),
)
PROGNOSE = Stuk(
    "prognose",
    _("Prognose voor de komende 26 weken"),
    toelichting=_("Niet nodig als de werknemer een IVA-uitkering heeft."),
)
BEDRIJFSECONOMISCH = (
    Stuk("formulier_a", _("Formulier A: gegevens van de werkgever en de reden")),
    Stuk("formulier_b", _("Formulier B: financiële gegevens")),
    Stuk("formulier_c", _("Formulier C: de werknemers en de afspiegeling")),
    Stuk(
        "bijlagen_bedrijfseconomisch",
        _("Bijlagen: onderbouwing, overzicht afspiegeling en herplaatsingsmogelijkheden"),
    ),
)
COMPENSATIE = (
    Stuk("arbeidsovereenkomst", _("Arbeidsovereenkomst")),
    Stuk(
        "bewijs_einde",
        _("Bewijs van het einde van het dienstverband"),
        toelichting=_("Beëindigingsovereenkomst, uitspraak van de kantonrechter of opzegbrief."),
    ),
    Stuk("berekening_transitievergoeding", _("Uw berekening van de transitievergoeding")),
    Stuk("loonstrook_1", _("Loonstrook 1")),
    Stuk("loonstrook_2", _("Loonstrook 2")),
    Stuk(
        "bewijs_betaling",
        _("Bewijs van de volledige betaling van de transitievergoeding, met de datum"),
    ),
)
ALLE_ONTSLAG = (AANVRAAGFORMULIER, VERKLARING_BEDRIJFSARTS, PROGNOSE, *BEDRIJFSECONOMISCH)


def voor_ontslag(*, route: str, iva: bool) -> tuple[Stuk, ...]:
    """The checklist of an ontslagaanvraag: per route; no prognosis with an IVA-uitkering."""
    if route == Ontslagroute.BEDRIJFSECONOMISCH:
        return BEDRIJFSECONOMISCH
    return (AANVRAAGFORMULIER, VERKLARING_BEDRIJFSARTS) + (() if iva else (PROGNOSE,))
