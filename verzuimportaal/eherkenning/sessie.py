"""The eHerkenning acting context kept in the session for the duration of the login."""

from dataclasses import asdict, dataclass

from django.contrib.sessions.backends.base import SessionBase
from django.utils import timezone

from .assertie import Assertie

SESSIE_EHERKENNING = "eherkenning"
# Set at login while the person has no display name or confirmed e-mail address (ADR 0025).
SESSIE_GEGEVENS_NODIG = "eherkenning_gegevens_nodig"


@dataclass(frozen=True)
class EHerkenningContext:
    pseudoniem: str
    kvk_nummer: str
    intermediair_kvk_nummer: str | None
    niveau: str
    diensten: tuple[str, ...]
    ingelogd_op: str
    # The display name the person gave (ADR 0025); empty until then, never the pseudonym.
    weergavenaam: str = ""
    # Services at the level "bekijken en wijzigen" (ADR 0043); ``None``: all of ``diensten``.
    wijzigdiensten: tuple[str, ...] | None = None


def bewaar(sessie: SessionBase, assertie: Assertie, *, weergavenaam: str = "") -> None:
    context = EHerkenningContext(
        pseudoniem=assertie.pseudoniem,
        kvk_nummer=assertie.kvk_nummer,
        intermediair_kvk_nummer=assertie.intermediair_kvk_nummer,
        niveau=assertie.niveau,
        diensten=tuple(sorted(assertie.diensten)),
        ingelogd_op=timezone.now().isoformat(),
        weergavenaam=weergavenaam,
        wijzigdiensten=(
            None if assertie.wijzigdiensten is None else tuple(sorted(assertie.wijzigdiensten))
        ),
    )
    sessie[SESSIE_EHERKENNING] = asdict(context)


def lees(sessie: SessionBase) -> EHerkenningContext | None:
    gegevens = sessie.get(SESSIE_EHERKENNING)
    if not gegevens:
        return None
    try:
        wijzig = gegevens.get("wijzigdiensten")
        return EHerkenningContext(
            **{
                **gegevens,
                "diensten": tuple(gegevens["diensten"]),
                "wijzigdiensten": None if wijzig is None else tuple(wijzig),
            }
        )
    except (TypeError, KeyError):
        return None


def zet_weergavenaam(sessie: SessionBase, weergavenaam: str) -> None:
    gegevens = sessie.get(SESSIE_EHERKENNING)
    if gegevens:
        sessie[SESSIE_EHERKENNING] = {**gegevens, "weergavenaam": weergavenaam}
