"""Pages of the werknemers import: upload, column mapping, dry run, progress (htmx), report."""

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from verzuimportaal.toegang.acterend import portaal_view
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils.views import fout_naar_form

from . import access, rapport, service
from .forms import BestandForm, KoppelForm
from .models import Status

W = Dienst.WERKNEMERSGEGEVENS
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@portaal_view(recht=W, wijzigen=True)
@require_http_methods(["GET", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    form = BestandForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        bestand = form.cleaned_data["bestand"]
        try:
            imp = service.lees_in(door=actor, bestandsnaam=bestand.name, inhoud=bestand.read())
        except ValidationError as fout:
            fout_naar_form(form, ValidationError({"bestand": fout.messages}))
        else:
            return redirect("imports:koppelen", imp.uuid)
    return render(request, "imports/start.html", {"form": form})


@portaal_view(recht=W, wijzigen=True)
def sjabloon(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(rapport.sjabloon(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="werknemers-sjabloon.xlsx"'
    return response


@portaal_view(recht=W, wijzigen=True)
@require_http_methods(["GET", "POST"])
def koppelen(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    imp = access.werknemerimport(actor, uuid=uuid)
    if imp.status not in (Status.GELEZEN, Status.GECONTROLEERD):
        return redirect("imports:voortgang", imp.uuid)
    initial = {v: str(i) for v, i in imp.koppeling.items()}
    form = KoppelForm(request.POST or None, koppen=imp.koppen, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            service.controleer(door=actor, imp=imp, koppeling=form.koppeling())
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            return redirect("imports:proefdraai", imp.uuid)
    return render(request, "imports/koppelen.html", {"imp": imp, "form": form})


@portaal_view(recht=W, wijzigen=True)
@require_http_methods(["GET", "POST"])
def proefdraai(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    imp = access.werknemerimport(actor, uuid=uuid)
    if imp.status == Status.GELEZEN:
        return redirect("imports:koppelen", imp.uuid)
    fout = None
    if request.method == "POST":
        try:
            service.start(door=actor, imp=imp)
        except ValidationError as e:
            fout = " ".join(e.messages)
        else:
            return redirect("imports:voortgang", imp.uuid)
    return render(
        request,
        "imports/proefdraai.html",
        {
            "imp": imp,
            "fout": fout,
            "telling": [(label, imp.aantallen.get(a, 0)) for a, label in rapport.ACTIES.items()],
            "regels": [{**r, "label": rapport.ACTIES[r["actie"]]} for r in imp.uitkomsten[:500]],
        },
    )


@portaal_view(recht=W)
def voortgang(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    imp = access.werknemerimport(actor, uuid=uuid)
    te_doen = sum(imp.aantallen.get(a, 0) for a in ("aanmaken", "wijzigen", "uit_dienst"))
    gedaan = cache.get(service.voortgangsleutel(imp), 0) if imp.status == Status.BEZIG else te_doen
    context = {
        "imp": imp,
        "gedaan": gedaan,
        "te_doen": te_doen,
        "procent": int(100 * gedaan / te_doen) if te_doen else 100,
    }
    sjabloon_naam = (
        "imports/_voortgang.html" if request.headers.get("HX-Request") else "imports/voortgang.html"
    )
    return render(request, sjabloon_naam, context)


@portaal_view(recht=W)
def importrapport(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    imp = access.werknemerimport(actor, uuid=uuid)
    response = HttpResponse(rapport.rapport(imp), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="importrapport.xlsx"'
    return response
