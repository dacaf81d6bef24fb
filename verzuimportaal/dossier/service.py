"""Writes of the verzuimdossier: activities, legal steps done, documents, extensions (DOMAIN §5).

Every function checks that the spell belongs to the acting werkgever and that the actor may make
the change (``rechten``), runs in one transaction with the spell row locked, and refuses with a
Dutch ``ValidationError``. Deadlines are never stored: they follow from the data on every read.
"""

import hashlib
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from verzuimportaal import poortwachter
from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.werkgevers.service import markeer_gegevens_gewijzigd
from verzuimportaal.werknemers.models import Werknemer

from . import termijnen, termijnstand, uploads
from .models import (
    HANDMATIGE_TYPES,
    Activiteit,
    ActiviteitType,
    Document,
    DocumentSoort,
    Termijnverlenging,
    Verantwoordelijke,
    VerlengingSoort,
)
from .rechten import (
    is_casemanager,
    mag_activiteit_wijzigen,
    mag_dossier_wijzigen,
    mag_verlenging_vastleggen,
)

MAX_OMSCHRIJVING = 200


def _datum(d: date) -> str:
    return d.strftime("%d-%m-%Y")


def _vergrendel(door: Actor, verzuimgeval: Verzuimgeval) -> Verzuimgeval:
    """The spell locked for this transaction, after checking it is the actor's werkgever's.

    The werknemer is locked first, as the verzuim services do (werknemer, spell, werkgever: one
    order, no deadlocks); the open steps stored per werknemer are rewritten under that lock.
    """
    list(
        Werknemer.objects.select_for_update()
        .filter(pk=verzuimgeval.werknemer_id)
        .values_list("pk", flat=True)
    )
    geval = (
        Verzuimgeval.objects.select_for_update(of=("self",))
        .select_related("werknemer__loonheffingennummer")
        .get(pk=verzuimgeval.pk)
    )
    nummer = geval.werknemer.loonheffingennummer
    if nummer.werkgever_id != door.werkgever.pk or not nummer.actief:
        raise PermissionDenied(gettext("Dit verzuim hoort niet bij de werkgever waarvoor u werkt."))
    if door.loonheffingennummer_ids is not None and nummer.pk not in door.loonheffingennummer_ids:
        raise PermissionDenied(gettext("Dit verzuim hoort niet bij de werkgever waarvoor u werkt."))
    # Every dossier write locks through here; activities and extensions move deadlines.
    markeer_gegevens_gewijzigd(werkgever_ids=[nummer.werkgever_id])
    return geval


def _vereis_wijzigrecht(door: Actor) -> None:
    if not mag_dossier_wijzigen(door):
        raise PermissionDenied(
            gettext(
                "U mag het verzuimdossier alleen bekijken. Voor wijzigen is het niveau "
                "'bekijken en wijzigen' nodig voor melden en inzien verzuimgegevens."
            )
        )


def _vereis_activiteitrecht(door: Actor, activiteit: Activiteit) -> None:
    _vereis_wijzigrecht(door)
    if not mag_activiteit_wijzigen(door, activiteit):
        if activiteit.van_casemanager:
            raise PermissionDenied(
                gettext(
                    "Deze activiteit is van de casemanager. Alleen de casemanager kan haar "
                    "wijzigen; neem contact op met uw casemanager."
                )
            )
        raise PermissionDenied(
            gettext(
                "Deze activiteit is van de werkgever. Als casemanager kunt u haar niet wijzigen."
            )
        )


def _omschrijving(tekst: str) -> str:
    tekst = " ".join(tekst.split())
    if len(tekst) > MAX_OMSCHRIJVING:
        raise ValidationError(
            {
                "omschrijving": f"Houd de omschrijving kort: hoogstens {MAX_OMSCHRIJVING} tekens. "
                "Vul geen medische gegevens in."
            }
        )
    return tekst


def _controleer_uitgevoerd_op(uitgevoerd_op: date, vanaf: date) -> None:
    if uitgevoerd_op > timezone.localdate():
        raise ValidationError(
            {"uitgevoerd_op": "De datum van uitvoering mag niet in de toekomst liggen."}
        )
    if uitgevoerd_op < vanaf:
        raise ValidationError(
            {
                "uitgevoerd_op": "De datum van uitvoering ligt vóór de eerste ziektedag "
                f"({_datum(vanaf)}). Controleer de datum."
            }
        )


def _controleer_velden(*, type: str, verantwoordelijke: str) -> None:
    if type not in HANDMATIGE_TYPES:
        raise ValidationError(
            {
                "type": "Kies gesprek, bezoek bedrijfsarts, werkplekonderzoek of overig. "
                "Een wettelijke stap werkt u af bij die stap in de tijdlijn."
            }
        )
    if verantwoordelijke not in Verantwoordelijke.values:
        raise ValidationError({"verantwoordelijke": "Kies wie de activiteit uitvoert."})


def _controleer_deadline(deadline: date, geval: Verzuimgeval) -> None:
    if deadline < geval.eerste_ziektedag:
        raise ValidationError(
            {
                "deadline": "De uiterste datum ligt vóór de eerste ziektedag "
                f"({_datum(geval.eerste_ziektedag)}). Controleer de datum."
            }
        )


def _maak(door: Actor, geval: Verzuimgeval, *, logtekst: str = "", **velden: object) -> Activiteit:
    """A new activity and its audit row (``logtekst``: the audit row's omschrijving)."""
    activiteit = Activiteit.objects.create(
        verzuimgeval=geval,
        aangemaakt_door=door.gebruiker if door.gebruiker and door.gebruiker.pk else None,
        aangemaakt_door_naam=door.weergavenaam[:200],
        aangemaakt_via=door.route,
        **velden,
    )
    audit.registreer(door=door, actie=Actie.AANMAKEN, onderwerp=activiteit, omschrijving=logtekst)
    return activiteit


@transaction.atomic
def voeg_activiteit_toe(
    *,
    door: Actor,
    verzuimgeval: Verzuimgeval,
    type: str,
    deadline: date,
    verantwoordelijke: str,
    omschrijving: str = "",
) -> Activiteit:
    """A manual activity to do (gesprek, bezoek bedrijfsarts, werkplekonderzoek, overig)."""
    _vereis_wijzigrecht(door)
    geval = _vergrendel(door, verzuimgeval)
    _controleer_velden(type=type, verantwoordelijke=verantwoordelijke)
    _controleer_deadline(deadline, geval)
    return _maak(
        door,
        geval,
        type=type,
        deadline=deadline,
        verantwoordelijke=verantwoordelijke,
        omschrijving=_omschrijving(omschrijving),
    )


@transaction.atomic
def wijzig_activiteit(
    *,
    door: Actor,
    activiteit: Activiteit,
    deadline: date,
    verantwoordelijke: str,
    omschrijving: str = "",
) -> Activiteit:
    """Change a manual activity's deadline, who does it, or its description."""
    _vereis_activiteitrecht(door, activiteit)
    geval = _vergrendel(door, activiteit.verzuimgeval)
    act = Activiteit.objects.get(pk=activiteit.pk)
    if act.is_wettelijke_stap:
        raise ValidationError(
            gettext(
                "De termijn van een wettelijke stap volgt uit de wet en kan niet worden gewijzigd."
            )
        )
    _controleer_velden(type=act.type, verantwoordelijke=verantwoordelijke)
    _controleer_deadline(deadline, geval)
    act.deadline = deadline
    act.verantwoordelijke = verantwoordelijke
    act.omschrijving = _omschrijving(omschrijving)
    act.save(update_fields=["deadline", "verantwoordelijke", "omschrijving", "gewijzigd_op"])
    audit.registreer(door=door, actie=Actie.WIJZIGEN, onderwerp=act)
    return act


@transaction.atomic
def werk_activiteit_af(*, door: Actor, activiteit: Activiteit, uitgevoerd_op: date) -> Activiteit:
    _vereis_activiteitrecht(door, activiteit)
    geval = _vergrendel(door, activiteit.verzuimgeval)
    act = Activiteit.objects.get(pk=activiteit.pk)
    if act.afgewerkt:
        raise ValidationError(
            f"Deze activiteit is al afgewerkt op {_datum(act.uitgevoerd_op)}.",  # type: ignore[arg-type]
            code="al_afgewerkt",
        )
    _controleer_uitgevoerd_op(uitgevoerd_op, geval.eerste_ziektedag)
    act.afgewerkt = True
    act.uitgevoerd_op = uitgevoerd_op
    act.save(update_fields=["afgewerkt", "uitgevoerd_op", "gewijzigd_op"])
    audit.registreer(door=door, actie=Actie.WIJZIGEN, onderwerp=act, omschrijving="afgewerkt")
    termijnstand.werk_bij(werknemer_ids=[geval.werknemer_id])  # ADR 0047
    return act


@transaction.atomic
def heropen_activiteit(*, door: Actor, activiteit: Activiteit) -> Activiteit | None:
    """Undo "afgewerkt".

    A manual activity is to do again. For a legal step the record *is* the fact that the step was
    done, so it is removed and the step is to do again with its computed deadline (DOMAIN §4.6:
    the deadlines recalculate); returns ``None`` then.
    """
    _vereis_activiteitrecht(door, activiteit)
    geval = _vergrendel(door, activiteit.verzuimgeval)
    act: Activiteit | None = Activiteit.objects.get(pk=activiteit.pk)
    assert act is not None
    if not act.afgewerkt:
        raise ValidationError(gettext("Deze activiteit staat al open."), code="al_open")
    if act.is_wettelijke_stap:
        audit.registreer(door=door, actie=Actie.VERWIJDEREN, onderwerp=act, omschrijving="heropend")
        act.delete()
        act = None
    else:
        act.afgewerkt = False
        act.uitgevoerd_op = None
        act.save(update_fields=["afgewerkt", "uitgevoerd_op", "gewijzigd_op"])
        audit.registreer(door=door, actie=Actie.WIJZIGEN, onderwerp=act, omschrijving="heropend")
    termijnstand.werk_bij(werknemer_ids=[geval.werknemer_id])  # ADR 0047
    return act


def afvinkbare_stappen(dossiertermijnen: termijnen.Dossiertermijnen) -> list[poortwachter.Stap]:
    """The legal steps of the combined case that are still to do and can be marked done."""
    return [
        stap
        for stap in dossiertermijnen.geval.stappen
        if not stap.informatief and stap.uitgevoerd_op is None
    ]


@transaction.atomic
def werk_stap_af(
    *,
    door: Actor,
    verzuimgeval: Verzuimgeval,
    soort: str,
    uitgevoerd_op: date,
    omschrijving: str = "",
) -> Activiteit:
    """Record that a legal step was done (DOMAIN §5).

    For the probleemanalyse, the plan van aanpak and the evaluations the date moves the later
    deadlines (plan van aanpak = min(probleemanalyse + 14, D+55); evaluation = previous + 42).
    """
    _vereis_wijzigrecht(door)
    geval = _vergrendel(door, verzuimgeval)
    dossier = termijnen.voor_verzuimgeval(geval)
    stap = next((s for s in afvinkbare_stappen(dossier) if s.soort == soort), None)
    if stap is None:
        raise ValidationError(
            {"soort": "Deze stap staat niet (meer) open in dit verzuim. Vernieuw de pagina."}
        )
    _controleer_uitgevoerd_op(uitgevoerd_op, dossier.geval.eerste_ziektedag)
    eerste = stap.verantwoordelijken[0].value
    verantwoordelijke = Verantwoordelijke.CASEMANAGER if is_casemanager(door) else eerste
    if verantwoordelijke not in Verantwoordelijke.values:  # UWV steps are informative only
        verantwoordelijke = Verantwoordelijke.WERKGEVER
    activiteit = _maak(
        door,
        geval,
        type=ActiviteitType(stap.soort.value),
        verantwoordelijke=verantwoordelijke,
        omschrijving=_omschrijving(omschrijving),
        afgewerkt=True,
        uitgevoerd_op=uitgevoerd_op,
        logtekst=f"{stap.soort.value} afgewerkt op {uitgevoerd_op}",
    )
    termijnstand.werk_bij(werknemer_ids=[geval.werknemer_id])  # ADR 0047
    return activiteit


@transaction.atomic
def upload_document(
    *, door: Actor, verzuimgeval: Verzuimgeval, soort: str, bestand: UploadedFile
) -> Document:
    """Store a document privately after checking size, type (magic bytes) and name (DOMAIN §9)."""
    _vereis_wijzigrecht(door)
    geval = _vergrendel(door, verzuimgeval)
    if soort not in DocumentSoort.values:
        raise ValidationError({"soort": "Kies de soort document."})
    try:
        naam, content_type, inhoud = uploads.controleer_bestand(bestand)
    except ValidationError as fout:
        raise ValidationError({"bestand": fout.messages}) from fout
    document = Document(
        verzuimgeval=geval,
        soort=soort,
        naam=naam,
        content_type=content_type,
        grootte=len(inhoud),
        sha256=hashlib.sha256(inhoud).hexdigest(),
        geupload_door=door.gebruiker if door.gebruiker and door.gebruiker.pk else None,
        geupload_door_naam=door.weergavenaam[:200],
        geupload_via=door.route,
        geupload_op=timezone.now(),
    )
    document.bestand.save(naam, ContentFile(inhoud), save=False)
    try:
        document.save()
        audit.registreer(door=door, actie=Actie.AANMAKEN, onderwerp=document)
    except Exception:
        document.bestand.delete(save=False)  # no orphan file when the row is not stored
        raise
    return document


@transaction.atomic
def leg_verlenging_vast(
    *, door: Actor, verzuimgeval: Verzuimgeval, soort: str, weken: int
) -> Termijnverlenging | None:
    """Record a loonsanctie (1-52 weeks) or a voluntary extension (13 weeks or more), DOMAIN §5.

    Replaces an earlier number of weeks of the same kind; 0 weeks removes it. The end of
    loondoorbetaling, the eindevaluatie and the WIA-aanvraag move accordingly. Only the
    werkgever side records them, never a casemanager (``rechten.mag_verlenging_vastleggen``).
    """
    _vereis_wijzigrecht(door)
    if not mag_verlenging_vastleggen(door):
        raise PermissionDenied(
            gettext(
                "Een loonsanctie of verlenging verschuift wettelijke termijnen en legt de "
                "werkgever die vast, niet de casemanager. Vraag de werkgever dit vast te leggen."
            )
        )
    geval = _vergrendel(door, verzuimgeval)
    if soort not in VerlengingSoort.values:
        raise ValidationError({"soort": "Kies loonsanctie of vrijwillige verlenging."})
    if soort == VerlengingSoort.LOONSANCTIE and not 0 <= weken <= 52:
        raise ValidationError(
            {
                "weken": "Een loonsanctie van UWV duurt hoogstens 52 weken. Vul 0 in om haar te "
                "verwijderen."
            }
        )
    if soort == VerlengingSoort.VERLENGING and weken != 0 and weken < 13:
        raise ValidationError(
            {
                "weken": "Een vrijwillige verlenging duurt minstens 13 weken. Vul 0 in om haar te "
                "verwijderen."
            }
        )
    audit.registreer(
        door=door, actie=Actie.WIJZIGEN, onderwerp=geval, omschrijving=f"{soort}: {weken} weken"
    )
    verlenging: Termijnverlenging | None = None
    if weken == 0:
        Termijnverlenging.objects.filter(verzuimgeval=geval, soort=soort).delete()
    else:
        verlenging, _ = Termijnverlenging.objects.update_or_create(
            verzuimgeval=geval,
            soort=soort,
            defaults={
                "weken": weken,
                "vastgelegd_door": door.gebruiker if door.gebruiker and door.gebruiker.pk else None,
                "vastgelegd_door_naam": door.weergavenaam[:200],
                "vastgelegd_op": timezone.now(),
            },
        )
    termijnstand.werk_bij(werknemer_ids=[geval.werknemer_id])  # ADR 0047
    return verlenging
