"""Where a combined case stands for its re-integratieverslag: the verslag compiled from the
dossier now (``samenstelling``), the deadlines of DOMAIN §5 and any verslag handed in."""

from dataclasses import dataclass
from datetime import date

from verzuimportaal.dossier import termijnen
from verzuimportaal.dossier.models import Activiteit, Document
from verzuimportaal.poortwachter import StapSoort
from verzuimportaal.verzuim.models import Verzuimgeval

from .models import Reintegratieverslag
from .samenstelling import Dossierfeit, Verslag, stel_samen


@dataclass(frozen=True)
class Stand:
    eerste_verzuimgeval: Verzuimgeval
    eerste_ziektedag: date
    uwv_brief_wia: date
    eindevaluatie_uiterlijk: date
    wia_aanvraag_uiterlijk: date
    verslag: Verslag
    ingediend: Reintegratieverslag | None


def stand(verzuimgeval: Verzuimgeval, *, mening_werknemer: str = "") -> Stand | None:
    """The stand of the combined case containing ``verzuimgeval``; ``None`` when that case has
    no WIA-aanvraag ahead or behind it (it ended before week 93)."""
    samengesteld = termijnen.voor_verzuimgeval(verzuimgeval)
    deadlines = {stap.soort: stap.deadline for stap in samengesteld.geval.stappen}
    if StapSoort.WIA_AANVRAAG not in deadlines or StapSoort.UWV_BRIEF_WIA not in deadlines:
        return None
    gevallen = samengesteld.verzuimgevallen
    feiten = [
        Dossierfeit(soort=a.type, datum=a.uitgevoerd_op, omschrijving=a.omschrijving)
        for a in Activiteit.objects.filter(verzuimgeval__in=gevallen, afgewerkt=True)
        if a.uitgevoerd_op is not None
    ] + [
        Dossierfeit(soort=d.soort, datum=d.geupload_op.date(), omschrijving=d.naam, document=True)
        for d in Document.objects.filter(verzuimgeval__in=gevallen)
    ]
    return Stand(
        eerste_verzuimgeval=gevallen[0],
        eerste_ziektedag=samengesteld.geval.eerste_ziektedag,
        uwv_brief_wia=deadlines[StapSoort.UWV_BRIEF_WIA],
        eindevaluatie_uiterlijk=deadlines.get(
            StapSoort.EINDEVALUATIE, deadlines[StapSoort.WIA_AANVRAAG]
        ),
        wia_aanvraag_uiterlijk=deadlines[StapSoort.WIA_AANVRAAG],
        verslag=stel_samen(
            feiten=feiten,
            uwv_brief_wia=deadlines[StapSoort.UWV_BRIEF_WIA],
            mening_werknemer=mening_werknemer,
        ),
        ingediend=Reintegratieverslag.objects.filter(verzuimgeval__in=gevallen)
        .select_related("zaak")
        .first(),
    )
