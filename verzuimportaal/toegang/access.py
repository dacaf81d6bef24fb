"""The one place where reads that need permission are made (deny by default).

Every view fetches werkgever-bound objects through these functions. They take the acting context
and return only what that actor may see; a single-object fetcher raises Http404 for anything else,
so an account of werkgever A cannot even learn that an object of werkgever B exists. The fetchers
also note what personal data the actor was shown (``gelezen``); the request writes those audit
rows once at its end, for pages and API alike (ADR 0014).
"""

from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet

from verzuimportaal.aanvragen.models import Bijlage, Zaak
from verzuimportaal.eigenrisicodragers.models import (
    DIENST_PER_SOORT,
    Erddocument,
    Erdstatus,
    soorten_voor,
)
from verzuimportaal.facturen.models import Arbofactuur
from verzuimportaal.lonen.models import Loongegeven
from verzuimportaal.polissen.models import Polis
from verzuimportaal.uitkeringen.models import Uitkeringsregel
from verzuimportaal.utils.ophalen import een_of_404
from verzuimportaal.verzuim.models import Verzuimgeval, Verzuimmutatie
from verzuimportaal.wazo.models import Wazoverlof
from verzuimportaal.werkgevers.models import Loonheffingennummer
from verzuimportaal.werknemers.models import Werknemer

from .actor import Actor
from .diensten import Dienst


def vereis_recht(actor: Actor, *rechten: str, wijzigen: bool = False) -> None:
    """Deny unless the actor holds one of ``rechten``, at level "wijzigen" when asked."""
    if actor.heeft_een_van(rechten, wijzigen=wijzigen):
        return
    namen = ", ".join(_naam(recht) for recht in rechten)
    if wijzigen and actor.heeft_een_van(rechten):
        raise PermissionDenied(
            f"U mag deze gegevens alleen bekijken. Voor wijzigen is het niveau 'bekijken en "
            f"wijzigen' nodig voor: {namen}. Vraag de werkgever om dit niveau."
        )
    raise PermissionDenied(
        f"U bent niet gemachtigd voor deze pagina. Hiervoor is een machtiging nodig voor: "
        f"{namen}. Vraag de machtigingenbeheerder van uw organisatie om deze machtiging."
    )


def _naam(recht: str) -> str:
    try:
        return Dienst(recht).label
    except ValueError:
        return recht


def _nummerfilter(actor: Actor, pad: str, *, geactiveerd: bool = True) -> Q:
    """The actor's werkgever, active numbers only (seed 001), and route-B limits if any.

    A number is only visible once activated with its verificatiecode (seed 003 art. 1, 2.6);
    ``geactiveerd=False`` selects the numbers still waiting for their code instead.
    """
    filter_ = Q(
        **{
            f"{pad}werkgever": actor.werkgever,
            f"{pad}actief": True,
            f"{pad}geactiveerd_op__isnull": not geactiveerd,
        }
    )
    if actor.loonheffingennummer_ids is not None:
        filter_ &= Q(**{f"{pad}pk__in": actor.loonheffingennummer_ids})
    return filter_


def loonheffingennummers(actor: Actor) -> QuerySet[Loonheffingennummer]:
    """Active numbers of the werkgever; inactive numbers are not shown to users (seed 001)."""
    return Loonheffingennummer.objects.filter(_nummerfilter(actor, ""))


def te_activeren_loonheffingennummers(actor: Actor) -> QuerySet[Loonheffingennummer]:
    """Active numbers of the werkgever that still wait for their verificatiecode (seed 003)."""
    return Loonheffingennummer.objects.filter(_nummerfilter(actor, "", geactiveerd=False))


def werknemers(actor: Actor) -> QuerySet[Werknemer]:
    return Werknemer.objects.filter(_nummerfilter(actor, "loonheffingennummer__")).select_related(
        "loonheffingennummer"
    )


def gelezen(actor: Actor, onderwerp: Model, *, omschrijving: str = "") -> None:
    """Note that the actor was shown ``onderwerp``: one INZIEN row at the end of the request
    (``@portaal_view`` and the API write it), unless the request also changed it."""
    actor.inzage.gelezen(onderwerp, omschrijving)


def lijst_gelezen(actor: Actor, *, soort: str, omschrijving: str) -> None:
    """Note that the actor was shown a list of ``soort``: one row per list, not per line."""
    actor.inzage.lijst_gelezen(soort, omschrijving)


def werknemer(actor: Actor, *, uuid: UUID | str) -> Werknemer:
    gevonden = een_of_404(werknemers(actor), "Werknemer", uuid=uuid)
    gelezen(actor, gevonden)
    return gevonden


def verzuimgevallen(actor: Actor) -> QuerySet[Verzuimgeval]:
    return Verzuimgeval.objects.filter(
        _nummerfilter(actor, "werknemer__loonheffingennummer__")
    ).select_related("werknemer", "werknemer__loonheffingennummer")


def verzuimgeval(actor: Actor, *, uuid: UUID | str) -> Verzuimgeval:
    gevonden = een_of_404(verzuimgevallen(actor), "Verzuimgeval", uuid=uuid)
    gelezen(actor, gevonden)
    return gevonden


def lopende_verzuimgevallen(actor: Actor, *, waar: str) -> QuerySet[Verzuimgeval]:
    """Who is sick now: an audited read (one row per request, ``waar`` says which page)."""
    lijst_gelezen(actor, soort="verzuimgeval", omschrijving=f"lopende verzuimen ({waar})")
    return verzuimgevallen(actor).filter(einddatum__isnull=True)


def mutaties(actor: Actor) -> QuerySet[Verzuimmutatie]:
    return Verzuimmutatie.objects.filter(
        _nummerfilter(actor, "verzuimgeval__werknemer__loonheffingennummer__")
    ).select_related("verzuimgeval", "verzuimgeval__werknemer")


def wazoverloven(actor: Actor) -> QuerySet[Wazoverlof]:
    """WAZO leave of the werkgever's employees (DOMAIN §4.4, §7.1)."""
    return Wazoverlof.objects.filter(
        _nummerfilter(actor, "werknemer__loonheffingennummer__")
    ).select_related("werknemer", "werknemer__loonheffingennummer")


def wazoverlof(actor: Actor, *, uuid: UUID | str) -> Wazoverlof:
    gevonden = een_of_404(wazoverloven(actor), "Verlof", uuid=uuid)
    gelezen(actor, gevonden)
    return gevonden


def zaken(actor: Actor) -> QuerySet[Zaak]:
    """The werkgever's cases at the operator (ADR 0027), of the services the actor holds, and
    within the actor's loonheffingennummers when it is limited to some (route B)."""
    filter_ = Q(werkgever=actor.werkgever, dienst__in=actor.rechten)
    if actor.loonheffingennummer_ids is not None:
        filter_ &= Q(werknemer__loonheffingennummer_id__in=actor.loonheffingennummer_ids)
    return Zaak.objects.filter(filter_).select_related("werknemer")


def zaak(actor: Actor, *, uuid: UUID | str) -> Zaak:
    gevonden = een_of_404(zaken(actor), "Zaak", uuid=uuid)
    gelezen(actor, gevonden)
    return gevonden


def zaakbijlage(actor: Actor, *, uuid: UUID | str) -> Bijlage:
    """A document of one of the actor's cases (ADR 0028); 404 for anything else."""
    return een_of_404(
        Bijlage.objects.filter(zaak__in=zaken(actor)).select_related("zaak"), "Bijlage", uuid=uuid
    )


def uitkeringsregels(actor: Actor) -> QuerySet[Uitkeringsregel]:
    """Paid uitkering lines (DOMAIN §7.3): only with "Inzien uitkeringsgegevens" (DOMAIN §3)."""
    vereis_recht(actor, Dienst.UITKERINGSGEGEVENS)
    return Uitkeringsregel.objects.filter(
        _nummerfilter(actor, "werknemer__loonheffingennummer__"), werkgever=actor.werkgever
    ).select_related("werknemer", "run")


def polissen(actor: Actor) -> QuerySet[Polis]:
    """The werkgever's verzuimverzekering, newest first (shown to the werkgever, DOMAIN §7.3)."""
    vereis_recht(actor, Dienst.UITKERINGSGEGEVENS)
    return Polis.objects.filter(werkgever=actor.werkgever).order_by("-ingangsdatum")


def arbofacturen(actor: Actor) -> QuerySet[Arbofactuur]:
    """The werkgever's arbofacturen (DOMAIN §7.4), newest first; Financiën only."""
    vereis_recht(actor, Dienst.UITKERINGSGEGEVENS)
    return Arbofactuur.objects.filter(werkgever=actor.werkgever).order_by("-maand")


def loongegevens(actor: Actor, *, werknemer: Werknemer) -> QuerySet[Loongegeven]:
    """The wage history of a werknemer the actor may see, newest first (DOMAIN §7.3)."""
    vereis_recht(actor, Dienst.WERKNEMERSGEGEVENS, Dienst.UITKERINGSGEGEVENS)
    return Loongegeven.objects.filter(
        werknemer__in=werknemers(actor).filter(pk=werknemer.pk)
    ).order_by("-ingangsdatum")


# Eigenrisicodragers (DOMAIN §3 services 4, 5, 7; ADR 0040).
ERD_DIENSTEN: tuple[str, ...] = (
    Dienst.CONTROLE_ERD,
    Dienst.FINANCIEEL_ERD,
    Dienst.REINTEGRATIE_ERD_WW,
)


def erdstatussen(actor: Actor) -> QuerySet[Erdstatus]:
    """The ERD status per own loonheffingennummer, for an actor with one of the ERD services."""
    vereis_recht(actor, *ERD_DIENSTEN)
    return Erdstatus.objects.filter(_nummerfilter(actor, "loonheffingennummer__")).select_related(
        "loonheffingennummer"
    )


def erddocumenten(actor: Actor, *, dienst: str) -> QuerySet[Erddocument]:
    """The documents of the kinds that ``dienst`` shows (DOMAIN §3), of the own numbers."""
    vereis_recht(actor, dienst)
    return Erddocument.objects.filter(
        _nummerfilter(actor, "loonheffingennummer__"), soort__in=soorten_voor(dienst)
    ).select_related("loonheffingennummer")


def erddocument(actor: Actor, *, uuid: UUID | str) -> Erddocument:
    """One document, only with the service of its kind; 404 for any other (deny by default)."""
    soorten = [s for s, d in DIENST_PER_SOORT.items() if actor.heeft_recht(d)]
    gevonden = een_of_404(
        Erddocument.objects.filter(
            _nummerfilter(actor, "loonheffingennummer__"), soort__in=soorten
        ).select_related("loonheffingennummer"),
        "Document",
        uuid=uuid,
    )
    gelezen(actor, gevonden)
    return gevonden
