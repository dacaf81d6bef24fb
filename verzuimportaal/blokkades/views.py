from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from verzuimportaal.toegang.acterend import portaal_view
from verzuimportaal.utils.views import fout_naar_form

from . import service
from .forms import MisbruikmeldingForm


@portaal_view(recht=None)
@require_http_methods(["GET", "POST"])
def melden(request: HttpRequest) -> HttpResponse:
    """Report suspected misuse (seed 003 art. 4.5): any logged-in user of a werkgever."""
    actor = request.actor  # type: ignore[attr-defined]
    form = MisbruikmeldingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service.meld_misbruik(door=actor, **form.cleaned_data)
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(
                request,
                gettext(
                    "Uw melding is ontvangen. De beheerder van het portaal onderzoekt het "
                    "vermoeden van misbruik en neemt zo nodig contact met u op."
                ),
            )
            return redirect("portaal:dashboard")
    return render(request, "blokkades/melden.html", {"form": form})
