"""The eHerkenning acting context kept in the session for the duration of the login."""

from dataclasses import asdict, dataclass

from django.contrib.sessions.backends.base import SessionBase
from django.utils import timezone

from .assertie import Assertie

SESSIE_EHERKENNING = "eherkenning"


@dataclass(frozen=True)
class EHerkenningContext:
    pseudoniem: str
    kvk_nummer: str
    intermediair_kvk_nummer: str | None
    niveau: str
    diensten: tuple[str, ...]
    ingelogd_op: str


def bewaar(sessie: SessionBase, assertie: Assertie) -> None:
    context = EHerkenningContext(
        pseudoniem=assertie.pseudoniem,
        kvk_nummer=assertie.kvk_nummer,
        intermediair_kvk_nummer=assertie.intermediair_kvk_nummer,
        niveau=assertie.niveau,
        diensten=tuple(sorted(assertie.diensten)),
        ingelogd_op=timezone.now().isoformat(),
    )
    sessie[SESSIE_EHERKENNING] = asdict(context)


def lees(sessie: SessionBase) -> EHerkenningContext | None:
    gegevens = sessie.get(SESSIE_EHERKENNING)
    if not gegevens:
        return None
    try:
        return EHerkenningContext(**{**gegevens, "diensten": tuple(gegevens["diensten"])})
    except (TypeError, KeyError):
        return None
