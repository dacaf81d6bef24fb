from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from .acterend import kies_werkgever as kies
from .models import Lidmaatschap


@login_required
@require_http_methods(["GET", "POST"])
def kies_werkgever(request: HttpRequest) -> HttpResponse:
    lidmaatschappen = (
        Lidmaatschap.objects.filter(gebruiker_id=request.user.pk, actief=True)
        .select_related("werkgever")
        .order_by("werkgever__naam")
    )
    fout = None
    if request.method == "POST":
        try:
            werkgever_id = int(request.POST.get("werkgever", ""))
        except ValueError:
            werkgever_id = -1
        if kies(request, werkgever_id):
            return redirect("portaal:dashboard")
        fout = "Kies een werkgever uit de lijst."
    return render(
        request, "toegang/kies_werkgever.html", {"lidmaatschappen": lidmaatschappen, "fout": fout}
    )
