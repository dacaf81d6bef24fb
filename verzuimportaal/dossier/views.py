"""Pages of the verzuimdossier: the timeline of a spell, the activities overview, and the forms.

Viewing needs "Melden en inzien verzuimgegevens" (bekijken). The forms that change the dossier are
wrapped with the same service at level "bekijken" and check ``rechten.mag_dossier_wijzigen``
themselves, because a casemanager holds that service at level "bekijken" and still coordinates
the dossier (seed 004); everyone else needs "bekijken en wijzigen" (403 otherwise).
"""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.forms import Form
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.overzichten.export import csv_response
from verzuimportaal.toegang import access
from verzuimportaal.toegang.acterend import actor_van, portaal_view
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils.views import fout_naar_form
from verzuimportaal.verzuim.models import Verzuimgeval

from . import access as dossier_access
from . import selectors, service, termijnen
from .forms import (
    ActiviteitForm,
    ActiviteitWijzigenForm,
    AfwerkenForm,
    DocumentForm,
    OverzichtForm,
    StapAfwerkenForm,
    VerlengingForm,
)
from .models import Activiteit, ActiviteitType
from .rechten import mag_activiteit_wijzigen, mag_dossier_wijzigen, mag_verlenging_vastleggen

V = Dienst.VERZUIM_MELDEN
ACTIVITEITEN_PER_PAGINA = 50


def _actor(request: HttpRequest) -> Actor:
    return request.actor  # type: ignore[attr-defined]


def _vereis_wijzigen(actor: Actor) -> None:
    if not mag_dossier_wijzigen(actor):
        raise PermissionDenied(
            gettext(
                "U mag het verzuimdossier alleen bekijken. Voor wijzigen is het niveau "
                "'bekijken en wijzigen' nodig voor melden en inzien verzuimgegevens. Vraag de "
                "werkgever om dit niveau."
            )
        )


def _activiteit_voor_wijzigen(request: HttpRequest, uuid: str) -> Activiteit:
    actor = _actor(request)
    _vereis_wijzigen(actor)
    activiteit = dossier_access.activiteit(actor, uuid=uuid)
    if not mag_activiteit_wijzigen(actor, activiteit):
        raise PermissionDenied(
            gettext(
                "Deze activiteit is van de casemanager; alleen de casemanager kan haar wijzigen."
            )
            if activiteit.van_casemanager
            else gettext(
                "Deze activiteit is van de werkgever; als casemanager kunt u haar niet wijzigen."
            )
        )
    return activiteit


def _naar_tijdlijn(geval: Verzuimgeval) -> HttpResponse:
    return redirect("dossier:tijdlijn", uuid=geval.uuid)


def _pagina(
    request: HttpRequest,
    form: Form | None,
    geval: Verzuimgeval,
    titel: str,
    knop: str,
    **extra: Any,
) -> HttpResponse:
    context = {"form": form, "geval": geval, "titel": titel, "knop": knop, **extra}
    return render(request, "dossier/formulier.html", context)


def _formulier(
    request: HttpRequest,
    form: Form,
    opslaan: Callable[[dict[str, Any]], HttpResponse],
    *,
    geval: Verzuimgeval,
    titel: str,
    knop: str,
    **extra: Any,
) -> HttpResponse:
    """A dossier form: on a valid POST ``opslaan`` calls the service, logs and redirects; a
    refusal of the service goes onto the form, which is shown again."""
    if request.method == "POST" and form.is_valid():
        try:
            return opslaan(form.cleaned_data)
        except ValidationError as fout:
            fout_naar_form(form, fout)
    return _pagina(request, form, geval, titel, knop, **extra)


@portaal_view(recht=V)
def tijdlijn(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = _actor(request)
    geval = access.verzuimgeval(actor, uuid=uuid)
    vandaag = timezone.localdate()
    lijn = selectors.tijdlijn(actor=actor, verzuimgeval=geval, vandaag=vandaag)
    access.gelezen(actor, geval, omschrijving="dossier")
    wijzigen = mag_dossier_wijzigen(actor)
    return render(
        request,
        "dossier/tijdlijn.html",
        {
            "geval": geval,
            "lijn": lijn,
            "vandaag": vandaag,
            "mag_wijzigen": wijzigen,
            "mag_verlengen": mag_verlenging_vastleggen(actor),
            "wijzigbaar": {
                a.pk for a in lijn.activiteiten if wijzigen and mag_activiteit_wijzigen(actor, a)
            },
            "afvinkbaar": {s.soort.value for s in service.afvinkbare_stappen(lijn.termijnen)},
        },
    )


def _filters(form: OverzichtForm) -> selectors.Filters:
    if not form.is_valid():
        return selectors.Filters()
    data = form.cleaned_data
    return selectors.Filters(
        afgewerkt=data["afgewerkt"] == "ja",
        achternaam=data["achternaam"].strip(),
        verzuimnummer=data["verzuimnummer"].strip(),
        type=data["type"],
        van=data["van"],
        tot=data["tot"],
    )


@portaal_view(recht=V)
def activiteiten(request: HttpRequest) -> HttpResponse:
    actor = _actor(request)
    form = OverzichtForm(request.GET or None)
    filters = _filters(form)
    vandaag = timezone.localdate()
    regels = selectors.activiteitenoverzicht(actor=actor, filters=filters, vandaag=vandaag)
    if request.GET.get("formaat") == "csv":
        audit.registreer_overzicht(
            door=actor_van(request),
            actie=Actie.EXPORTEREN,
            object_type="activiteit",
            omschrijving=f"activiteitenoverzicht ({len(regels)} regels)",
        )
        return csv_response(  # type: ignore[return-value]  # streamed, like every export
            bestandsnaam=f"activiteiten-{vandaag:%Y%m%d}",
            kop=[
                "Verzuimnummer",
                "Werknemer",
                "Activiteit",
                "Omschrijving",
                "Wie",
                "Uiterste datum",
                "Uitgevoerd op",
                "Afgewerkt",
                "Te laat",
            ],
            rijen=(
                [
                    r.verzuimgeval.verzuimnummer,
                    r.verzuimgeval.werknemer.sorteernaam,
                    r.soort,
                    r.omschrijving,
                    r.wie,
                    r.deadline,
                    r.uitgevoerd_op,
                    r.afgewerkt,
                    r.te_laat,
                ]
                for r in regels
            ),
        )
    audit.registreer_overzicht(
        door=actor_van(request),
        actie=Actie.INZIEN,
        object_type="activiteit",
        omschrijving="activiteitenoverzicht",
    )
    pagina = Paginator(regels, ACTIVITEITEN_PER_PAGINA).get_page(request.GET.get("pagina"))
    zoek = request.GET.copy()
    zoek.pop("pagina", None)
    zoek.pop("formaat", None)
    return render(
        request,
        "dossier/activiteiten.html",
        {
            "form": form,
            "filters": filters,
            "pagina": pagina,
            "zoekparameters": zoek.urlencode(),
        },
    )


@portaal_view(recht=V)
@require_http_methods(["GET", "POST"])
def activiteit_toevoegen(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = _actor(request)
    _vereis_wijzigen(actor)
    geval = access.verzuimgeval(actor, uuid=uuid)

    def opslaan(data: dict[str, Any]) -> HttpResponse:
        activiteit = service.voeg_activiteit_toe(door=actor, verzuimgeval=geval, **data)
        messages.success(
            request,
            gettext("De activiteit '%(activiteit)s' is toegevoegd.")
            % {"activiteit": activiteit.get_type_display()},
        )
        return _naar_tijdlijn(geval)

    return _formulier(
        request,
        ActiviteitForm(request.POST or None),
        opslaan,
        geval=geval,
        titel="Activiteit toevoegen",
        knop="Toevoegen",
    )


@portaal_view(recht=V)
@require_http_methods(["GET", "POST"])
def stap_afwerken(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = _actor(request)
    _vereis_wijzigen(actor)
    geval = access.verzuimgeval(actor, uuid=uuid)
    stappen = service.afvinkbare_stappen(termijnen.voor_verzuimgeval(geval))
    keuzes: list[tuple[str, str]] = []
    for stap in stappen:
        if stap.soort.value not in dict(keuzes):
            label = ActiviteitType(stap.soort.value).label
            keuzes.append(
                (
                    stap.soort.value,
                    gettext("%(stap)s (uiterlijk %(datum)s)")
                    % {"stap": label, "datum": f"{stap.deadline:%d-%m-%Y}"},
                )
            )
    form = StapAfwerkenForm(
        request.POST or None,
        keuzes=keuzes,
        initial={"soort": request.GET.get("soort"), "uitgevoerd_op": timezone.localdate()},
    )

    def opslaan(data: dict[str, Any]) -> HttpResponse:
        activiteit = service.werk_stap_af(door=actor, verzuimgeval=geval, **data)
        messages.success(
            request,
            gettext("'%(activiteit)s' is afgewerkt. De termijnen zijn bijgewerkt.")
            % {"activiteit": activiteit.get_type_display()},
        )
        return _naar_tijdlijn(geval)

    return _formulier(
        request,
        form,
        opslaan,
        geval=geval,
        titel="Wettelijke stap afwerken",
        knop="Afwerken",
        geen_stappen=not keuzes,
    )


@portaal_view(recht=V)
@require_http_methods(["GET", "POST"])
def activiteit_wijzigen(request: HttpRequest, uuid: str) -> HttpResponse:
    activiteit = _activiteit_voor_wijzigen(request, uuid)
    form = ActiviteitWijzigenForm(
        request.POST or None,
        initial={
            "omschrijving": activiteit.omschrijving,
            "deadline": activiteit.deadline,
            "verantwoordelijke": activiteit.verantwoordelijke,
        },
    )

    def opslaan(data: dict[str, Any]) -> HttpResponse:
        service.wijzig_activiteit(door=_actor(request), activiteit=activiteit, **data)
        messages.success(request, gettext("De activiteit is gewijzigd."))
        return _naar_tijdlijn(activiteit.verzuimgeval)

    return _formulier(
        request,
        form,
        opslaan,
        geval=activiteit.verzuimgeval,
        titel=gettext("%(activiteit)s wijzigen") % {"activiteit": activiteit.get_type_display()},
        knop="Opslaan",
        activiteit=activiteit,
    )


@portaal_view(recht=V)
@require_http_methods(["GET", "POST"])
def activiteit_afwerken(request: HttpRequest, uuid: str) -> HttpResponse:
    activiteit = _activiteit_voor_wijzigen(request, uuid)
    form = AfwerkenForm(request.POST or None, initial={"uitgevoerd_op": timezone.localdate()})

    def opslaan(data: dict[str, Any]) -> HttpResponse:
        service.werk_activiteit_af(
            door=_actor(request), activiteit=activiteit, uitgevoerd_op=data["uitgevoerd_op"]
        )
        messages.success(
            request,
            gettext("'%(activiteit)s' is afgewerkt.")
            % {"activiteit": activiteit.get_type_display()},
        )
        return _naar_tijdlijn(activiteit.verzuimgeval)

    return _formulier(
        request,
        form,
        opslaan,
        geval=activiteit.verzuimgeval,
        titel=gettext("%(activiteit)s afwerken") % {"activiteit": activiteit.get_type_display()},
        knop="Afwerken",
        activiteit=activiteit,
    )


@portaal_view(recht=V)
@require_http_methods(["GET", "POST"])
def activiteit_heropenen(request: HttpRequest, uuid: str) -> HttpResponse:
    activiteit = _activiteit_voor_wijzigen(request, uuid)
    if request.method == "POST":
        wettelijk = activiteit.is_wettelijke_stap
        try:
            service.heropen_activiteit(door=_actor(request), activiteit=activiteit)
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
        else:
            messages.success(
                request,
                (
                    gettext("'%(activiteit)s' staat weer open. De termijnen zijn opnieuw berekend.")
                    if wettelijk
                    else gettext("'%(activiteit)s' staat weer open.")
                )
                % {"activiteit": activiteit.get_type_display()},
            )
        return _naar_tijdlijn(activiteit.verzuimgeval)
    return _pagina(
        request,
        None,
        activiteit.verzuimgeval,
        gettext("%(activiteit)s heropenen") % {"activiteit": activiteit.get_type_display()},
        gettext("Heropenen"),
        activiteit=activiteit,
        uitleg="De activiteit staat daarna weer open."
        + (
            " Bij een wettelijke stap worden de termijnen opnieuw berekend."
            if activiteit.is_wettelijke_stap
            else ""
        ),
    )


@portaal_view(recht=V)
@require_http_methods(["GET", "POST"])
def document_uploaden(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = _actor(request)
    _vereis_wijzigen(actor)
    geval = access.verzuimgeval(actor, uuid=uuid)

    def opslaan(data: dict[str, Any]) -> HttpResponse:
        document = service.upload_document(
            door=actor, verzuimgeval=geval, soort=data["soort"], bestand=data["bestand"]
        )
        messages.success(
            request, gettext("Het document %(naam)s is toegevoegd.") % {"naam": document.naam}
        )
        # A plan van aanpak or evaluation document usually means the step itself is done:
        # offer to mark it (one click), never do it silently (the date done may differ).
        open_stappen = {
            stap.soort.value
            for stap in service.afvinkbare_stappen(termijnen.voor_verzuimgeval(geval))
        }
        if document.soort in open_stappen:
            messages.info(
                request,
                gettext(
                    "Is de stap '%(stap)s' hiermee afgewerkt? Vul de datum in en kies 'Afwerken'. "
                    "Is de stap nog niet af, kies dan 'Annuleren': het document blijft bewaard."
                )
                % {"stap": document.get_soort_display()},
            )
            return redirect(
                f"{reverse('dossier:stap_afwerken', args=[geval.uuid])}?soort={document.soort}"
            )
        return _naar_tijdlijn(geval)

    return _formulier(
        request,
        DocumentForm(request.POST or None, request.FILES or None),
        opslaan,
        geval=geval,
        titel="Document toevoegen",
        knop="Toevoegen",
        multipart=True,
        uitleg=gettext("Hoogstens %(mb)s MB.")
        % {"mb": settings.DOSSIER_MAX_UPLOAD_BYTES // 1_048_576},
    )


@portaal_view(recht=V)
@require_http_methods(["GET", "POST"])
def verlenging(request: HttpRequest, uuid: str) -> HttpResponse:
    actor = _actor(request)
    _vereis_wijzigen(actor)
    if not mag_verlenging_vastleggen(actor):
        raise PermissionDenied(
            gettext("Een loonsanctie of verlenging legt de werkgever vast, niet de casemanager.")
        )
    geval = access.verzuimgeval(actor, uuid=uuid)

    def opslaan(data: dict[str, Any]) -> HttpResponse:
        uitkomst = service.leg_verlenging_vast(door=actor, verzuimgeval=geval, **data)
        messages.success(
            request,
            gettext("De verlenging is vastgelegd.")
            if uitkomst
            else gettext("De verlenging is verwijderd."),
        )
        return _naar_tijdlijn(geval)

    return _formulier(
        request,
        VerlengingForm(request.POST or None),
        opslaan,
        geval=geval,
        titel="Loonsanctie of verlenging vastleggen",
        knop="Vastleggen",
        uitleg="Een loonsanctie van UWV of een met de werknemer afgesproken verlenging "
        "verschuift de eindevaluatie, de WIA-aanvraag en het einde van de loondoorbetaling.",
    )


@portaal_view(recht=V)
def document(request: HttpRequest, uuid: str) -> HttpResponse:
    document = dossier_access.document(_actor(request), uuid=uuid)  # 404 first, then the method
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    with document.bestand.open("rb") as bestand:
        inhoud = bestand.read()  # at most DOSSIER_MAX_UPLOAD_BYTES
    audit.registreer(door=actor_van(request), actie=Actie.DOWNLOADEN, onderwerp=document)
    response = HttpResponse(inhoud, content_type=document.content_type)
    response["Content-Disposition"] = content_disposition_header(True, document.naam)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
