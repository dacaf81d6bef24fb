from functools import partial

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import OuterRef, Subquery
from django.db.models.lookups import IsNull
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.toegang import access, scopecache, zichtbaar
from verzuimportaal.toegang.acterend import actor_van, portaal_view
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils import keyset
from verzuimportaal.utils.views import fout_naar_form
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
    # Who is sick, per row shown: a scalar subquery, which PostgreSQL evaluates for the page's
    # rows only (an EXISTS it may turn into a hash of every open spell in the database first).
    ziek = IsNull(
        Subquery(
            Verzuimgeval.objects.filter(werknemer=OuterRef("pk"), einddatum__isnull=True)
            .order_by()
            .values("pk")[:1]
        ),
        False,
    )
    if bsn_zoek.is_bound:
        # An exact BSN finds one person per loonheffingennummer: one page, no links (they would
        # be GET requests without the BSN).
        gevonden = (
            selectors.met_bsn(access.werknemers(actor), bsn_zoek.cleaned_data["bsn"])
            if bsn_zoek.is_valid()
            else access.werknemers(actor).none()  # an invalid BSN finds nobody; the error says
        )
        op_pagina = list(gevonden.annotate(is_ziek=ziek))
        aantal = len(op_pagina)
        deze_pagina = keyset.Sleutelpagina(
            rijen=op_pagina, volgende=None, vorige=None, is_eerste=True, is_laatste=True
        )
        laatste = None
    else:
        werknemers = selectors.zoek(access.werknemers(actor), vraag, timezone.localdate())
        # 100 000 werknemers (ADR 0037, 0048): the count is a figure kept until the werkgever's
        # data change (ADR 0011); a page is the rows after (or before) a position in the sort
        # order, read from the index at that position.
        lhnr = vraag.loonheffingennummer.pk if vraag.loonheffingennummer else None
        aantal = scopecache.gecached(
            actor,
            "werknemers-aantal",
            vraag.tekst,
            vraag.dienstverband,
            lhnr,
            vraag.alleen_ziek,
            timezone.localdate().isoformat(),
            bereken=werknemers.order_by().count,
        )
        if vraag.tekst.strip():  # with the number known, the matches can be read first
            werknemers = selectors.zoek(
                access.werknemers(actor), vraag, timezone.localdate(), aantal_treffers=aantal
            )
        lees = partial(
            keyset.pagina,
            werknemers.annotate(is_ziek=ziek),
            per_pagina=settings.WERKNEMERS_PER_PAGINA,
            naam="werknemers",
        )
        try:
            deze_pagina = lees(cursor=request.GET.get("cursor"))
        except keyset.OngeldigeCursor:  # an old link or another sorting: start at the top
            deze_pagina = lees(cursor=None)
        laatste = keyset.laatste_pagina(werknemers, naam="werknemers")
        op_pagina = deze_pagina.rijen
    zoekparameters = request.GET.copy()
    zoekparameters.pop("cursor", None)
    zoekparameters.pop("pagina", None)
    context = {
        "zoek": zoek,
        "pagina": deze_pagina,
        "aantal": aantal,
        "laatste_pagina": laatste,
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
            messages.success(
                request, gettext("%(naam)s is aangemeld.") % {"naam": werknemer.volledige_naam}
            )
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
            messages.success(request, gettext("De gegevens zijn opgeslagen."))
            return redirect("werknemers:detail", uuid=werknemer.uuid)
    if request.method == "GET":  # the form shows the stored data
        access.gelezen(actor, werknemer, omschrijving="wijzigformulier")
    return render(request, "werknemers/formulier.html", {"form": form, "werknemer": werknemer})
