from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from verzuimportaal.toegang.acterend import portaal_view
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils.views import fout_naar_form

from . import access, service
from .forms import ActiverenForm


# Rechtenbeheer, at level "wijzigen": activating opens the number's werknemers and verzuim to
# every user of the werkgever, which is a decision about access (seed 003 art. 2.6, 2.10).
@portaal_view(recht=Dienst.RECHTENBEHEER, wijzigen=True)
def activeren(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    nummers = access.te_activeren_nummers(actor)
    form = ActiverenForm(request.POST or None, nummers=nummers)
    if request.method == "POST" and form.is_valid():
        nummer = form.cleaned_data["loonheffingennummer"]
        try:
            service.activeer(
                door=actor,
                loonheffingennummer=nummer,
                code=form.cleaned_data["code"],
            )
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(
                request,
                gettext(
                    "Loonheffingennummer %(nummer)s is geactiveerd. U ziet nu de werknemers en "
                    "verzuimmeldingen op dit nummer."
                )
                % {"nummer": nummer},
            )
            return redirect("verificatie:activeren")
    return render(request, "verificatie/activeren.html", {"form": form, "nummers": nummers})
