"""Demo: a re-integratieverslag WIA handed in at Bakkerij Van den Broek (DOMAIN §5).

For the first open spell past its eindevaluatie deadline, the dossier steps are recorded through
the dossier services (plan van aanpak, an evaluation, eerstejaarsevaluatie, a visit to the
bedrijfsarts after UWV's WIA letter, eindevaluatie) and the verslag is handed in. Runs after the
dossier demo. Idempotent: nothing happens once the bakkerij has a verslag; a spell a rule
refuses is skipped.
"""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from verzuimportaal.dossier import service as dossier
from verzuimportaal.ontslag.demo import KVK_BAKKERIJ, demo_actor
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.werkgevers.models import Werkgever

from . import service
from .models import Reintegratieverslag
from .stand import stand


def _vul_dossier_en_dien_in(door: Actor, geval: Verzuimgeval, vandaag: date) -> None:
    huidig = stand(geval)
    if huidig is None or huidig.ingediend is not None or vandaag <= huidig.uwv_brief_wia:
        raise ValidationError(_("Geen verslag mogelijk voor dit verzuim."))
    d = huidig.eerste_ziektedag
    for soort, op in (
        ("plan_van_aanpak", d + timedelta(days=50)),
        ("evaluatie", d + timedelta(days=92)),
        ("eerstejaarsevaluatie", d + timedelta(days=340)),
    ):
        dossier.werk_stap_af(door=door, verzuimgeval=geval, soort=soort, uitgevoerd_op=op)
    bezoek = dossier.voeg_activiteit_toe(
        door=door,
        verzuimgeval=geval,
        type="bezoek_bedrijfsarts",
        deadline=vandaag,
        verantwoordelijke="bedrijfsarts",
        omschrijving="Actueel oordeel voor de WIA-aanvraag",
    )
    dossier.werk_activiteit_af(door=door, activiteit=bezoek, uitgevoerd_op=huidig.uwv_brief_wia)
    dossier.werk_stap_af(
        door=door, verzuimgeval=geval, soort="eindevaluatie", uitgevoerd_op=vandaag
    )
    service.dien_reintegratieverslag_in(
        door=door,
        verzuimgeval=geval,
        mening_werknemer="De werknemer is het eens met de inspanningen en de eindevaluatie.",
    )


def laad_demo(*, vandaag: date) -> None:
    werkgever = Werkgever.objects.filter(kvk_nummer=KVK_BAKKERIJ).first()
    door = demo_actor(werkgever) if werkgever else None
    if werkgever is None or door is None:
        return
    if Reintegratieverslag.objects.filter(zaak__werkgever=werkgever).exists():
        return
    gevallen = Verzuimgeval.objects.filter(
        werknemer__loonheffingennummer__werkgever=werkgever,
        einddatum__isnull=True,
        eerste_ziektedag__lte=vandaag - timedelta(days=7 * 89),
    ).order_by("eerste_ziektedag", "pk")
    for geval in gevallen[:5]:
        try:
            with transaction.atomic():
                _vul_dossier_en_dien_in(door, geval, vandaag)
        except ValidationError:
            continue
        return
