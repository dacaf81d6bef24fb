"""Who may change what in the dossier (used by the services, and by the pages to hide buttons).

Changes need "Melden en inzien verzuimgegevens" at the level "bekijken en wijzigen". A casemanager
(``Route.CASEMANAGER``) holds that service at level "bekijken" but coordinates the re-integration
(seed 004), so it may add activities, mark steps done and upload documents too. An activity made
by a casemanager stays the casemanager's: the employer side sees it but cannot change it, and a
casemanager cannot change the employer's own activities.
"""

from verzuimportaal.toegang.actor import Actor, Route
from verzuimportaal.toegang.diensten import Dienst

from .models import Activiteit


def is_casemanager(actor: Actor) -> bool:
    return actor.route == Route.CASEMANAGER


def mag_dossier_wijzigen(actor: Actor) -> bool:
    if is_casemanager(actor):
        return actor.heeft_recht(Dienst.VERZUIM_MELDEN)
    return actor.heeft_recht(Dienst.VERZUIM_MELDEN, wijzigen=True)


def mag_activiteit_wijzigen(actor: Actor, activiteit: Activiteit) -> bool:
    return mag_dossier_wijzigen(actor) and activiteit.van_casemanager == is_casemanager(actor)


def mag_verlenging_vastleggen(actor: Actor) -> bool:
    """A loonsanctie or voluntary extension moves legal deadlines and the end of loondoorbetaling:
    the werkgever's decision (UWV imposes the sanction on the werkgever; the extension is agreed
    between werkgever and werknemer), so never the casemanager's (ADR 0016)."""
    return not is_casemanager(actor) and actor.heeft_recht(Dienst.VERZUIM_MELDEN, wijzigen=True)
