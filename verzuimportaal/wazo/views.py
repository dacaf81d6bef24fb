"""WAZO pages (DOMAIN §7.1): thin adapters around ``wazo.service``, reads through ``access``.

Gated by "Melden en inzien verzuimgegevens Ziektewet en WAZO" (DOMAIN §3, service 1); the estimate
of the uitkering on the detail page needs "Inzien uitkeringsgegevens Ziektewet en WAZO" too.
"""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from verzuimportaal.toegang import access
from verzuimportaal.toegang.acterend import portaal_view
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils.forms import PortaalForm
from verzuimportaal.utils.views import fout_naar_form, pagina
from verzuimportaal.verzamelspecificaties.service import maximumdagloontabel

from . import access as wazo_access
from . import periode as regels
from . import service
from .forms import (
    AanvullendGeboorteverlofForm,
    AdoptieverlofForm,
    DagloonForm,
    GeboorteForm,
    ZwangerschapsverlofForm,
)
from .models import Soort, Wazoverlof
from .periode import Verlofsoort
from .uitkering import bereken_uitkering

V = Dienst.VERZUIM_MELDEN


@portaal_view(recht=V)
def overzicht(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    verloven = wazo_access.wazoverloven(actor).order_by("-eerste_dag", "-pk")
    access.lijst_gelezen(actor, soort="wazoverlof", omschrijving="WAZO-verlof")
    return render(
        request,
        "wazo/overzicht.html",
        {"pagina": pagina(request, verloven, settings.WERKNEMERS_PER_PAGINA)},
    )


def _aanvraagvenster(verlof: Wazoverlof) -> regels.Aanvraagvenster:
    if verlof.soort == Soort.ZWANGERSCHAP:
        return regels.aanvraagvenster_zwangerschap(ingangsdatum=verlof.ingangsdatum)
    if verlof.soort == Soort.AANVULLEND_GEBOORTEVERLOF:
        return regels.Aanvraagvenster(
            van=verlof.eerste_dag - timedelta(days=regels.AANVULLEND_AANVRAAG_VOOR),
            tot=verlof.laatste_dag + timedelta(days=regels.AANVULLEND_AANVRAAG_NA),
        )
    return regels.aanvraagvenster_adoptie(ingangsdatum=verlof.ingangsdatum)


def _maanden(van: date, tot: date) -> list[tuple[date, date]]:
    stukken: list[tuple[date, date]] = []
    begin = van
    while begin <= tot:
        volgende = date(begin.year + begin.month // 12, begin.month % 12 + 1, 1)
        stukken.append((begin, min(tot, volgende - timedelta(days=1))))
        begin = volgende
    return stukken


def _uitkering(verlof: Wazoverlof, dagloon_form: DagloonForm) -> list[dict[str, Any]] | None:
    """DOMAIN §7.2: the bruto uitkering per calendar month of the leave, for a given dagloon."""
    if not dagloon_form.is_bound or not dagloon_form.is_valid():
        return None
    dagloon = dagloon_form.cleaned_data["dagloon"]
    tabel = maximumdagloontabel()  # the operator's dated table, as the UWV lines use (ADR 0045)
    regels_per_maand = []
    for van, tot in _maanden(verlof.eerste_dag, verlof.laatste_dag):
        try:
            uitkering = bereken_uitkering(
                soort=Verlofsoort(verlof.soort), dagloon=dagloon, van=van, tot=tot, tabel=tabel
            )
        except ValueError as fout:
            dagloon_form.add_error(None, str(fout))
            return None
        regels_per_maand.append({"van": van, "tot": tot, "uitkering": uitkering})
    return regels_per_maand


@portaal_view(recht=V)
def detail(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    verlof = wazo_access.wazoverlof(actor, uuid=uuid)
    mag_uitkering = actor.heeft_recht(Dienst.UITKERINGSGEGEVENS)
    dagloon_form = DagloonForm(request.GET if "dagloon" in request.GET else None)
    return render(
        request,
        "wazo/detail.html",
        {
            "verlof": verlof,
            "venster": _aanvraagvenster(verlof),
            "mag_wijzigen": actor.heeft_recht(V, wijzigen=True),
            "mag_uitkering": mag_uitkering,
            "dagloon_form": dagloon_form,
            "uitkering": _uitkering(verlof, dagloon_form) if mag_uitkering else None,
        },
    )


def _melden(
    request: HttpRequest,
    *,
    form_klasse: type[PortaalForm],
    titel: str,
    melden: Callable[..., Wazoverlof],
) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    werknemer = access.werknemer(actor, uuid=request.resolver_match.kwargs["uuid"])  # type: ignore[union-attr]
    form = form_klasse(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            verlof = melden(door=actor, werknemer=werknemer, **form.cleaned_data)
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            _bevestig(request, verlof)
            return redirect("wazo:detail", uuid=verlof.uuid)
    return render(
        request, "wazo/melden.html", {"form": form, "werknemer": werknemer, "titel": titel}
    )


def _bevestig(request: HttpRequest, verlof: Wazoverlof) -> None:
    messages.success(
        request,
        _("%(soort)s is gemeld voor %(volledige_naam)s: %(eerste_dag)s tot en met %(laatste_dag)s.")
        % {
            "soort": verlof.get_soort_display(),
            "volledige_naam": verlof.werknemer.volledige_naam,
            "eerste_dag": f"{verlof.eerste_dag:%d-%m-%Y}",
            "laatste_dag": f"{verlof.laatste_dag:%d-%m-%Y}",
        },
    )
    if verlof.te_laat:
        messages.warning(
            request,
            _(
                "Deze aanvraag is na de aanvraagtermijn ingediend. UWV beslist of de uitkering "
                "nog (helemaal) wordt betaald; bij aanvullend geboorteverlof betaalt UWV alleen "
                "over het jaar voor de aanvraag."
            ),
        )


@portaal_view(recht=V, wijzigen=True)
@require_http_methods(["GET", "POST"])
def zwangerschapsverlof_melden(request: HttpRequest, uuid: str) -> HttpResponse:
    return _melden(
        request,
        form_klasse=ZwangerschapsverlofForm,
        titel=_("Zwangerschaps- en bevallingsverlof melden"),
        melden=service.meld_zwangerschapsverlof,
    )


@portaal_view(recht=V, wijzigen=True)
@require_http_methods(["GET", "POST"])
def aanvullend_geboorteverlof_melden(request: HttpRequest, uuid: str) -> HttpResponse:
    return _melden(
        request,
        form_klasse=AanvullendGeboorteverlofForm,
        titel=_("Aanvullend geboorteverlof melden"),
        melden=service.meld_aanvullend_geboorteverlof,
    )


@portaal_view(recht=V, wijzigen=True)
@require_http_methods(["GET", "POST"])
def adoptieverlof_melden(request: HttpRequest, uuid: str) -> HttpResponse:
    return _melden(
        request,
        form_klasse=AdoptieverlofForm,
        titel=_("Adoptie- of pleegzorgverlof melden"),
        melden=service.meld_adoptieverlof,
    )


@portaal_view(recht=V, wijzigen=True)
@require_http_methods(["GET", "POST"])
def geboorte_melden(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    verlof = wazo_access.wazoverlof(actor, uuid=uuid)
    initial = {
        "geboortedatum": verlof.geboortedatum,
        "ziekenhuis_van": verlof.ziekenhuis_van,
        "ziekenhuis_tot": verlof.ziekenhuis_tot,
    }
    form = GeboorteForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            verlof = service.meld_geboorte(door=actor, verlof=verlof, **form.cleaned_data)
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(
                request,
                _("De geboorte is gemeld. Het verlof loopt nu tot en met %(laatste_dag)s.")
                % {"laatste_dag": f"{verlof.laatste_dag:%d-%m-%Y}"},
            )
            return redirect("wazo:detail", uuid=verlof.uuid)
    return render(request, "wazo/geboorte_melden.html", {"form": form, "verlof": verlof})
