"""The purge: remove or anonymise what is past its retention period (DOMAIN §4.7, ADR 0020).

``schoon_op`` runs nightly (Celery beat) and from ``manage.py bewaartermijnen``; ``proef=True``
counts the same rows and changes nothing. One transaction per run: it locks the rows it changes,
writes, records the run (``Opschoonronde``) with its counts and writes one audit row per werkgever
it touched with that werkgever's counts, so a werkgever can see in its own log what was removed.
What each kind of data gets:

* verzuimgegevens (``regels.VERZUIMGEGEVENS``): a werknemer out of service for longer than the
  period is anonymised (BSN, names, contact data, function; birth date to 1 January of the year);
  the spells keep only dates and percentages (statistics of past periods keep their numbers), their
  contact data and the mutations' free text are cleared; the letters about the spells and the
  correction history (free text) are removed; the dossier goes too.
* reïntegratiedossier (``regels.REINTEGRATIEDOSSIER``): of a case that ended longer ago than the
  period, activities, documents (files on commit), extensions, reminders and reminder messages.
* audittrail (``regels.AUDITTRAIL``): rows older than five years; the database trigger lets only
  this transaction delete them, and only rows that old (audit migration 0003).
"""

import string
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, datetime, time
from typing import Any

from django.db import connection, models, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie, Auditregel
from verzuimportaal.berichten.models import Bericht, Soort
from verzuimportaal.dossier.models import Activiteit, Document, Termijnverlenging
from verzuimportaal.herinneringen.models import Herinnering
from verzuimportaal.toegang.actor import Portaalactor
from verzuimportaal.utils.opslag import prive_opslag
from verzuimportaal.verzuim.models import Correctie, Verzuimgeval, Verzuimmutatie
from verzuimportaal.werkgevers.models import Werkgever
from verzuimportaal.werkgevers.service import markeer_gegevens_gewijzigd
from verzuimportaal.werknemers.models import Werknemer

from . import regels
from .models import Opschoonronde

# The kinds counted per run, in the order the command prints them.
SOORTEN: dict[str, str] = {
    "werknemers_geanonimiseerd": "werknemers geanonimiseerd",
    "verzuimgevallen_geanonimiseerd": "verzuimgevallen geanonimiseerd",
    "correcties_verwijderd": "correcties verwijderd",
    "brieven_verwijderd": "brieven en berichten verwijderd",
    "activiteiten_verwijderd": "dossieractiviteiten verwijderd",
    "documenten_verwijderd": "dossierdocumenten verwijderd",
    "termijnverlengingen_verwijderd": "termijnverlengingen verwijderd",
    "herinneringen_verwijderd": "herinneringen verwijderd",
    "auditregels_verwijderd": "auditregels verwijderd",
}
GEANONIMISEERD = "Geanonimiseerd"
SYSTEEMNAAM = "Bewaartermijnen (automatisch)"
_BASE36 = string.digits + string.ascii_uppercase

Tellingen = defaultdict[int | None, Counter[str]]


def anoniem_bsn(pk: int) -> str:
    """A stand-in for the BSN, unique per row and never a valid BSN (it has a letter)."""
    cijfers = ""
    while True:
        pk, rest = divmod(pk, 36)
        cijfers = _BASE36[rest] + cijfers
        if pk == 0:
            return "X" + cijfers.rjust(8, "0")


def systeemactor(wie: str = SYSTEEMNAAM) -> Portaalactor:
    """Who starts the purge (the nightly task, or an operator's command): no person, no rights.
    Each werkgever's audit row names it (``Portaalactor.voor``)."""
    return Portaalactor(gebruiker=None, weergavenaam=wie[:100])


def _tel(tellingen: Tellingen, soort: str, qs: models.QuerySet[Any], pad: str) -> None:
    """Add the rows of ``qs`` per werkgever (reached through ``pad``) to ``tellingen``."""
    for rij in qs.order_by().values(pad).annotate(aantal=models.Count("pk")):
        tellingen[rij[pad]][soort] += rij["aantal"]


def _verwijder_bestanden(namen: Iterable[str]) -> None:
    """Remove the files once the rows are gone for good (a rollback keeps both)."""
    lijst = [naam for naam in namen if naam]

    def verwijder() -> None:
        opslag = prive_opslag()
        for naam in lijst:
            opslag.delete(naam)

    if lijst:
        transaction.on_commit(verwijder)


def _verwijder_dossier(
    geval_ids: list[int], tellingen: Tellingen, *, proef: bool, alle_berichten: bool
) -> None:
    """The re-integration file of these spells; with ``alle_berichten`` also their letters."""
    pad = "verzuimgeval__werknemer__loonheffingennummer__werkgever_id"
    berichten = Bericht.objects.filter(verzuimgeval_id__in=geval_ids)
    if not alle_berichten:
        berichten = berichten.filter(soort=Soort.HERINNERING)
    delen: list[tuple[str, models.QuerySet[Any]]] = [
        ("activiteiten_verwijderd", Activiteit.objects.filter(verzuimgeval_id__in=geval_ids)),
        ("documenten_verwijderd", Document.objects.filter(verzuimgeval_id__in=geval_ids)),
        (
            "termijnverlengingen_verwijderd",
            Termijnverlenging.objects.filter(verzuimgeval_id__in=geval_ids),
        ),
        ("herinneringen_verwijderd", Herinnering.objects.filter(verzuimgeval_id__in=geval_ids)),
        ("brieven_verwijderd", berichten),
    ]
    for soort, qs in delen:
        _tel(tellingen, soort, qs, pad)
    if proef:
        return
    _verwijder_bestanden(delen[1][1].values_list("bestand", flat=True))
    _verwijder_bestanden(berichten.values_list("document", flat=True))
    for _, qs in delen:
        qs.delete()


def _anonimiseer_werknemers(peildatum: date, tellingen: Tellingen, *, proef: bool) -> set[int]:
    """DOMAIN §4.7: verzuim records 2 years (ERD ZW: 5) after the last day in service.

    Returns the spells handled, so a trial run does not count their dossier twice."""
    behandeld: set[int] = set()
    for erd in (False, True):
        termijn = regels.verzuimgegevens(eigenrisicodrager_zw=erd)
        grens = regels.eerste_start_die_blijft(termijn, peildatum)
        open_geval = Verzuimgeval.objects.filter(werknemer=OuterRef("pk"), einddatum__isnull=True)
        werknemers = list(
            Werknemer.objects.select_for_update(of=("self",))
            .filter(
                geanonimiseerd_op__isnull=True,
                datum_uit_dienst__lt=grens,
                loonheffingennummer__werkgever__eigenrisicodrager_zw=erd,
            )
            .exclude(Exists(open_geval))
            .select_related("loonheffingennummer")
            .order_by("pk")
        )
        if not werknemers:
            continue
        for werknemer in werknemers:
            tellingen[werknemer.loonheffingennummer.werkgever_id]["werknemers_geanonimiseerd"] += 1
        ids = [w.pk for w in werknemers]
        gevallen = Verzuimgeval.objects.filter(werknemer_id__in=ids)
        geval_ids = list(gevallen.values_list("pk", flat=True))
        behandeld.update(geval_ids)
        pad = "werknemer__loonheffingennummer__werkgever_id"
        _tel(tellingen, "verzuimgevallen_geanonimiseerd", gevallen, pad)
        # Correcties are append-only for users (DOMAIN §4.6); the retention period is the one
        # moment their free text must go, so the plain base manager removes them.
        correcties = Correctie._base_manager.filter(verzuimgeval_id__in=geval_ids)
        _tel(tellingen, "correcties_verwijderd", correcties, "verzuimgeval__" + pad)
        _verwijder_dossier(geval_ids, tellingen, proef=proef, alle_berichten=True)
        if proef:
            continue
        correcties.delete()
        gevallen.update(bereikbaar_telefoon="", verblijfadres="")
        Verzuimmutatie.objects.filter(verzuimgeval_id__in=geval_ids).update(toelichting="")
        nu = timezone.now()
        for werknemer in werknemers:
            werknemer.bsn = anoniem_bsn(werknemer.pk)
            werknemer.voorletters = werknemer.voornaam = werknemer.tussenvoegsel = ""
            werknemer.achternaam = GEANONIMISEERD
            werknemer.geboortedatum = date(werknemer.geboortedatum.year, 1, 1)
            werknemer.functie = werknemer.telefoonnummer = werknemer.email = ""
            werknemer.geanonimiseerd_op = nu
        Werknemer.objects.bulk_update(
            werknemers,
            [
                "bsn",
                "voorletters",
                "voornaam",
                "tussenvoegsel",
                "achternaam",
                "geboortedatum",
                "functie",
                "telefoonnummer",
                "email",
                "geanonimiseerd_op",
            ],
        )
    return behandeld


def _ruim_dossiers_op(
    peildatum: date, tellingen: Tellingen, *, proef: bool, behandeld: set[int]
) -> None:
    """DOMAIN §4.7: the re-integration file at most 2 years (ERD ZW: 5) after the case ended."""
    dossierdelen = (
        Exists(Activiteit.objects.filter(verzuimgeval=OuterRef("pk")))
        | Exists(Document.objects.filter(verzuimgeval=OuterRef("pk")))
        | Exists(Termijnverlenging.objects.filter(verzuimgeval=OuterRef("pk")))
        | Exists(Herinnering.objects.filter(verzuimgeval=OuterRef("pk")))
        | Exists(Bericht.objects.filter(verzuimgeval=OuterRef("pk"), soort=Soort.HERINNERING))
    )
    for erd in (False, True):
        termijn = regels.reintegratiedossier(eigenrisicodrager_zw=erd)
        grens = regels.eerste_start_die_blijft(termijn, peildatum)
        # The last sick day (einddatum − 1) before the limit; a later spell of the same case may
        # still keep it (checked per werknemer below).
        kandidaten = list(
            Verzuimgeval.objects.select_for_update(of=("self",))
            .filter(
                Q(einddatum__lte=grens),
                dossierdelen,
                werknemer__loonheffingennummer__werkgever__eigenrisicodrager_zw=erd,
            )
            .exclude(pk__in=behandeld)
            .order_by("pk")
        )
        if not kandidaten:
            continue
        per_werknemer: dict[int, list[tuple[int, date, date | None]]] = defaultdict(list)
        for pk, werknemer_id, begin, einde in (
            Verzuimgeval.objects.filter(werknemer_id__in={g.werknemer_id for g in kandidaten})
            .order_by("werknemer_id", "eerste_ziektedag", "pk")
            .values_list("pk", "werknemer_id", "eerste_ziektedag", "einddatum")
        ):
            per_werknemer[werknemer_id].append((pk, begin, einde))
        verlopen: list[int] = []
        for geval in kandidaten:
            reeks = per_werknemer[geval.werknemer_id]
            index = next(i for i, (pk, _, _) in enumerate(reeks) if pk == geval.pk)
            einde = regels.einde_reintegratie([(b, e) for _, b, e in reeks], index)
            if einde is not None and regels.verlopen(einde, termijn, peildatum):
                verlopen.append(geval.pk)
        if verlopen:
            _verwijder_dossier(verlopen, tellingen, proef=proef, alle_berichten=False)


def audit_grens(peildatum: date, nu: datetime) -> datetime:
    """Audit rows before this moment are past their period (ADR 0020).

    The start of the first day that is kept, but never later than ``nu`` minus five years as
    PostgreSQL computes it (29 February → 28 February, same time): the trigger of audit migration
    0003 refuses anything younger, so on 29 February the rows of the last hours of 28 February five
    years back wait one night instead of failing the run.
    """
    grens = regels.eerste_start_die_blijft(regels.AUDITTRAIL, peildatum)
    begin = timezone.make_aware(datetime.combine(grens, time.min))
    try:
        vijf_jaar = nu.replace(year=nu.year - regels.AUDITTRAIL.jaren)
    except ValueError:  # 29 February
        vijf_jaar = nu.replace(year=nu.year - regels.AUDITTRAIL.jaren, day=28)
    return min(begin, vijf_jaar)


def _ruim_audittrail_op(peildatum: date, tellingen: Tellingen, *, proef: bool) -> None:
    """ADR 0020: audit rows 5 years after their moment."""
    vanaf = audit_grens(peildatum, timezone.now())
    regels_qs = Auditregel._base_manager.filter(tijdstip__lt=vanaf)
    _tel(tellingen, "auditregels_verwijderd", regels_qs, "werkgever_id")
    if proef or not any(t["auditregels_verwijderd"] for t in tellingen.values()):
        return
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('verzuimportaal.audit_bewaartermijn', 'verlopen', true)"
            )
            regels_qs.delete()
            cursor.execute("SELECT set_config('verzuimportaal.audit_bewaartermijn', '', true)")
    else:
        regels_qs.delete()


def omschrijving(aantallen: Counter[str] | dict[str, int]) -> str:
    delen = [
        f"{aantallen[soort]} {tekst}" for soort, tekst in SOORTEN.items() if aantallen.get(soort)
    ]
    return "Bewaartermijn verlopen: " + (", ".join(delen) if delen else "niets")


@transaction.atomic
def schoon_op(
    *, door: Portaalactor, peildatum: date | None = None, proef: bool = False
) -> Opschoonronde:
    """Remove or anonymise what is past its retention period on ``peildatum`` (default today).

    ``door`` is who started the run (``systeemactor``: the nightly task or an operator); no
    werkgever acts, so each werkgever touched gets one audit row in its own log, in this
    transaction, and a new data version where its data changed. Running it twice on one day
    removes nothing the second time.
    """
    peildatum = peildatum or timezone.localdate()
    tellingen: Tellingen = defaultdict(Counter)
    behandeld = _anonimiseer_werknemers(peildatum, tellingen, proef=proef)
    _ruim_dossiers_op(peildatum, tellingen, proef=proef, behandeld=behandeld)
    _ruim_audittrail_op(peildatum, tellingen, proef=proef)
    totaal: Counter[str] = Counter()
    for aantallen in tellingen.values():
        totaal.update(aantallen)
    geraakt = sorted(pk for pk, aantallen in tellingen.items() if pk is not None and +aantallen)
    ronde = Opschoonronde.objects.create(
        peildatum=peildatum,
        proef=proef,
        door=door.weergavenaam[:100],
        aantallen={soort: totaal[soort] for soort in SOORTEN},
        werkgevers=len(geraakt),
    )
    if proef:
        return ronde
    gegevens = [
        pk
        for pk in geraakt
        if any(n for soort, n in tellingen[pk].items() if soort != "auditregels_verwijderd")
    ]
    markeer_gegevens_gewijzigd(werkgever_ids=gegevens)
    for werkgever in Werkgever.objects.filter(pk__in=geraakt).order_by("pk"):
        audit.registreer_voor(
            actor=door.voor(werkgever),
            ip=door.ip,
            user_agent=door.user_agent,
            actie=Actie.VERWIJDEREN,
            object_type="bewaartermijn",
            object_id=str(ronde.pk),
            omschrijving=omschrijving(tellingen[werkgever.pk]),
        )
    return ronde
