"""Wage data of one werknemer: the dated history and a form to add a row (DOMAIN §7.3)."""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from verzuimportaal.toegang import access
from verzuimportaal.toegang.acterend import portaal_view
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils.views import fout_naar_form, pagina

from . import access as lonen_access
from . import service
from .forms import JanuariloonFormSet, LoonForm
from .models import Loongegeven


@portaal_view(recht=Dienst.WERKNEMERSGEGEVENS, wijzigen=True)
@require_http_methods(["GET", "POST"])
def werknemer(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    persoon = access.werknemer(actor, uuid=uuid)
    form = LoonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service.leg_loon_vast(door=actor, werknemer=persoon, **form.cleaned_data)
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(request, _("Het loon is opgeslagen."))
            return redirect("lonen:werknemer", uuid=persoon.uuid)
    if request.method == "GET":
        access.gelezen(actor, persoon, omschrijving="loongegevens")
    return render(
        request,
        "lonen/werknemer.html",
        {
            "werknemer": persoon,
            "lonen": lonen_access.loongegevens(actor, werknemer=persoon),
            "form": form,
        },
    )


JANUARI_PER_PAGINA = 50


@portaal_view(recht=Dienst.WERKNEMERSGEGEVENS, wijzigen=True)
@require_http_methods(["GET", "POST"])
def januari(request: HttpRequest) -> HttpResponse:
    """The January update (seed 004): confirm or change every wage per 1 January, page by page,
    then finish it; the premium invoices follow (DOMAIN §7.3)."""
    actor = request.actor  # type: ignore[attr-defined]
    actualisatie = lonen_access.loonactualisaties(actor).first()
    if actualisatie is None:
        return render(request, "lonen/januari.html", {"actualisatie": None})
    peil = actualisatie.peildatum
    werknemers = (
        access.werknemers(actor)
        .filter(pk__in=service.in_dienst_op(werkgever_id=actor.werkgever.pk, dag=peil))
        .order_by("achternaam", "pk")
    )
    huidige = pagina(request, werknemers, JANUARI_PER_PAGINA)
    lonen = {
        loon.werknemer_id: loon
        for loon in Loongegeven.objects.filter(
            werknemer__in=huidige.object_list, ingangsdatum__lte=peil
        ).order_by("werknemer_id", "ingangsdatum")
    }  # the last per werknemer: the wage valid on 1 January
    beginwaarden = [
        {
            "werknemer": w.uuid,
            "bruto_jaarloon": lonen[w.pk].bruto_jaarloon if w.pk in lonen else None,
            "vakantiegeld_percentage": (
                lonen[w.pk].vakantiegeld_percentage if w.pk in lonen else Decimal(8)
            ),
            "vaste_onderdelen": lonen[w.pk].vaste_onderdelen if w.pk in lonen else Decimal(0),
        }
        for w in huidige.object_list
    ]
    formset = JanuariloonFormSet(
        request.POST if request.POST.get("actie") == "opslaan" else None, initial=beginwaarden
    )
    fout = ""
    if request.method == "POST" and actualisatie.afgerond_op is None:
        try:
            if request.POST.get("actie") == "afronden":
                facturen = service.rond_loonactualisatie_af(door=actor, actualisatie=actualisatie)
                messages.success(
                    request,
                    ngettext(
                        "De loongegevens %(jaar)s zijn afgerond; %(aantal)s premiefactuur staat "
                        "onder Financiën.",
                        "De loongegevens %(jaar)s zijn afgerond; %(aantal)s premiefacturen staan "
                        "onder Financiën.",
                        len(facturen),
                    )
                    % {"jaar": actualisatie.jaar, "aantal": len(facturen)},
                )
                return redirect("lonen:januari")
            if formset.is_valid():
                per_uuid = {w.uuid: w for w in huidige.object_list}
                regels = []
                for data in formset.cleaned_data:
                    if data["werknemer"] not in per_uuid:
                        raise PermissionDenied(_("Deze werknemer staat niet op deze pagina."))
                    regels.append(
                        service.Loonregel(
                            werknemer=per_uuid[data["werknemer"]],
                            bruto_jaarloon=data["bruto_jaarloon"],
                            vakantiegeld_percentage=data["vakantiegeld_percentage"],
                            vaste_onderdelen=data["vaste_onderdelen"],
                        )
                    )
                gewijzigd = service.werk_januarilonen_bij(
                    door=actor, actualisatie=actualisatie, regels=regels
                )
                messages.success(
                    request,
                    _("%(aantal)s lonen bevestigd, waarvan %(gewijzigd)s gewijzigd.")
                    % {"aantal": len(regels), "gewijzigd": gewijzigd},
                )
                return redirect(f"{request.path}?pagina={huidige.number}")
        except ValidationError as fout_:
            fout = " ".join(fout_.messages)
    if len(formset.forms) != len(huidige.object_list):  # a tampered or outdated page
        formset = JanuariloonFormSet(initial=beginwaarden)
        fout = "De pagina is niet volledig verstuurd of verouderd. Vul de lonen opnieuw in."
    access.lijst_gelezen(
        actor, soort="loongegeven", omschrijving=f"loongegevens {actualisatie.jaar}"
    )
    return render(
        request,
        "lonen/januari.html",
        {
            "actualisatie": actualisatie,
            "pagina": huidige,
            "rijen": list(zip(huidige.object_list, formset.forms, strict=True)),
            "formset": formset,
            "fout": fout,
            "zonder_loon": sum(1 for w in huidige.object_list if w.pk not in lonen),
        },
    )
