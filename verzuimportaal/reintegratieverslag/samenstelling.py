"""The re-integratieverslag (RIV) compiled from the dossier (DOMAIN §5), without Django.

By week 91 the werkgever compiles the verslag for the WIA-aanvraag (due end of week 93): the plan
van aanpak and its bijstellingen, the eerstejaarsevaluatie, a current opinion of the bedrijfsarts
(given after UWV's WIA letter in week 88), the eindevaluatie and the employee's opinion. Each part
comes from what the dossier records as done; the completeness check names every missing part.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

__all__ = ["Dossierfeit", "Onderdeel", "Verslag", "stel_samen"]

# Activity kinds of the dossier (``dossier.ActiviteitType`` values) that make up the verslag.
PLAN_VAN_AANPAK = "plan_van_aanpak"
EVALUATIE = "evaluatie"
EERSTEJAARSEVALUATIE = "eerstejaarsevaluatie"
BEZOEK_BEDRIJFSARTS = "bezoek_bedrijfsarts"
EINDEVALUATIE = "eindevaluatie"
# Document kinds (``dossier.DocumentSoort`` values) shown with the parts.
DOC_PLAN = "plan_van_aanpak"
DOC_EVALUATIE = "evaluatie"
DOC_VERSLAG = "reintegratieverslag"


@dataclass(frozen=True, slots=True)
class Dossierfeit:
    """A done activity (``soort`` = activity kind) or a document (``document=True``)."""

    soort: str
    datum: date
    omschrijving: str = ""
    document: bool = False


@dataclass(frozen=True, slots=True)
class Onderdeel:
    code: str
    naam: str
    aanwezig: bool
    stukken: tuple[str, ...] = ()
    ontbreekt: str = ""  # what to do when the part is missing


@dataclass(frozen=True, slots=True)
class Verslag:
    onderdelen: tuple[Onderdeel, ...] = field(default_factory=tuple)

    @property
    def volledig(self) -> bool:
        return all(o.aanwezig for o in self.onderdelen)

    @property
    def ontbrekend(self) -> tuple[Onderdeel, ...]:
        return tuple(o for o in self.onderdelen if not o.aanwezig)

    def als_json(self) -> list[dict[str, object]]:
        return [
            {"code": o.code, "naam": o.naam, "aanwezig": o.aanwezig, "stukken": list(o.stukken)}
            for o in self.onderdelen
        ]


def _d(datum: date) -> str:
    return datum.strftime("%d-%m-%Y")


def _stukken(feiten: Iterable[Dossierfeit]) -> tuple[str, ...]:
    return tuple(
        f"{'Document' if f.document else 'Uitgevoerd'} {_d(f.datum)}"
        + (f": {f.omschrijving}" if f.omschrijving else "")
        for f in sorted(feiten, key=lambda f: f.datum)
    )


def stel_samen(
    *, feiten: Iterable[Dossierfeit], uwv_brief_wia: date, mening_werknemer: str
) -> Verslag:
    """The parts of the verslag from the dossier facts of the combined case.

    ``uwv_brief_wia`` is the date of UWV's letter about the WIA (week 88, DOMAIN §5): the
    bedrijfsarts's opinion counts as current when given on or after it.
    """
    alle = list(feiten)

    def gedaan(soort: str) -> list[Dossierfeit]:
        return [f for f in alle if f.soort == soort and not f.document]

    def documenten(soort: str) -> list[Dossierfeit]:
        return [f for f in alle if f.soort == soort and f.document]

    plan = gedaan(PLAN_VAN_AANPAK)
    evaluaties = gedaan(EVALUATIE)
    eerstejaars = gedaan(EERSTEJAARSEVALUATIE)
    oordeel = [f for f in gedaan(BEZOEK_BEDRIJFSARTS) if f.datum >= uwv_brief_wia]
    eind = gedaan(EINDEVALUATIE)
    return Verslag(
        onderdelen=(
            Onderdeel(
                "plan_van_aanpak",
                "Plan van aanpak",
                bool(plan),
                _stukken(plan + documenten(DOC_PLAN)),
                "Werk de stap 'Plan van aanpak' af in het dossier en voeg het plan toe.",
            ),
            Onderdeel(
                "bijstellingen",
                "Evaluaties en bijstellingen van het plan van aanpak",
                bool(evaluaties),
                _stukken(evaluaties + documenten(DOC_EVALUATIE)),
                "Leg de evaluaties van het plan van aanpak vast in het dossier.",
            ),
            Onderdeel(
                "eerstejaarsevaluatie",
                "Eerstejaarsevaluatie",
                bool(eerstejaars),
                _stukken(eerstejaars),
                "Werk de stap 'Eerstejaarsevaluatie' af in het dossier.",
            ),
            Onderdeel(
                "actueel_oordeel",
                "Actueel oordeel van de bedrijfsarts",
                bool(oordeel),
                _stukken(oordeel + documenten(DOC_VERSLAG)),
                "Leg een bezoek aan de bedrijfsarts vast op of na "
                f"{_d(uwv_brief_wia)} (de brief van UWV over de WIA, week 88).",
            ),
            Onderdeel(
                "eindevaluatie",
                "Eindevaluatie",
                bool(eind),
                _stukken(eind),
                "Werk de stap 'Eindevaluatie' af in het dossier (na het actuele oordeel).",
            ),
            Onderdeel(
                "mening_werknemer",
                "Mening van de werknemer",
                bool(mening_werknemer.strip()),
                (),
                "Vul de mening van de werknemer over de re-integratie in.",
            ),
        )
    )
