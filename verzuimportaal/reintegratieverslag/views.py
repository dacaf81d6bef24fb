"""Re-integratieverslag WIA pages (DOMAIN §3 service 9, §5): which spells need a verslag, the
verslag compiled from the dossier with its completeness check, and the hand-in."""

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from verzuimportaal.dossier import termijnen
from verzuimportaal.poortwachter import StapSoort
from verzuimportaal.toegang import access
from verzuimportaal.toegang.acterend import portaal_view
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils.views import fout_naar_form
from verzuimportaal.verzuim.models import Verzuimgeval

from . import service
from .forms import IndienenForm
from .models import Reintegratieverslag
from .stand import Stand, stand

R = Dienst.REINTEGRATIE_WIA
# From week 78 a spell shows here: time to prepare the eindevaluatie (week 91) and the verslag.
VANAF_DAGEN = 7 * 78


@portaal_view(recht=R)
def overzicht(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    vandaag = timezone.localdate()
    open_gevallen = access.lopende_verzuimgevallen(actor, waar="re-integratieverslag").filter(
        eerste_ziektedag__lte=vandaag - timedelta(days=VANAF_DAGEN)
    )
    werknemer_ids = {g.werknemer_id for g in open_gevallen}
    ingediend = {
        v.verzuimgeval_id: v
        for v in Reintegratieverslag.objects.filter(werknemer_id__in=werknemer_ids).select_related(
            "zaak"
        )
    }
    rijen: list[dict[str, Any]] = []
    for samengesteld in termijnen.bereken_voor_werknemers(werknemer_ids):
        geval = samengesteld.geval
        if not geval.is_open or geval.ziektedagen_voor(datum=vandaag) < VANAF_DAGEN:
            continue
        deadlines = {s.soort: s.deadline for s in geval.stappen}
        if StapSoort.WIA_AANVRAAG not in deadlines:
            continue
        rijen.append(
            {
                "verzuimgeval": samengesteld.laatste,
                "werknemer": samengesteld.laatste.werknemer,
                "eerste_ziektedag": geval.eerste_ziektedag,
                "eindevaluatie": deadlines.get(StapSoort.EINDEVALUATIE),
                "wia_aanvraag": deadlines[StapSoort.WIA_AANVRAAG],
                "ingediend": ingediend.get(samengesteld.verzuimgevallen[0].pk),
            }
        )
    rijen.sort(key=lambda r: r["wia_aanvraag"])
    return render(request, "reintegratieverslag/overzicht.html", {"rijen": rijen})


def _stand(request: HttpRequest, uuid: str, mening: str = "") -> tuple[Verzuimgeval, Stand]:
    actor = request.actor  # type: ignore[attr-defined]
    verzuimgeval = access.verzuimgeval(actor, uuid=uuid)
    huidig = stand(verzuimgeval, mening_werknemer=mening)
    if huidig is None:
        raise Http404(_("Voor dit verzuim is geen re-integratieverslag nodig."))
    return verzuimgeval, huidig


@portaal_view(recht=R)
def verslag(request: HttpRequest, uuid: str) -> HttpResponse:
    verzuimgeval, huidig = _stand(request, uuid)
    actor = request.actor  # type: ignore[attr-defined]
    return render(
        request,
        "reintegratieverslag/verslag.html",
        {
            "verzuimgeval": verzuimgeval,
            "stand": huidig,
            "mag_indienen": actor.heeft_recht(R, wijzigen=True) and huidig.ingediend is None,
        },
    )


@portaal_view(recht=R, wijzigen=True)
@require_http_methods(["GET", "POST"])
def indienen(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    form = IndienenForm(request.POST or None)
    verzuimgeval, huidig = _stand(request, uuid)
    if request.method == "POST" and form.is_valid():
        try:
            ingediend = service.dien_reintegratieverslag_in(
                door=actor, verzuimgeval=verzuimgeval, **form.cleaned_data
            )
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(
                request,
                _("Het re-integratieverslag is ingediend onder zaaknummer %(zaaknummer)s.")
                % {"zaaknummer": ingediend.zaak.zaaknummer},
            )
            if ingediend.te_laat:
                messages.warning(
                    request,
                    _(
                        "Het verslag is na de uiterste datum voor de WIA-aanvraag "
                        "(%(wia_aanvraag_uiterlijk)s) ingediend."
                    )
                    % {"wia_aanvraag_uiterlijk": f"{ingediend.wia_aanvraag_uiterlijk:%d-%m-%Y}"},
                )
            return redirect("aanvragen:detail", uuid=ingediend.zaak.uuid)
    return render(
        request,
        "reintegratieverslag/indienen.html",
        {"verzuimgeval": verzuimgeval, "stand": huidig, "form": form},
    )
