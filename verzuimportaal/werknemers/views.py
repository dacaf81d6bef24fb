from functools import partial

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.toegang import access, scopecache, zichtbaar
from verzuimportaal.toegang.acterend import actor_van, portaal_view
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils.views import fout_naar_form, pagina, uitgestelde_pagina
from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.wazo import access as wazo_access
from verzuimportaal.wazo.models import Wazoverlof

from . import selectors, service
from .forms import BsnZoekForm, Dienstverband, WerknemerForm, ZoekForm


@portaal_view(recht=(Dienst.WERKNEMERSGEGEVENS, Dienst.VERZUIM_MELDEN))
@require_http_methods(["GET", "POST"])
def lijst(request: HttpRequest) -> HttpResponse:
    """Employees in service by name; search, filters and sorting. With ``?actie=ziekmelden`` (and
    the right to report sickness) it is the "Ziek melden" picker: in service only."""
    actor = request.actor  # type: ignore[attr-defined]
    ziek_melden = request.GET.get("actie") == "ziekmelden" and zichtbaar.mag(
        actor, "verzuim:ziek_melden"
    )
    zoek = ZoekForm(
        request.GET,
        loonheffingennummers=access.loonheffingennummers(actor),
        alleen_in_dienst=ziek_melden,
    )
    vraag = selectors.Zoekvraag()
    if zoek.is_valid():
        data = zoek.cleaned_data
        vraag = selectors.Zoekvraag(
            tekst=data["q"],
            dienstverband=Dienstverband.IN_DIENST
            if ziek_melden
            else data.get("dienstverband") or Dienstverband.IN_DIENST,
            loonheffingennummer=data.get("loonheffingennummer"),
            alleen_ziek=bool(data.get("ziek")),
            sorteer=data["sorteer"] or "naam",
        )
    bsn_zoek = BsnZoekForm(request.POST if "bsn" in request.POST else None)
    if bsn_zoek.is_valid():
        werknemers = selectors.met_bsn(access.werknemers(actor), bsn_zoek.cleaned_data["bsn"])
    elif bsn_zoek.is_bound:  # an invalid BSN finds nobody; the error says what to type
        werknemers = access.werknemers(actor).none()
    else:
        werknemers = selectors.zoek(access.werknemers(actor), vraag, timezone.localdate())
    if bsn_zoek.is_bound:
        deze_pagina = pagina(request, werknemers, settings.WERKNEMERS_PER_PAGINA)
    else:
        # 100 000 werknemers (ADR 0037): the count is a figure kept until the werkgever's data
        # change (ADR 0011), and a page reads its keys from the name index first.
        lhnr = vraag.loonheffingennummer.pk if vraag.loonheffingennummer else None
        aantal = partial(
            scopecache.gecached,
            actor,
            "werknemers-aantal",
            vraag.tekst,
            vraag.dienstverband,
            lhnr,
            vraag.alleen_ziek,
            timezone.localdate().isoformat(),
            bereken=werknemers.order_by().count,
        )
        deze_pagina = uitgestelde_pagina(
            request, werknemers, settings.WERKNEMERS_PER_PAGINA, aantal=aantal
        )
    # Who is sick, for the rows on this page only: as an EXISTS per row PostgreSQL hashes every
    # open spell of the database first, which costs more than the page itself.
    op_pagina = list(deze_pagina.object_list)
    ziek = set(
        Verzuimgeval.objects.filter(
            werknemer__in=[w.pk for w in op_pagina], einddatum__isnull=True
        ).values_list("werknemer_id", flat=True)
    )
    for w in op_pagina:
        w.is_ziek = w.pk in ziek
    zoekparameters = request.GET.copy()
    zoekparameters.pop("pagina", None)
    context = {
        "zoek": zoek,
        "pagina": deze_pagina,
        "ziek_melden": ziek_melden,
        "zoekparameters": zoekparameters.urlencode(),
        "bsn_zoek": bsn_zoek,
        "op_bsn": bsn_zoek.is_valid(),
        # A BSN typed in the name search is not searched (it would be in the URL): say where.
        "bsn_in_zoekveld": selectors.als_bsn(vraag.tekst) is not None,
        "vandaag": timezone.localdate(),
    }
    if bsn_zoek.is_valid():
        # A lookup by BSN reads one person's data: logged per employee found, and once when
        # nothing was found (who tried which numbers is worth knowing too; the BSN itself is
        # not stored in the log, DOMAIN §9).
        for w in op_pagina:
            access.gelezen(actor_van(request), w, omschrijving="gezocht op BSN")
        if not op_pagina:
            audit.registreer_overzicht(
                door=actor_van(request),
                actie=Actie.INZIEN,
                object_type="werknemer",
                omschrijving="gezocht op BSN, niets gevonden",
            )
    else:
        audit.registreer_overzicht(
            door=actor_van(request),
            actie=Actie.INZIEN,
            object_type="werknemer",
            omschrijving="werknemerslijst",
        )
    return render(request, "werknemers/lijst.html", context)


@portaal_view(recht=(Dienst.WERKNEMERSGEGEVENS, Dienst.VERZUIM_MELDEN))
def detail(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    werknemer = access.werknemer(actor, uuid=uuid)
    gevallen: list[Verzuimgeval] = []
    verloven: list[Wazoverlof] = []
    if actor.heeft_recht(Dienst.VERZUIM_MELDEN):
        gevallen = list(
            access.verzuimgevallen(actor).filter(werknemer=werknemer).prefetch_related("mutaties")
        )
        verloven = list(wazo_access.wazoverloven(actor).filter(werknemer=werknemer))
    open_geval = next((g for g in gevallen if g.is_open), None)
    return render(
        request,
        "werknemers/detail.html",
        {
            "werknemer": werknemer,
            "gevallen": gevallen,
            "open_geval": open_geval,
            "verloven": verloven,
        },
    )


@portaal_view(recht=Dienst.WERKNEMERSGEGEVENS, wijzigen=True)
@require_http_methods(["GET", "POST"])
def aanmelden(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    form = WerknemerForm(
        request.POST or None, loonheffingennummers=access.loonheffingennummers(actor)
    )
    if request.method == "POST" and form.is_valid():
        try:
            werknemer = service.meld_werknemer_aan(door=actor, **form.cleaned_data)
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(request, f"{werknemer.volledige_naam} is aangemeld.")
            return redirect("werknemers:detail", uuid=werknemer.uuid)
    return render(request, "werknemers/formulier.html", {"form": form, "werknemer": None})


@portaal_view(recht=Dienst.WERKNEMERSGEGEVENS, wijzigen=True)
@require_http_methods(["GET", "POST"])
def wijzigen(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    werknemer = access.werknemer(actor, uuid=uuid)
    initial = {veld: getattr(werknemer, veld) for veld in service.BEWERKBARE_VELDEN}
    form = WerknemerForm(
        request.POST or None,
        initial=initial,
        loonheffingennummers=access.loonheffingennummers(actor),
        bestaand=True,
    )
    if request.method == "POST" and form.is_valid():
        try:
            service.wijzig_werknemer(door=actor, werknemer=werknemer, gegevens=form.cleaned_data)
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(request, "De gegevens zijn opgeslagen.")
            return redirect("werknemers:detail", uuid=werknemer.uuid)
    if request.method == "GET":  # the form shows the stored data
        access.gelezen(actor, werknemer, omschrijving="wijzigformulier")
    return render(request, "werknemers/formulier.html", {"form": form, "werknemer": werknemer})
