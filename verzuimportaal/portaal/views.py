"""The dashboard (seed 002 style): figures, widgets and a "Snel naar" menu, each shown only to an
actor with the right it needs. The figures come from ``cijfers`` (cached per data version); the
rows they point to are read here through ``toegang.access``, in two queries whatever the size of
the werkgever."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from verzuimportaal.toegang import access
from verzuimportaal.toegang.acterend import portaal_view
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.uitkeringen.selectors import financiencijfers
from verzuimportaal.verzuim.models import Verzuimgeval

from . import cijfers


@dataclass(frozen=True)
class TermijnRegel:
    deadline: date
    omschrijving: str
    verzuimgeval: Verzuimgeval


def _snel_naar(actor: Actor) -> list[tuple[str, str]]:
    links: list[tuple[str | None, str, bool]] = [
        (
            reverse("machtigingen:verlenen"),
            "Toegang verlenen",
            actor.heeft_recht(Dienst.RECHTENBEHEER, wijzigen=True),
        ),
        (
            reverse("werknemers:aanmelden"),
            "Werknemer aanmelden",
            actor.heeft_recht(Dienst.WERKNEMERSGEGEVENS, wijzigen=True),
        ),
        (
            reverse("werknemers:lijst") + "?actie=ziekmelden",
            "Ziek melden",
            actor.heeft_recht(Dienst.VERZUIM_MELDEN, wijzigen=True),
        ),
        (reverse("overzichten:index"), "Overzichten", actor.heeft_recht(Dienst.OVERZICHTEN)),
        (
            reverse("overzichten:werknemerslijst"),
            "Lijst downloaden",
            actor.heeft_een_van((Dienst.WERKNEMERSGEGEVENS, Dienst.VERZUIM_MELDEN)),
        ),
    ]
    return [(naam, url) for url, naam, mag in links if mag and url]


def _verzuim(actor: Actor, vandaag: date) -> dict[str, Any]:
    c = cijfers.verzuimcijfers(actor, vandaag)
    gevallen = access.verzuimgevallen(actor).in_bulk(
        {*c.open_ids, *(t.verzuimgeval_id for t in c.termijnen)}
    )
    mutaties = access.mutaties(actor).in_bulk(c.mutatie_ids)
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
    return render(request, "portaal/dashboard.html", context)
