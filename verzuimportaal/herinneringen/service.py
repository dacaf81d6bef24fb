"""Poortwachter reminders (DOMAIN §5): find due steps, create each reminder once, hand it off once.

Windows for a run on ``peildatum`` (P), with N = ``HERINNERING_DAGEN_VOORAF`` and
I = ``HERINNERING_INHAALDAGEN``:

- "vooraf" for steps with a deadline in P … P+N (inclusive). On a normal daily run a step enters
  the window exactly N days before its deadline; if the job did not run for some days, or a step
  appears late (a ziekmelding in the past, a recomputed deadline), it is still reminded once.
- "verlopen" for steps not done with a deadline in P−I … P−1: normally the day after the
  deadline, at most I days late after an outage. Older overdue steps get no reminder.

Once per (spell, step, deadline, recipient, kind) is guaranteed by the database (see models). A
run is one write boundary (ADR 0013): in one transaction it inserts with ``ignore_conflicts``,
claims unclaimed rows with ``SKIP LOCKED``, writes one audit row in the portal's log and raises
the data version of the werkgevers whose inbox got a reminder. Only rows this run claimed are
handed off, so two concurrent runs never send the same reminder (the second waits on the unique
index until the first commits, then finds nothing left to claim). The e-mails go through the
outbox after the commit; sending one is ``bezorging.verstuur_mail``. Each step gets one inbox
message (recipient: the werkgever's inbox) and one e-mail per account of the werkgever with the
right to report sickness (local accounts, and eHerkenning persons with a confirmed address,
ADR 0025). Casemanager-responsible steps get nothing extra yet.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.dossier.termijnen import StapInDossier, stappen_binnen
from verzuimportaal.eherkenning.models import EHerkenningProfiel
from verzuimportaal.toegang.actor import Portaalactor
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.toegang.models import Lidmaatschap
from verzuimportaal.utils.taken import na_commit
from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.webhooks import service as webhooks
from verzuimportaal.webhooks.models import Gebeurtenis
from verzuimportaal.werkgevers.models import Werkgever
from verzuimportaal.werkgevers.service import markeer_gegevens_gewijzigd

from .berichtenbox import plaats_herinnering
from .models import Herinnering, HerinneringSoort


@dataclass(frozen=True)
class Resultaat:
    stappen: int  # due steps found in the windows (also those reminded before)
    berichten: int  # inbox messages placed by this run
    mails: int  # reminder e-mails handed to the queue by this run
    opnieuw_ingepland: int = 0  # e-mails whose earlier hand-off never reached the queue


@dataclass(frozen=True)
class _Sleutel:
    verzuimgeval: Verzuimgeval
    stap_soort: str
    stap_omschrijving: str
    deadline: date
    soort: str


def vensters(peildatum: date) -> dict[str, tuple[date, date]]:
    """Per kind the inclusive range of deadlines reminded on ``peildatum`` (module docstring)."""
    return {
        HerinneringSoort.VOORAF: (
            peildatum,
            peildatum + timedelta(days=settings.HERINNERING_DAGEN_VOORAF),
        ),
        HerinneringSoort.VERLOPEN: (
            peildatum - timedelta(days=settings.HERINNERING_INHAALDAGEN),
            peildatum - timedelta(days=1),
        ),
    }


def _sleutels(peildatum: date) -> list[_Sleutel]:
    grenzen = vensters(peildatum)
    van = grenzen[HerinneringSoort.VERLOPEN][0]
    tot = grenzen[HerinneringSoort.VOORAF][1]
    open_gevallen = Verzuimgeval.objects.filter(
        einddatum__isnull=True, werknemer__loonheffingennummer__actief=True
    )  # an inactive number is not shown in the portal (seed 001), so nothing to remind of
    uitkomst: list[_Sleutel] = []
    stap: StapInDossier
    for stap in stappen_binnen(verzuimgevallen=open_gevallen, van=van, tot=tot):
        soort = (
            HerinneringSoort.VOORAF
            if stap.stap.deadline >= peildatum
            else HerinneringSoort.VERLOPEN
        )
        uitkomst.append(
            _Sleutel(
                verzuimgeval=stap.verzuimgeval,
                stap_soort=str(stap.stap.soort),
                stap_omschrijving=stap.stap.omschrijving[:255],
                deadline=stap.stap.deadline,
                soort=soort,
            )
        )
    return uitkomst


def ontvangers(werkgever_ids: set[int]) -> dict[int, list[tuple[int, str]]]:
    """Per werkgever: (account id, e-mail) of active accounts that may report sickness."""
    per_werkgever: dict[int, list[tuple[int, str]]] = defaultdict(list)
    lidmaatschappen = (
        Lidmaatschap.objects.filter(
            werkgever_id__in=werkgever_ids, actief=True, gebruiker__is_active=True
        )
        .exclude(gebruiker__email="")
        .select_related("gebruiker")
        .order_by("pk")
    )
    for lidmaatschap in lidmaatschappen:
        rechten, _ = lidmaatschap.dienstrechten()
        if Dienst.VERZUIM_MELDEN in rechten:
            gebruiker = lidmaatschap.gebruiker
            per_werkgever[lidmaatschap.werkgever_id].append((gebruiker.pk, gebruiker.email))
    # eHerkenning persons (ADR 0025): their confirmed address, while their latest login, at most
    # EHERKENNING_HERINNERINGEN_DAGEN ago, carried the machtiging to report sickness.
    kvk_naar_werkgever = dict(
        Werkgever.objects.filter(pk__in=werkgever_ids).values_list("kvk_nummer", "pk")
    )
    recent = timezone.now() - timedelta(days=settings.EHERKENNING_HERINNERINGEN_DAGEN)
    profielen = (
        EHerkenningProfiel.objects.filter(
            kvk_nummer__in=kvk_naar_werkgever,
            email_bevestigd_op__isnull=False,
            gebruiker__is_active=True,
            laatst_ingelogd_op__gte=recent,
        )
        .exclude(email="")
        .order_by("pk")
        .values_list("kvk_nummer", "gebruiker_id", "email", "diensten")
    )
    for kvk, gebruiker_id, email, diensten in profielen:  # JSON "contains" is not on SQLite
        if Dienst.VERZUIM_MELDEN in diensten:
            per_werkgever[kvk_naar_werkgever[kvk]].append((gebruiker_id, email))
    return per_werkgever


def _maak_rijen(sleutels: list[_Sleutel]) -> None:
    werkgever_ids = {s.verzuimgeval.werknemer.loonheffingennummer.werkgever_id for s in sleutels}
    per_werkgever = ontvangers(werkgever_ids)
    rijen: list[Herinnering] = []
    for s in sleutels:
        werkgever_id = s.verzuimgeval.werknemer.loonheffingennummer.werkgever_id
        gemeenschappelijk = {
            "verzuimgeval": s.verzuimgeval,
            "stap_soort": s.stap_soort,
            "stap_omschrijving": s.stap_omschrijving,
            "deadline": s.deadline,
            "soort": s.soort,
        }
        rijen.append(Herinnering(**gemeenschappelijk))  # the werkgever's inbox
        webhooks.publiceer(
            werkgever_id=werkgever_id,
            gebeurtenis=(
                Gebeurtenis.TERMIJN_VERLOPEN
                if s.soort == HerinneringSoort.VERLOPEN
                else Gebeurtenis.TERMIJN_NADERT
            ),
            object_type="verzuimgeval",
            object_id=str(s.verzuimgeval.uuid),
            sleutel=f"{s.verzuimgeval.uuid}:{s.stap_soort}:{s.deadline.isoformat()}",
        )
        rijen.extend(
            Herinnering(**gemeenschappelijk, ontvanger_id=gebruiker_id, ontvanger_email=adres)
            for gebruiker_id, adres in per_werkgever.get(werkgever_id, [])
        )
    Herinnering.objects.bulk_create(rijen, ignore_conflicts=True, batch_size=500)


def onderwerp(h: Herinnering) -> str:
    waarden = {"stap": gettext(h.stap_omschrijving), "nummer": h.verzuimgeval.verzuimnummer}
    if h.soort == HerinneringSoort.VERLOPEN:
        return gettext("Te laat: %(stap)s (verzuimnummer %(nummer)s)") % waarden
    return gettext("Herinnering: %(stap)s (verzuimnummer %(nummer)s)") % waarden


def tekst(h: Herinnering) -> str:
    """Inbox and e-mail text: verzuimnummer, step and date only; no name, no BSN (DOMAIN §9)."""
    waarden = {
        "stap": gettext(h.stap_omschrijving),
        "datum": f"{h.deadline:%d-%m-%Y}",
        "nummer": h.verzuimgeval.verzuimnummer,
        "portaal": settings.PORTAAL_URL,
    }
    if h.soort == HerinneringSoort.VERLOPEN:
        zin = (
            gettext(
                "TE LAAT: de uiterste datum voor '%(stap)s' was %(datum)s. Deze stap is nog niet "
                "geregistreerd. Zonder deze stap kan het UWV een loonsanctie opleggen; voer hem "
                "zo snel mogelijk uit en leg hem vast in het verzuimdossier."
            )
            % waarden
        )
    else:
        zin = gettext("De uiterste datum voor '%(stap)s' is %(datum)s.") % waarden
    return (
        gettext("Geachte heer/mevrouw,")
        + "\n\n"
        + gettext("Dit is een herinnering voor verzuimnummer %(nummer)s.") % waarden
        + f"\n{zin}\n\n"
        + gettext("Log in op het portaal om het verzuimdossier te bekijken: %(portaal)s") % waarden
        + "\n\n"
        + gettext("Dit is een automatisch bericht; u kunt er niet op antwoorden.")
        + "\n"
    )


# A broker outage never breaks the run; the next run re-plans it (pogingen 0).
_MAILTAAK = "verzuimportaal.herinneringen.tasks.verstuur_herinnering_mail"


def _claim_en_verstuur() -> tuple[int, int, set[int]]:
    """Hand off every unclaimed row once; returns (inbox messages, e-mails planned, werkgevers
    whose inbox got a message)."""
    berichten = mails = 0
    werkgevers: set[int] = set()
    nu = timezone.now()
    with transaction.atomic():
        rijen = list(
            Herinnering.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(ingepland_op__isnull=True)
            .select_related("verzuimgeval__werknemer__loonheffingennummer__werkgever")
            .order_by("pk")
        )
        bezorgd: list[int] = []
        for h in rijen:
            if not h.is_berichtenbox:
                na_commit(_MAILTAAK, h.pk)
                mails += 1
                continue
            try:
                with transaction.atomic():
                    plaats_herinnering(
                        werkgever=h.verzuimgeval.werknemer.loonheffingennummer.werkgever,
                        onderwerp=onderwerp(h),
                        tekst=tekst(h),
                        verzuimgeval=h.verzuimgeval,
                    )
            except ValidationError as fout:
                Herinnering.objects.filter(pk=h.pk).update(
                    pogingen=F("pogingen") + 1, laatste_fout=str(fout)[:1000]
                )
            else:
                bezorgd.append(h.pk)
                berichten += 1
                werkgevers.add(h.verzuimgeval.werknemer.loonheffingennummer.werkgever_id)
        Herinnering.objects.filter(pk__in=[h.pk for h in rijen]).update(ingepland_op=nu)
        Herinnering.objects.filter(pk__in=bezorgd).update(verzonden_op=nu, pogingen=1)
    return berichten, mails, werkgevers


def _plan_vergeten_mails() -> int:
    """E-mails claimed over an hour ago that never reached a worker (broker down at hand-off)."""
    grens = timezone.now() - timedelta(hours=1)
    ids = list(
        Herinnering.objects.filter(ingepland_op__lt=grens, verzonden_op__isnull=True, pogingen=0)
        .exclude(ontvanger__isnull=True, ontvanger_email="")
        .values_list("pk", flat=True)
    )
    for herinnering_id in ids:
        na_commit(_MAILTAAK, herinnering_id)
    return len(ids)


@transaction.atomic
def verstuur_herinneringen(*, door: Portaalactor, peildatum: date) -> Resultaat:
    """Create and hand off the reminders due on ``peildatum``; safe to run twice or at once.

    ``door`` is the portal itself (``toegang.actor.beheerder(None)``) for the daily task, or the
    operator who runs the command.
    """
    sleutels = _sleutels(peildatum)
    _maak_rijen(sleutels)
    berichten, mails, werkgevers = _claim_en_verstuur()
    opnieuw = _plan_vergeten_mails()
    resultaat = Resultaat(
        stappen=len(sleutels), berichten=berichten, mails=mails, opnieuw_ingepland=opnieuw
    )
    audit.registreer_voor(
        actor=door,
        ip=door.ip,
        user_agent=door.user_agent,
        actie=Actie.AANMAKEN,
        object_type="herinnering",
        object_id=peildatum.isoformat(),
        omschrijving=f"Herinneringen van {peildatum:%d-%m-%Y}: {resultaat.stappen} stappen, "
        f"{berichten} berichten, {mails} e-mails, {opnieuw} opnieuw ingepland",
    )
    markeer_gegevens_gewijzigd(werkgever_ids=werkgevers)  # their inbox changed
    return resultaat
