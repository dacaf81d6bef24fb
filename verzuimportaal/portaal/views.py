"""The dashboard (seed 002 style): figures, widgets and a "Snel naar" menu, each shown only to an
actor with the right it needs. The figures come from ``cijfers`` (cached per data version); the
rows they point to are read here through ``toegang.access``, in two queries whatever the size of
the werkgever."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from verzuimportaal.toegang import access, zichtbaar
from verzuimportaal.toegang.acterend import portaal_view
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.uitkeringen.selectors import financiencijfers
from verzuimportaal.verzuim.models import Verzuimgeval

from . import cijfers, meldingen


@dataclass(frozen=True)
class TermijnRegel:
    deadline: date
    omschrijving: str
    verzuimgeval: Verzuimgeval


def _snel_naar(actor: Actor) -> list[tuple[str, str]]:
    """Shortcuts to the pages the actor may open (``toegang.zichtbaar``: the pages' own rights)."""
    links = [
        ("machtigingen:verlenen", "", gettext("Toegang verlenen")),
        ("werknemers:aanmelden", "", gettext("Werknemer aanmelden")),
        ("verzuim:ziek_melden", "?actie=ziekmelden", gettext("Ziek melden")),
        ("overzichten:index", "", gettext("Overzichten")),
        ("overzichten:werknemerslijst", "", gettext("Lijst downloaden")),
    ]
    uitkomst = []
    for pagina, achter, naam in links:
        if not zichtbaar.mag(actor, pagina):
            continue
        # "Ziek melden" starts at the werknemer search (the form itself needs a werknemer).
        adres = reverse("werknemers:lijst") if pagina == "verzuim:ziek_melden" else reverse(pagina)
        uitkomst.append((naam, adres + achter))
    return uitkomst


def _verzuim(actor: Actor, vandaag: date) -> dict[str, Any]:
    c = cijfers.verzuimcijfers(actor, vandaag)
    gevallen = access.verzuimgevallen(actor).in_bulk(
        {*c.open_ids, *(t.verzuimgeval_id for t in (*c.termijnen, *c.te_laat))}
    )
    mutaties = access.mutaties(actor).in_bulk(c.mutatie_ids)
    # Who is sick, by name: an audited read (DOMAIN §3), one row for the dashboard's lists.
    access.lijst_gelezen(actor, soort="verzuimgeval", omschrijving="lopende verzuimen (dashboard)")
    return {
        "aantal_open": c.aantal_open,
        "open_gevallen": [gevallen[pk] for pk in c.open_ids if pk in gevallen],
        "recente_mutaties": [mutaties[pk] for pk in c.mutatie_ids if pk in mutaties],
        "termijnen": {
            "aantal": c.aantal_termijnen,
            "eerste": [
                TermijnRegel(
                    deadline=t.deadline,
                    omschrijving=t.omschrijving,
                    verzuimgeval=gevallen[t.verzuimgeval_id],
                )
                for t in c.termijnen
                if t.verzuimgeval_id in gevallen
            ],
            "van": c.termijnen_van,
            "tot": c.termijnen_tot,
        },
        "te_laat": {
            "aantal": c.aantal_te_laat,
            "eerste": [
                TermijnRegel(
                    deadline=t.deadline,
                    omschrijving=t.omschrijving,
                    verzuimgeval=gevallen[t.verzuimgeval_id],
                )
                for t in c.te_laat
                if t.verzuimgeval_id in gevallen
            ],
        },
    }


@portaal_view()
def dashboard(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    vandaag = timezone.localdate()
    context: dict[str, Any] = {"snel_naar": _snel_naar(actor)}
    if actor.heeft_een_van((Dienst.WERKNEMERSGEGEVENS, Dienst.VERZUIM_MELDEN)):
        context["aantal_werknemers"] = cijfers.aantal_werknemers(actor, vandaag)
    if actor.heeft_recht(Dienst.VERZUIM_MELDEN):
        context.update(_verzuim(actor, vandaag))
    if actor.heeft_recht(Dienst.OVERZICHTEN):
        overzicht = cijfers.overzichtcijfers(actor, vandaag)
        context["vergelijking"] = overzicht.vergelijking
        context["tijdigheid"] = overzicht.tijdigheid
    if actor.heeft_recht(Dienst.UITKERINGSGEGEVENS):
        context["financien"] = financiencijfers(actor, vandaag)
    if zichtbaar.mag(actor, "verificatie:activeren"):
        # A new loonheffingennummer waits for the verificatiecode from its letter (seed 003);
        # until then the number itself is not shown outside the activation page.
        context["te_activeren"] = access.te_activeren_loonheffingennummers(actor).count()
    return render(request, "portaal/dashboard.html", context)


@require_POST
def melding_verbergen(request: HttpRequest) -> HttpResponse:
    """Hide a banner for the rest of the session (``meldingen``); back to the page it was on.

    Open to every visitor (a banner shows before login too); it only writes the visitor's own
    session. POST with CSRF, so a link cannot hide a notice for someone else.
    """
    if not meldingen.verberg(request.session, request.POST.get("melding", "")):
        return HttpResponseBadRequest(
            "Onbekende melding.", content_type="text/plain; charset=utf-8"
        )
    terug = request.POST.get("volgende", "")
    if not url_has_allowed_host_and_scheme(
        terug, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        terug = reverse("portaal:dashboard")
    return redirect(terug)


def hulp(request: HttpRequest) -> HttpResponse:
    """Help per section of the portal: what the portal expects, the Poortwachter steps, whom to
    contact. Open to everyone (no personal data), also before logging in."""
    return render(request, "portaal/hulp.html")
