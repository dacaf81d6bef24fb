"""Hand in the re-integratieverslag WIA (DOMAIN §5, ADR 0028).

One transaction: the right (Aanleveren en inzien re-integratiegegevens WIA, level "bekijken en
wijzigen"), the werknemer locked, the verslag compiled from the dossier and complete (every
missing part named), once per combined case; then it is a case for the operator with the parts
as they were at the hand-in. After the WIA deadline (end of week 93) it is still accepted, marked
late: the employee's WIA-aanvraag needs it.
"""

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from verzuimportaal.aanvragen import service as aanvragen
from verzuimportaal.aanvragen.models import Soort as ZaakSoort
from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.werkgevers.service import markeer_gegevens_gewijzigd
from verzuimportaal.werknemers.service import vergrendel_voor

from .models import Reintegratieverslag
from .stand import stand


@transaction.atomic
def dien_reintegratieverslag_in(
    *, door: Actor, verzuimgeval: Verzuimgeval, mening_werknemer: str
) -> Reintegratieverslag:
    if not door.heeft_recht(Dienst.REINTEGRATIE_WIA, wijzigen=True):
        raise PermissionDenied(
            _(
                "Hiervoor is de machtiging 'Aanleveren en inzien re-integratiegegevens WIA' met "
                "het niveau 'bekijken en wijzigen' nodig."
            )
        )
    werknemer = vergrendel_voor(door=door, werknemer_id=verzuimgeval.werknemer_id)
    mening_werknemer = mening_werknemer.strip()
    huidig = stand(verzuimgeval, mening_werknemer=mening_werknemer)
    if huidig is None:
        raise ValidationError(
            _(
                "Dit verzuim duurt niet tot de WIA-aanvraag (week 93); er is geen "
                "re-integratieverslag nodig."
            )
        )
    if huidig.ingediend is not None:
        raise ValidationError(
            _("Het re-integratieverslag voor dit verzuim is al ingediend (zaak %(zaaknummer)s).")
            % {"zaaknummer": huidig.ingediend.zaak.zaaknummer}
        )
    if not huidig.verslag.volledig:
        fouten: dict[str, list[str]] = {}
        for onderdeel in huidig.verslag.ontbrekend:
            veld = "mening_werknemer" if onderdeel.code == "mening_werknemer" else NON_FIELD_ERRORS
            fouten.setdefault(veld, []).append(f"{onderdeel.naam} ontbreekt. {onderdeel.ontbreekt}")
        raise ValidationError(fouten)
    vandaag = timezone.localdate()
    zaak = aanvragen.ontvang(
        door=door,
        soort=ZaakSoort.REINTEGRATIEVERSLAG,
        onderwerp=f"Re-integratieverslag WIA van {werknemer.volledige_naam}",
        werknemer=werknemer,
    )
    verslag = Reintegratieverslag.objects.create(
        zaak=zaak,
        verzuimgeval=huidig.eerste_verzuimgeval,
        werknemer=werknemer,
        eerste_ziektedag=huidig.eerste_ziektedag,
        mening_werknemer=mening_werknemer,
        onderdelen=huidig.verslag.als_json(),
        wia_aanvraag_uiterlijk=huidig.wia_aanvraag_uiterlijk,
        te_laat=vandaag > huidig.wia_aanvraag_uiterlijk,
        ingediend_op=vandaag,
    )
    audit.registreer(
        door=door,
        actie=Actie.AANMAKEN,
        onderwerp=verslag,
        omschrijving=f"re-integratieverslag {zaak.zaaknummer}",
    )
    markeer_gegevens_gewijzigd(werkgever_ids=[door.werkgever.pk])
    return verslag
