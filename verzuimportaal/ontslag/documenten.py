"""The documents each route requires (DOMAIN §7.6 [23–26]): uploaded once with the application;
anything else goes by post."""

from verzuimportaal.aanvragen.bijlagen import Stuk

from .models import Ontslagroute

AANVRAAGFORMULIER = Stuk(
    "aanvraagformulier",
    "Aanvraagformulier ontslagvergunning bij langdurige arbeidsongeschiktheid",
)
VERKLARING_BEDRIJFSARTS = Stuk(
    "verklaring_bedrijfsarts",
    "Verklaring van de bedrijfsarts",
    toelichting="Hoogstens 3 maanden oud op de dag van de aanvraag. Zonder diagnose.",
)
PROGNOSE = Stuk(
    "prognose",
    "Prognose voor de komende 26 weken",
    toelichting="Niet nodig als de werknemer een IVA-uitkering heeft.",
)
BEDRIJFSECONOMISCH = (
    Stuk("formulier_a", "Formulier A: gegevens van de werkgever en de reden"),
    Stuk("formulier_b", "Formulier B: financiële gegevens"),
    Stuk("formulier_c", "Formulier C: de werknemers en de afspiegeling"),
    Stuk(
        "bijlagen_bedrijfseconomisch",
        "Bijlagen: onderbouwing, overzicht afspiegeling en herplaatsingsmogelijkheden",
    ),
)
COMPENSATIE = (
    Stuk("arbeidsovereenkomst", "Arbeidsovereenkomst"),
    Stuk(
        "bewijs_einde",
        "Bewijs van het einde van het dienstverband",
        toelichting="Beëindigingsovereenkomst, uitspraak van de kantonrechter of opzegbrief.",
    ),
    Stuk("berekening_transitievergoeding", "Uw berekening van de transitievergoeding"),
    Stuk("loonstrook_1", "Loonstrook 1"),
    Stuk("loonstrook_2", "Loonstrook 2"),
    Stuk(
        "bewijs_betaling",
        "Bewijs van de volledige betaling van de transitievergoeding, met de datum",
    ),
)
ALLE_ONTSLAG = (AANVRAAGFORMULIER, VERKLARING_BEDRIJFSARTS, PROGNOSE, *BEDRIJFSECONOMISCH)


def voor_ontslag(*, route: str, iva: bool) -> tuple[Stuk, ...]:
    """The checklist of an ontslagaanvraag: per route; no prognosis with an IVA-uitkering."""
    if route == Ontslagroute.BEDRIJFSECONOMISCH:
        return BEDRIJFSECONOMISCH
    return (AANVRAAGFORMULIER, VERKLARING_BEDRIJFSARTS) + (() if iva else (PROGNOSE,))
