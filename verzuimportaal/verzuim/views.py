from collections import defaultdict

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Case, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_http_methods

from verzuimportaal.dossier import termijnen as dossiertermijnen
from verzuimportaal.lonen import access as lonen_access
from verzuimportaal.poortwachter import Stap
from verzuimportaal.toegang import access
from verzuimportaal.toegang.acterend import portaal_view
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils.views import fout_naar_form, pagina

from . import service
from .arbodienst import contact_uiterlijk
from .forms import (
    CorrectieForm,
    CorrectieSoort,
    HerstelmeldingForm,
    HerstelSoort,
    PercentageWijzigenForm,
    ZelfdeOorzaakForm,
    ZiekmeldingForm,
)
from .models import EindeReden


@portaal_view(recht=Dienst.VERZUIM_MELDEN)
def lopend(request: HttpRequest) -> HttpResponse:
    """Open spells, those with an overdue Poortwachter step first (loonsanctie risk), then the
    longest running."""
    actor = request.actor  # type: ignore[attr-defined]
    open_gevallen = access.lopende_verzuimgevallen(actor, waar="lijst")
    te_laat: dict[int, list[Stap]] = defaultdict(list)
    for item in dossiertermijnen.te_late_stappen(
        verzuimgevallen=open_gevallen, vandaag=timezone.localdate()
    ):
        te_laat[item.verzuimgeval.pk].append(item.stap)
    gevallen = open_gevallen.annotate(
        volgorde=Case(When(pk__in=list(te_laat), then=Value(0)), default=Value(1))
    ).order_by("volgorde", "eerste_ziektedag", "pk")
    deze_pagina = pagina(request, gevallen, settings.WERKNEMERS_PER_PAGINA)
    for geval in deze_pagina.object_list:
        geval.te_late_stappen = te_laat.get(geval.pk, [])
    return render(
        request,
        "verzuim/lopend.html",
        {"pagina": deze_pagina, "aantal_te_laat": len(te_laat)},
    )


@portaal_view(recht=Dienst.VERZUIM_MELDEN)
def detail(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    geval = access.verzuimgeval(actor, uuid=uuid)
    # Seed 004: check the wage data at every ziekmelding; the one valid on the first sick day.
    toon_loon = actor.heeft_een_van((Dienst.WERKNEMERSGEGEVENS, Dienst.UITKERINGSGEGEVENS))
    return render(
        request,
        "verzuim/detail.html",
        {
            "geval": geval,
            "toon_loon": toon_loon,
            "loon": (
                lonen_access.loongegevens(actor, werknemer=geval.werknemer)
                .filter(ingangsdatum__lte=geval.eerste_ziektedag)
                .first()
                if toon_loon
                else None
            ),
            "mutaties": geval.mutaties.order_by("ingangsdatum", "pk"),
            # Seed 004: until then the werkgever waits for the verzuimconsultant's call.
            "contact_uiterlijk": contact_uiterlijk(geval.gemeld_op),
            # DOMAIN §4.6: who corrected what, when, old → new; one query however many rows.
            "correcties": list(geval.correcties.order_by("gecorrigeerd_op", "pk")),
        },
    )


@portaal_view(recht=Dienst.VERZUIM_MELDEN, wijzigen=True)
@require_http_methods(["GET", "POST"])
def ziek_melden(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    werknemer = access.werknemer(actor, uuid=uuid)
    form = ZiekmeldingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            geval = service.meld_ziek(door=actor, werknemer=werknemer, **form.cleaned_data)
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(
                request,
                gettext(
                    "%(naam)s is ziek gemeld. Verzuimnummer: %(nummer)s. De melding gaat direct "
                    "naar de arbodienst en uw casemanager; de verzuimconsultant neemt binnen vier "
                    "werkdagen contact met u op, uiterlijk op %(datum)s."
                )
                % {
                    "naam": werknemer.volledige_naam,
                    "nummer": geval.verzuimnummer,
                    "datum": f"{contact_uiterlijk(geval.gemeld_op):%d-%m-%Y}",
                },
            )
            return redirect("verzuim:detail", uuid=geval.uuid)
    return render(request, "verzuim/ziek_melden.html", {"form": form, "werknemer": werknemer})


@portaal_view(recht=Dienst.VERZUIM_MELDEN, wijzigen=True)
@require_http_methods(["GET", "POST"])
def hersteld_melden(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    geval = access.verzuimgeval(actor, uuid=uuid)
    form = HerstelmeldingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            service.meld_herstel(door=actor, verzuimgeval=geval, **data)
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(request, _HERSTEL_BERICHT[data["soort"]].format(**data))
            return redirect("verzuim:detail", uuid=geval.uuid)
    return render(request, "verzuim/hersteld_melden.html", {"form": form, "geval": geval})


_HERSTEL_BERICHT = {
    HerstelSoort.GEDEELTELIJK: gettext_lazy(
        "Gedeeltelijk herstel is gemeld: nog {percentage_arbeidsongeschikt} % arbeidsongeschikt."
    ),
    HerstelSoort.VOLLEDIG: gettext_lazy("Volledig herstel is gemeld. Het verzuim is afgesloten."),
    HerstelSoort.UIT_DIENST: gettext_lazy(
        "Ziek uit dienst is gemeld. Het verzuim is voor u afgesloten."
    ),
}


@portaal_view(recht=Dienst.VERZUIM_MELDEN, wijzigen=True)
@require_http_methods(["GET", "POST"])
def corrigeren(request: HttpRequest, uuid: str) -> HttpResponse:
    """Correct the first sick day or hersteldatum, or withdraw a full recovery (DOMAIN §4.6)."""
    actor = request.actor  # type: ignore[attr-defined]
    geval = access.verzuimgeval(actor, uuid=uuid)
    hersteld = geval.einde_reden == EindeReden.HERSTELD
    form = CorrectieForm(request.POST or None, hersteld=hersteld)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        wat, datum, reden = data["wat"], data["datum"], data["reden"]
        try:
            if wat == CorrectieSoort.EERSTE_ZIEKTEDAG:
                service.corrigeer_eerste_ziektedag(
                    door=actor, verzuimgeval=geval, eerste_ziektedag=datum, reden=reden
                )
                bericht = gettext("De eerste ziektedag is gecorrigeerd naar %(datum)s.") % {
                    "datum": f"{datum:%d-%m-%Y}"
                }
            elif wat == CorrectieSoort.HERSTELDATUM:
                service.corrigeer_hersteldatum(
                    door=actor, verzuimgeval=geval, hersteldatum=datum, reden=reden
                )
                bericht = gettext("De hersteldatum is gecorrigeerd naar %(datum)s.") % {
                    "datum": f"{datum:%d-%m-%Y}"
                }
            else:
                service.heropen_verzuimgeval(door=actor, verzuimgeval=geval, reden=reden)
                bericht = "De herstelmelding is ingetrokken. Het verzuim loopt weer."
        except ValidationError as fout:
            fout_naar_form(form, service.op_datumveld(fout))
        else:
            messages.success(request, bericht)
            return redirect("verzuim:detail", uuid=geval.uuid)
    return render(
        request, "verzuim/corrigeren.html", {"form": form, "geval": geval, "hersteld": hersteld}
    )


@portaal_view(recht=Dienst.VERZUIM_MELDEN, wijzigen=True)
@require_http_methods(["GET", "POST"])
def percentage_wijzigen(request: HttpRequest, uuid: str) -> HttpResponse:
    """A higher or lower percentage unfit from a date (DOMAIN §4.3, ADR 0009)."""
    actor = request.actor  # type: ignore[attr-defined]
    geval = access.verzuimgeval(actor, uuid=uuid)
    form = PercentageWijzigenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            mutatie = service.wijzig_percentage(
                door=actor,
                verzuimgeval=geval,
                ingangsdatum=data["ingangsdatum"],
                percentage_arbeidsongeschikt=data["percentage_arbeidsongeschikt"],
                reden=data["reden"],
            )
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(
                request,
                gettext(
                    "Het percentage is gewijzigd: %(percentage)s %% arbeidsongeschikt per "
                    "%(datum)s."
                )
                % {
                    "percentage": mutatie.percentage_arbeidsongeschikt,
                    "datum": f"{mutatie.ingangsdatum:%d-%m-%Y}",
                },
            )
            return redirect("verzuim:detail", uuid=geval.uuid)
    huidig = geval.mutaties.order_by("-ingangsdatum", "-pk").first()
    return render(
        request,
        "verzuim/percentage_wijzigen.html",
        {"form": form, "geval": geval, "huidig": huidig},
    )


@portaal_view(recht=Dienst.VERZUIM_MELDEN, wijzigen=True)
@require_http_methods(["GET", "POST"])
def zelfde_oorzaak(request: HttpRequest, uuid: str) -> HttpResponse:
    """DOMAIN §5.1: record the bedrijfsarts's answer about the cause after WAZO leave."""
    actor = request.actor  # type: ignore[attr-defined]
    geval = access.verzuimgeval(actor, uuid=uuid)
    form = ZelfdeOorzaakForm(request.POST or None, initial={"zelfde_oorzaak": geval.zelfde_oorzaak})
    if request.method == "POST" and form.is_valid():
        try:
            service.leg_zelfde_oorzaak_vast(door=actor, verzuimgeval=geval, **form.cleaned_data)
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(
                request,
                gettext("Het antwoord is vastgelegd; de termijnen zijn opnieuw berekend."),
            )
            return redirect("verzuim:detail", uuid=geval.uuid)
    return render(request, "verzuim/zelfde_oorzaak.html", {"form": form, "geval": geval})
