from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from verzuimportaal.toegang import access
from verzuimportaal.toegang.acterend import portaal_view
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils.views import fout_naar_form, pagina

from . import service
from .forms import HerstelmeldingForm, HerstelSoort, ZiekmeldingForm


@portaal_view(recht=Dienst.VERZUIM_MELDEN)
def lopend(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    gevallen = (
        access.verzuimgevallen(actor)
        .filter(einddatum__isnull=True)
        .order_by("eerste_ziektedag", "pk")
    )
    return render(
        request,
        "verzuim/lopend.html",
        {"pagina": pagina(request, gevallen, settings.WERKNEMERS_PER_PAGINA)},
    )


@portaal_view(recht=Dienst.VERZUIM_MELDEN)
def detail(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    geval = access.verzuimgeval(actor, uuid=uuid)
    return render(
        request,
        "verzuim/detail.html",
        {"geval": geval, "mutaties": geval.mutaties.order_by("ingangsdatum", "pk")},
    )


@portaal_view(recht=Dienst.VERZUIM_MELDEN)
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
                f"{werknemer.volledige_naam} is ziek gemeld. Verzuimnummer: {geval.verzuimnummer}.",
            )
            return redirect("verzuim:detail", uuid=geval.uuid)
    return render(request, "verzuim/ziek_melden.html", {"form": form, "werknemer": werknemer})


@portaal_view(recht=Dienst.VERZUIM_MELDEN)
@require_http_methods(["GET", "POST"])
def hersteld_melden(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    geval = access.verzuimgeval(actor, uuid=uuid)
    form = HerstelmeldingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["soort"] == HerstelSoort.GEDEELTELIJK:
                service.meld_gedeeltelijk_hersteld(
                    door=actor,
                    verzuimgeval=geval,
                    ingangsdatum=data["datum"],
                    percentage_arbeidsongeschikt=data["percentage_arbeidsongeschikt"],
                    loonwaarde_percentage=data["loonwaarde_percentage"],
                )
                bericht = (
                    f"Gedeeltelijk herstel is gemeld: nog {data['percentage_arbeidsongeschikt']} % "
                    "arbeidsongeschikt."
                )
            elif data["soort"] == HerstelSoort.VOLLEDIG:
                service.meld_volledig_hersteld(
                    door=actor, verzuimgeval=geval, hersteldatum=data["datum"]
                )
                bericht = "Volledig herstel is gemeld. Het verzuim is afgesloten."
            else:
                service.meld_ziek_uit_dienst(
                    door=actor, verzuimgeval=geval, laatste_dag_in_dienst=data["datum"]
                )
                bericht = "Ziek uit dienst is gemeld. Het verzuim is voor u afgesloten."
        except ValidationError as fout:
            fout = _datum_veld(fout)
            fout_naar_form(form, fout)
        else:
            messages.success(request, bericht)
            return redirect("verzuim:detail", uuid=geval.uuid)
    return render(request, "verzuim/hersteld_melden.html", {"form": form, "geval": geval})


def _datum_veld(fout: ValidationError) -> ValidationError:
    """Map the service's date field names onto the form's single 'datum' field."""
    if not hasattr(fout, "error_dict"):
        return fout
    namen = {"ingangsdatum": "datum", "hersteldatum": "datum", "laatste_dag_in_dienst": "datum"}
    return ValidationError({namen.get(k, k): v for k, v in fout.error_dict.items()})
