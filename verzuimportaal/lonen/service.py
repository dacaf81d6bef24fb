"""Writes for wage data (DOMAIN §7.3): one dated row per werknemer per ingangsdatum."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.berichten.models import Soort as BerichtSoort
from verzuimportaal.berichten.service import plaats_bericht
from verzuimportaal.facturen.models import Premiefactuur
from verzuimportaal.facturen.service import maak_premiefacturen
from verzuimportaal.geld.bedragen import laatste_van_maand
from verzuimportaal.polissen.models import Polis
from verzuimportaal.polissen.uitvoerder import Uitvoerder
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.werkgevers.models import Werkgever
from verzuimportaal.werkgevers.service import markeer_gegevens_gewijzigd
from verzuimportaal.werknemers.models import Werknemer
from verzuimportaal.werknemers.service import vergrendel_voor

from .models import Loonactualisatie, Loongegeven


@transaction.atomic
def leg_loon_vast(
    *,
    door: Actor,
    werknemer: Werknemer,
    ingangsdatum: date,
    bruto_jaarloon: Decimal,
    vakantiegeld_percentage: Decimal = Decimal(8),
    vaste_onderdelen: Decimal = Decimal(0),
) -> Loongegeven:
    """Record the wage from ``ingangsdatum`` on; the same date again replaces that row.

    Earlier rows stay: they hold the wage of spells that started before (ADR 0029).
    """
    if not door.heeft_recht(Dienst.WERKNEMERSGEGEVENS, wijzigen=True):
        raise PermissionDenied(_("U heeft geen recht om werknemersgegevens te wijzigen."))
    werknemer = vergrendel_voor(door=door, werknemer_id=werknemer.pk)
    if ingangsdatum < werknemer.datum_in_dienst:
        raise ValidationError(
            {
                "ingangsdatum": _(
                    "De ingangsdatum ligt vóór de datum in dienst (%(datum_in_dienst)s). Kies "
                    "een latere datum."
                )
                % {"datum_in_dienst": f"{werknemer.datum_in_dienst:%d-%m-%Y}"}
            }
        )
    gebruiker = door.gebruiker if door.gebruiker is not None and door.gebruiker.pk else None
    loon, nieuw = Loongegeven.objects.select_for_update().get_or_create(
        werknemer=werknemer,
        ingangsdatum=ingangsdatum,
        defaults={
            "bruto_jaarloon": bruto_jaarloon,
            "vakantiegeld_percentage": vakantiegeld_percentage,
            "vaste_onderdelen": vaste_onderdelen,
            "vastgelegd_op": timezone.now(),
            "vastgelegd_door": gebruiker,
            "vastgelegd_door_naam": door.weergavenaam[:200],
        },
    )
    oud = (
        ""
        if nieuw
        else f"{loon.bruto_jaarloon}/{loon.vakantiegeld_percentage}/{loon.vaste_onderdelen}"
    )
    if not nieuw:
        loon.bruto_jaarloon = bruto_jaarloon
        loon.vakantiegeld_percentage = vakantiegeld_percentage
        loon.vaste_onderdelen = vaste_onderdelen
        loon.vastgelegd_op = timezone.now()
        loon.vastgelegd_door = gebruiker
        loon.vastgelegd_door_naam = door.weergavenaam[:200]
    loon.full_clean(exclude=["werknemer"])
    loon.save()
    audit.registreer_voor(
        actor=door,
        ip=door.ip,
        user_agent=door.user_agent,
        actie=Actie.AANMAKEN if nieuw else Actie.WIJZIGEN,
        object_type="loongegeven",
        object_id=str(werknemer.uuid),
        omschrijving=(
            f"Loon per {ingangsdatum:%d-%m-%Y}"
            + ("" if nieuw else f" (was jaarloon/vakantiegeld %/vast: {oud})")
        ),
    )
    markeer_gegevens_gewijzigd(werkgever_ids=[door.werkgever.pk])
    return loon


def loon_op(*, werknemer: Werknemer, dag: date) -> Loongegeven | None:
    """The wage row valid on ``dag`` (DOMAIN §7.3: the one on the first sick day)."""
    return (
        Loongegeven.objects.filter(werknemer=werknemer, ingangsdatum__lte=dag)
        .order_by("-ingangsdatum")
        .first()
    )


# ---- The January update (seed 004, DOMAIN §7.3, ADR 0042) ------------------------------------

# A reminder from two weeks before the deadline, then weekly until the update is done.
HERINNEREN_VANAF_DAGEN = 14
HERINNEREN_ELKE_DAGEN = 7


@dataclass(frozen=True)
class Loonregel:
    """One row of the January table: the wage from 1 January on."""

    werknemer: Werknemer
    bruto_jaarloon: Decimal
    vakantiegeld_percentage: Decimal
    vaste_onderdelen: Decimal


def uiterlijk_afronden(jaar: int) -> date:
    """The deadline of the January update: the last day of February (ADR 0042)."""
    return laatste_van_maand(date(jaar, 2, 1))


def in_dienst_op(*, werkgever_id: int, dag: date) -> QuerySet[Werknemer]:
    """The werknemers whose wage the January update asks for: in dienst on 1 January."""
    return Werknemer.objects.filter(
        Q(datum_uit_dienst__isnull=True) | Q(datum_uit_dienst__gte=dag),
        loonheffingennummer__werkgever_id=werkgever_id,
        datum_in_dienst__lte=dag,
    )


@transaction.atomic
def open_loonactualisaties(
    *, door: Uitvoerder, jaar: int, notificeren: bool = True
) -> list[Loonactualisatie]:
    """In January, a task per werkgever with a polis on 1 January (idempotent per year).

    Each werkgever gets one audit row, a message in its inbox (with e-mail unless
    ``notificeren`` is off, as for demo data) and a new data version.
    """
    peil = date(jaar, 1, 1)
    al = set(Loonactualisatie.objects.filter(jaar=jaar).values_list("werkgever_id", flat=True))
    werkgever_ids = set(
        Polis.objects.filter(ingangsdatum__lte=peil).values_list("werkgever_id", flat=True)
    )
    geopend: list[Loonactualisatie] = []
    for werkgever in Werkgever.objects.filter(pk__in=werkgever_ids - al).order_by("pk"):
        actualisatie = Loonactualisatie.objects.create(
            werkgever=werkgever,
            jaar=jaar,
            geopend_op=timezone.now(),
            uiterlijk=uiterlijk_afronden(jaar),
        )
        plaats_bericht(
            werkgever=werkgever,
            soort=BerichtSoort.MEDEDELING,
            onderwerp=f"Loongegevens {jaar} bevestigen",
            tekst=_uitnodiging(actualisatie),
            notificeren=notificeren,
        )
        audit.registreer(
            door=door.actor_voor(werkgever),
            actie=Actie.AANMAKEN,
            onderwerp=actualisatie,
            omschrijving=f"Loongegevens {jaar} gevraagd, uiterlijk "
            f"{actualisatie.uiterlijk:%d-%m-%Y}",
        )
        geopend.append(actualisatie)
    markeer_gegevens_gewijzigd(werkgever_ids=[a.werkgever_id for a in geopend])
    return geopend


def _uitnodiging(actualisatie: Loonactualisatie) -> str:
    return (
        f"Wilt u uiterlijk {actualisatie.uiterlijk:%d-%m-%Y} de loongegevens per 1 januari "
        f"{actualisatie.jaar} van al uw werknemers bevestigen of aanpassen (menu Werknemers, "
        "Loongegevens per 1 januari)? Daarmee berekenen wij de definitieve premie over "
        f"{actualisatie.jaar - 1} en de voorschotpremie voor {actualisatie.jaar}."
    )


@transaction.atomic
def herinner_loonactualisaties(*, door: Uitvoerder) -> list[Loonactualisatie]:
    """A reminder in the inbox for every open update from 14 days before the deadline, weekly."""
    vandaag = timezone.localdate()
    herinnerd: list[Loonactualisatie] = []
    open_ = (
        Loonactualisatie.objects.select_for_update()
        .select_related("werkgever")
        .filter(
            afgerond_op__isnull=True, uiterlijk__lte=vandaag + timedelta(HERINNEREN_VANAF_DAGEN)
        )
        .filter(
            Q(laatste_herinnering__isnull=True)
            | Q(laatste_herinnering__lte=vandaag - timedelta(days=HERINNEREN_ELKE_DAGEN))
        )
        .order_by("pk")
    )
    for actualisatie in open_:
        verstreken = vandaag > actualisatie.uiterlijk
        plaats_bericht(
            werkgever=actualisatie.werkgever,
            soort=BerichtSoort.HERINNERING,
            onderwerp=(
                f"Termijn verstreken: loongegevens {actualisatie.jaar}"
                if verstreken
                else f"Herinnering: loongegevens {actualisatie.jaar} bevestigen"
            ),
            tekst=_uitnodiging(actualisatie),
        )
        actualisatie.laatste_herinnering = vandaag
        actualisatie.save(update_fields=["laatste_herinnering"])
        audit.registreer(
            door=door.actor_voor(actualisatie.werkgever),
            actie=Actie.WIJZIGEN,
            onderwerp=actualisatie,
            omschrijving=f"Herinnering loongegevens {actualisatie.jaar} verstuurd",
        )
        herinnerd.append(actualisatie)
    markeer_gegevens_gewijzigd(werkgever_ids=[a.werkgever_id for a in herinnerd])
    return herinnerd


def _vergrendel_actualisatie(door: Actor, actualisatie: Loonactualisatie) -> Loonactualisatie:
    if not door.heeft_recht(Dienst.WERKNEMERSGEGEVENS, wijzigen=True):
        raise PermissionDenied(_("U heeft geen recht om werknemersgegevens te wijzigen."))
    gevonden = Loonactualisatie.objects.select_for_update().get(pk=actualisatie.pk)
    if gevonden.werkgever_id != door.werkgever.pk:
        raise PermissionDenied(_("Deze loongegevens horen niet bij de werkgever waarvoor u werkt."))
    if gevonden.afgerond_op is not None:
        raise ValidationError(
            _("De loongegevens %(jaar)s zijn al afgerond.") % {"jaar": gevonden.jaar}
        )
    return gevonden


@transaction.atomic
def werk_januarilonen_bij(
    *, door: Actor, actualisatie: Loonactualisatie, regels: Sequence[Loonregel]
) -> int:
    """Store the wages of one page of the January table from 1 January on; returns how many
    changed. Unchanged rows are confirmed as they are. One audit row for the page."""
    actualisatie = _vergrendel_actualisatie(door, actualisatie)
    peil = actualisatie.peildatum
    toegestaan = set(
        in_dienst_op(werkgever_id=door.werkgever.pk, dag=peil).values_list("pk", flat=True)
    )
    if door.loonheffingennummer_ids is not None:
        toegestaan &= set(
            Werknemer.objects.filter(
                loonheffingennummer_id__in=door.loonheffingennummer_ids
            ).values_list("pk", flat=True)
        )
    gewijzigd = 0
    gebruiker = door.gebruiker if door.gebruiker is not None and door.gebruiker.pk else None
    for regel in regels:
        if regel.werknemer.pk not in toegestaan:
            raise PermissionDenied(
                _("Deze werknemer hoort niet bij de werkgever waarvoor u werkt.")
            )
        huidig = loon_op(werknemer=regel.werknemer, dag=peil)
        nieuw = (regel.bruto_jaarloon, regel.vakantiegeld_percentage, regel.vaste_onderdelen)
        if huidig is not None and nieuw == (
            huidig.bruto_jaarloon,
            huidig.vakantiegeld_percentage,
            huidig.vaste_onderdelen,
        ):
            continue
        loon, _nieuw = Loongegeven.objects.update_or_create(
            werknemer=regel.werknemer,
            ingangsdatum=max(peil, regel.werknemer.datum_in_dienst),
            defaults={
                "bruto_jaarloon": regel.bruto_jaarloon,
                "vakantiegeld_percentage": regel.vakantiegeld_percentage,
                "vaste_onderdelen": regel.vaste_onderdelen,
                "vastgelegd_op": timezone.now(),
                "vastgelegd_door": gebruiker,
                "vastgelegd_door_naam": door.weergavenaam[:200],
            },
        )
        loon.full_clean(exclude=["werknemer"])
        gewijzigd += 1
    audit.registreer(
        door=door,
        actie=Actie.WIJZIGEN,
        onderwerp=actualisatie,
        omschrijving=f"Loongegevens per 01-01-{actualisatie.jaar}: {len(regels)} bevestigd, "
        f"waarvan {gewijzigd} gewijzigd",
    )
    markeer_gegevens_gewijzigd(werkgever_ids=[door.werkgever.pk])
    return gewijzigd


def januari_peildatum(*, werkgever: Werkgever) -> date | None:
    """1 January of the werkgever's open January update, if any: the default "loon per" of a
    werknemer import with wage columns (ADR 0042)."""
    jaar = (
        Loonactualisatie.objects.filter(werkgever=werkgever, afgerond_op__isnull=True)
        .order_by("-jaar")
        .values_list("jaar", flat=True)
        .first()
    )
    return None if jaar is None else date(jaar, 1, 1)


@dataclass(frozen=True)
class Importloon:
    """A wage from the werknemer import, from ``ingangsdatum`` on."""

    werknemer_id: int
    ingangsdatum: date
    bruto_jaarloon: Decimal
    vakantiegeld_percentage: Decimal
    vaste_onderdelen: Decimal


def leg_lonen_uit_import_vast(*, door: Actor, regels: Sequence[Importloon]) -> int:
    """Part of the werknemer import's commit (its transaction and audit row): store the wages of
    the file; an equal wage already valid on that day is confirmed as it is. With "loon per" 1
    January of the open update this is the January update for those rows (ADR 0042): they no
    longer count as missing on the January page. Returns how many wages changed."""
    werknemers = Werknemer.objects.select_related("loonheffingennummer").in_bulk(
        [r.werknemer_id for r in regels]
    )
    gebruiker = door.gebruiker if door.gebruiker is not None and door.gebruiker.pk else None
    gewijzigd = 0
    for regel in regels:
        werknemer = werknemers[regel.werknemer_id]
        if werknemer.loonheffingennummer.werkgever_id != door.werkgever.pk:
            raise PermissionDenied("Deze werknemer hoort niet bij de werkgever waarvoor u werkt.")
        ingang = max(regel.ingangsdatum, werknemer.datum_in_dienst)
        huidig = loon_op(werknemer=werknemer, dag=ingang)
        nieuw = (regel.bruto_jaarloon, regel.vakantiegeld_percentage, regel.vaste_onderdelen)
        if huidig is not None and nieuw == (
            huidig.bruto_jaarloon,
            huidig.vakantiegeld_percentage,
            huidig.vaste_onderdelen,
        ):
            continue
        loon, _ = Loongegeven.objects.update_or_create(
            werknemer=werknemer,
            ingangsdatum=ingang,
            defaults={
                "bruto_jaarloon": regel.bruto_jaarloon,
                "vakantiegeld_percentage": regel.vakantiegeld_percentage,
                "vaste_onderdelen": regel.vaste_onderdelen,
                "vastgelegd_op": timezone.now(),
                "vastgelegd_door": gebruiker,
                "vastgelegd_door_naam": door.weergavenaam[:200],
            },
        )
        loon.full_clean(exclude=["werknemer"])
        gewijzigd += 1
    return gewijzigd


@transaction.atomic
def rond_loonactualisatie_af(*, door: Actor, actualisatie: Loonactualisatie) -> list[Premiefactuur]:
    """Finish the January update once every werknemer in dienst on 1 January has a wage, then
    invoice the voorschot for the year and the naverrekening of the year before (DOMAIN §7.3)."""
    actualisatie = _vergrendel_actualisatie(door, actualisatie)
    if door.loonheffingennummer_ids is not None:
        raise PermissionDenied(
            _("Afronden kan alleen wie voor alle loonheffingennummers van de werkgever werkt.")
        )
    zonder = (
        in_dienst_op(werkgever_id=door.werkgever.pk, dag=actualisatie.peildatum)
        .exclude(loongegevens__ingangsdatum__lte=actualisatie.peildatum)
        .count()
    )
    if zonder:
        raise ValidationError(
            _(
                "Van %(zonder)s werknemer(s) ontbreekt het loon per 1 januari. Vul het in en sla "
                "de pagina op voordat u afrondt."
            )
            % {"zonder": zonder}
        )
    actualisatie.afgerond_op = timezone.now()
    actualisatie.afgerond_door_naam = door.weergavenaam[:200]
    actualisatie.save(update_fields=["afgerond_op", "afgerond_door_naam"])
    audit.registreer(
        door=door,
        actie=Actie.WIJZIGEN,
        onderwerp=actualisatie,
        omschrijving=f"Loongegevens {actualisatie.jaar} afgerond",
    )
    markeer_gegevens_gewijzigd(werkgever_ids=[door.werkgever.pk])
    return maak_premiefacturen(door=door, jaar=actualisatie.jaar)
