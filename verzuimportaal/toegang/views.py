from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from verzuimportaal.eherkenning import sessie as eherkenning_sessie

from .acterend import adviseur_van, geen_adviseurtoegang, keuzes
from .acterend import kies_werkgever as kies


@login_required
@require_http_methods(["GET", "POST"])
def kies_werkgever(request: HttpRequest) -> HttpResponse:
    """Choose the werkgever to act for: own memberships, advisor grants (route B), casemanager."""
    fout = None
    if request.method == "POST":
        try:
            werkgever_id = int(request.POST.get("werkgever", ""))
        except ValueError:
            werkgever_id = -1
        if kies(request, werkgever_id):
            return redirect("portaal:dashboard")
        fout = "Kies een werkgever uit de lijst."
    adviseur = adviseur_van(request, eherkenning_sessie.lees(request.session))
    return render(
        request,
        "toegang/kies_werkgever.html",
        {
            "keuzes": keuzes(request),
            "fout": fout,
            "adviseur": adviseur,
            "geen_adviseurtoegang": geen_adviseurtoegang(adviseur) if adviseur else "",
        },
    )
