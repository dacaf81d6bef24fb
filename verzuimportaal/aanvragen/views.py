"""The werkgever's side of its cases: status and history of its own cases only (ADR 0027), the
answer to the operator's question and the attachments (ADR 0028).

Reads are audited by the ``toegang`` fetchers (a list row, a row per case opened)."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.toegang import access
from verzuimportaal.toegang.acterend import portaal_view
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils.views import fout_naar_form, pagina

from . import access as aanvragen_access
from . import bijlagen, service
from .forms import AntwoordForm
from .models import DIENST_PER_SOORT, Gebeurtenis, Status, Zaak

# Any service that submits cases opens the list; the list shows the cases of the held services.
DIENSTEN = tuple(sorted(set(DIENST_PER_SOORT.values())))


@portaal_view(recht=DIENSTEN)
def lijst(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    zaken = aanvragen_access.zaken(actor).order_by("-ontvangen_op", "-pk")
    access.lijst_gelezen(actor, soort="zaak", omschrijving="aanvragen")
    return render(
        request,
        "aanvragen/lijst.html",
        {"pagina": pagina(request, zaken, settings.WERKNEMERS_PER_PAGINA)},
    )


def _open_vraag(zaak: Zaak) -> Gebeurtenis | None:
    if zaak.status != Status.INFORMATIE_GEVRAAGD:
        return None
    return (
        zaak.gebeurtenissen.filter(soort=Gebeurtenis.Soort.INFORMATIE_GEVRAAGD)
        .order_by("-tijdstip", "-pk")
        .first()
    )


@portaal_view(recht=DIENSTEN)
def detail(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    zaak = aanvragen_access.zaak(actor, uuid=uuid)
    return render(
        request,
        "aanvragen/detail.html",
        {
            "zaak": zaak,
            "gebeurtenissen": zaak.gebeurtenissen.order_by("tijdstip", "pk"),
            "bijlagen": zaak.bijlagen.order_by("geupload_op", "pk"),
            "vraag": _open_vraag(zaak),
            "mag_antwoorden": actor.heeft_recht(zaak.dienst, wijzigen=True),
            "mag_bezwaar": zaak.status == Status.BESLUIT
            and actor.heeft_recht(Dienst.BEZWAAR, wijzigen=True),
        },
    )


@portaal_view(recht=DIENSTEN, wijzigen=True)
@require_http_methods(["GET", "POST"])
def beantwoorden(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    zaak = aanvragen_access.zaak(actor, uuid=uuid)
    vraag = _open_vraag(zaak)
    form = AntwoordForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            service.beantwoord(door=actor, zaak=zaak, **form.cleaned_data)
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(
                request,
                _("Uw antwoord is bij aanvraag %(zaaknummer)s gevoegd en gaat naar UWV.")
                % {"zaaknummer": zaak.zaaknummer},
            )
            return redirect("aanvragen:detail", uuid=zaak.uuid)
    return render(
        request, "aanvragen/beantwoorden.html", {"zaak": zaak, "vraag": vraag, "form": form}
    )


@portaal_view(recht=DIENSTEN)
def bijlage(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    gevonden = aanvragen_access.zaakbijlage(actor, uuid=uuid)  # 404 first, then the method
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    audit.registreer(door=actor, actie=Actie.DOWNLOADEN, onderwerp=gevonden)
    return bijlagen.als_download(gevonden)
