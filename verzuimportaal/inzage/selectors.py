"""Everything the portal holds about one werknemer, for an inzage request (AVG art. 15, ADR 0021).

All reads go through ``toegang.access`` (the werknemer and its spells as the actor may see them);
the audit rows are the acting werkgever's own rows about this person and the spells, activities
and documents of this person. The result is plain data (str, int, bool, None, lists, dicts), the
same for the JSON and the PDF. Medical data are not stored anywhere (DOMAIN §4.2), so there are
none to hand over; uploaded documents are listed (name, kind, size, hash), their contents are
downloaded from the dossier itself.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.utils import timezone

from verzuimportaal.audit.models import Auditregel
from verzuimportaal.berichten.models import Bericht
from verzuimportaal.dossier.models import Activiteit, Document, Termijnverlenging
from verzuimportaal.toegang import access
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.utils.gebundeld import lees_samen
from verzuimportaal.verzuim.models import Correctie, Verzuimgeval, Verzuimmutatie
from verzuimportaal.wazo import access as wazo_access
from verzuimportaal.wazo.models import Wazoverlof
from verzuimportaal.werknemers.models import Werknemer
from verzuimportaal.werknemers.service import BEWERKBARE_VELDEN

VERSIE = 1
GEEN_MEDISCHE_GEGEVENS = (
    "Het portaal legt geen medische gegevens vast (diagnose, aard of oorzaak, klachten, "
    "behandeling): werkgevers mogen die niet registreren (Autoriteit Persoonsgegevens, "
    "'De zieke werknemer'). Die staan dus ook niet in deze inzage."
)


@dataclass(frozen=True)
class Inzage:
    gegevens: dict[str, Any]
    werknemer: Werknemer


def _waarde(waarde: Any) -> Any:
    if isinstance(waarde, datetime):
        return timezone.localtime(waarde).isoformat(timespec="seconds")
    if isinstance(waarde, date):
        return waarde.isoformat()
    if isinstance(waarde, Decimal):
        return str(waarde)
    return waarde


def _velden(obj: Any, namen: tuple[str, ...]) -> dict[str, Any]:
    return {naam: _waarde(getattr(obj, naam)) for naam in namen}


def _werknemer(werknemer: Werknemer) -> dict[str, Any]:
    # Every field a user can enter (so a new one is never left out), plus the BSN and the dates.
    velden = [v for v in BEWERKBARE_VELDEN if v != "loonheffingennummer"]
    gegevens = _velden(werknemer, ("bsn", *velden, "aangemaakt_op", "gewijzigd_op"))
    gegevens["loonheffingennummer"] = werknemer.loonheffingennummer.nummer
    return gegevens


def _mutatie(mutatie: Verzuimmutatie) -> dict[str, Any]:
    return {
        "soort": mutatie.get_soort_display(),
        **_velden(
            mutatie,
            (
                "ingangsdatum",
                "percentage_arbeidsongeschikt",
                "loonwaarde_percentage",
                "toelichting",
                "geregistreerd_op",
                "geregistreerd_door_naam",
            ),
        ),
    }


def _correctie(correctie: Correctie) -> dict[str, Any]:
    return {
        "gecorrigeerd": correctie.get_veld_display(),
        **_velden(
            correctie,
            ("oude_waarde", "nieuwe_waarde", "reden", "gecorrigeerd_op", "gecorrigeerd_door_naam"),
        ),
    }


def _activiteit(activiteit: Activiteit) -> dict[str, Any]:
    return {
        "soort": activiteit.get_type_display(),
        "wie": activiteit.get_verantwoordelijke_display(),
        **_velden(
            activiteit,
            (
                "omschrijving",
                "deadline",
                "uitgevoerd_op",
                "afgewerkt",
                "aangemaakt_op",
                "aangemaakt_door_naam",
            ),
        ),
    }


def _document(document: Document) -> dict[str, Any]:
    return {
        "soort": document.get_soort_display(),
        **_velden(
            document,
            ("naam", "content_type", "grootte", "sha256", "geupload_op", "geupload_door_naam"),
        ),
    }


def _verlenging(verlenging: Termijnverlenging) -> dict[str, Any]:
    return {
        "soort": verlenging.get_soort_display(),
        **_velden(verlenging, ("weken", "vastgelegd_op", "vastgelegd_door_naam")),
    }


def _bericht(bericht: Bericht) -> dict[str, Any]:
    return {
        "soort": bericht.get_soort_display(),
        **_velden(bericht, ("onderwerp", "tekst", "documentnaam", "aangemaakt_op")),
    }


# Per spell what the inzage lists of it, in the models' own order (read in one query).
_BIJ_GEVAL = (
    ("percentagehistorie", Verzuimmutatie, _mutatie),
    ("correcties", Correctie, _correctie),
    ("activiteiten", Activiteit, _activiteit),
    ("documenten", Document, _document),
    ("termijnverlengingen", Termijnverlenging, _verlenging),
    ("brieven_en_berichten", Bericht, _bericht),
)


def _geval(geval: Verzuimgeval, bij: dict[str, dict[int, list[Any]]]) -> dict[str, Any]:
    return {
        **_velden(
            geval,
            (
                "verzuimnummer",
                "eerste_ziektedag",
                "einddatum",
                "arbeidsconflict",
                "bedrijfsongeval",
                "aansprakelijke_derde",
                "verwachte_duur_dagen",
                "bereikbaar_telefoon",
                "verblijfadres",
                "gemeld_op",
            ),
        ),
        "reden_einde": geval.get_einde_reden_display() if geval.einde_reden else "",
        "vangnetregeling_van_toepassing": geval.get_vangnet_display(),
        "zelfde_oorzaak_als_voor_zwangerschapsverlof": geval.get_zelfde_oorzaak_display(),
        **{
            sleutel: [maak(obj) for obj in bij[sleutel].get(geval.pk, [])]
            for sleutel, _, maak in _BIJ_GEVAL
        },
    }


def _wazoverlof(verlof: Wazoverlof) -> dict[str, Any]:
    return {
        "soort": verlof.get_soort_display(),
        **_velden(
            verlof,
            (
                "eerste_dag",
                "laatste_dag",
                "uitgerekende_datum",
                "meerling",
                "ingangsdatum",
                "geboortedatum",
                "ziekenhuis_van",
                "ziekenhuis_tot",
                "einde_geboorteverlof",
                "datum_komst",
                "weken",
                "aangevraagd_op",
            ),
        ),
        "uitkering_aan": verlof.get_uitkering_aan_display(),
    }


def _auditregel(regel: Auditregel) -> dict[str, Any]:
    # Who (name, route, organisations) and when; not the IP address or browser of the staff.
    return {
        "tijdstip": _waarde(regel.tijdstip),
        "actie": regel.get_actie_display(),
        "soort_gegeven": regel.object_type,
        "omschrijving": regel.omschrijving,
        "door": regel.weergavenaam,
        "route": regel.get_route_display() if regel.route else "",
        "kvk_nummer": regel.kvk_nummer,
        "intermediair_kvk_nummer": regel.intermediair_kvk_nummer,
    }


def inzage(*, actor: Actor, uuid: str) -> Inzage:
    """The inzage of the werknemer ``uuid`` as ``actor`` may see it (404 otherwise)."""
    werknemer = access.werknemer(actor, uuid=uuid)
    gevallen = list(
        access.verzuimgevallen(actor).filter(werknemer=werknemer).order_by("eerste_ziektedag", "pk")
    )
    ids = [g.pk for g in gevallen]
    # The WAZO leave and everything per spell in one round trip (ADR 0037).
    verloven, *per_soort = lees_samen(
        wazo_access.wazoverloven(actor)
        .filter(werknemer=werknemer)
        .select_related(None)
        .order_by("eerste_dag", "pk"),
        *(model.objects.filter(verzuimgeval_id__in=ids) for _, model, _ in _BIJ_GEVAL),
    )
    bij: dict[str, dict[int, list[Any]]] = {}
    for (sleutel, _, _), rijen in zip(_BIJ_GEVAL, per_soort, strict=True):
        bij[sleutel] = defaultdict(list)
        for rij in rijen:
            bij[sleutel][rij.verzuimgeval_id].append(rij)
    kenmerken = (
        Q(object_type="werknemer", object_id=str(werknemer.uuid))
        | Q(object_type="verzuimgeval", object_id__in=[str(g.uuid) for g in gevallen])
        | Q(object_type="wazoverlof", object_id__in=[str(v.uuid) for v in verloven])
    )
    # Rows about the person's activities, documents and letters (the audit keys them by uuid).
    for sleutel, model, _ in _BIJ_GEVAL:
        if model in (Activiteit, Document, Bericht):
            uuids = [str(r.uuid) for rijen in bij[sleutel].values() for r in rijen]
            kenmerken |= Q(object_type=model._meta.model_name, object_id__in=uuids)
    audit = Auditregel.objects.filter(kenmerken, werkgever=actor.werkgever).order_by(
        "tijdstip", "pk"
    )
    gegevens = {
        "inzage": {
            "versie": VERSIE,
            "opgesteld_op": _waarde(timezone.now()),
            "werkgever": {"naam": actor.werkgever.naam, "kvk_nummer": actor.werkgever.kvk_nummer},
            "medische_gegevens": GEEN_MEDISCHE_GEGEVENS,
        },
        "werknemer": _werknemer(werknemer),
        "verzuimgevallen": [_geval(g, bij) for g in gevallen],
        "wazo_verlof": [_wazoverlof(v) for v in verloven],
        "audit": [_auditregel(r) for r in audit],
    }
    return Inzage(gegevens=gegevens, werknemer=werknemer)
