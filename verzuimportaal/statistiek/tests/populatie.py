"""Small hand-built populations for the statistics tests, on any database alias.

The rows are written directly (not through the services) so a test can state exactly which
spells, mutations and employment dates exist, also in the past, on PostgreSQL or SQLite.
"""

import itertools
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone

from tests.factories import elfproef_nummer, geldig_bsn
from verzuimportaal.statistiek.berekening import Verzuimstatistiek, bereken
from verzuimportaal.verzuim.models import EindeReden, MutatieSoort, Verzuimgeval, Verzuimmutatie
from verzuimportaal.wazo.models import Soort as WazoSoort
from verzuimportaal.wazo.models import Wazoverlof
from verzuimportaal.werkgevers.models import Loonheffingennummer, Werkgever
from verzuimportaal.werknemers.models import Werknemer

_teller = itertools.count(1)


class Populatie:
    def __init__(
        self, db: str = "default", *, loonheffingennummer: Loonheffingennummer | None = None
    ) -> None:
        """A new werkgever, or the one of an existing ``loonheffingennummer``."""
        self.db = db
        if loonheffingennummer is not None:
            self.werkgever = loonheffingennummer.werkgever
            self.loonheffingennummer = loonheffingennummer
            return
        n = next(_teller)
        self.werkgever = Werkgever.objects.using(db).create(
            kvk_nummer=f"{70000000 + n:08d}", naam=f"Statistiek {n} B.V."
        )
        self.loonheffingennummer = self.nummer()

    def nummer(self) -> Loonheffingennummer:
        # Only numbers activated with their verificatiecode are visible (seed 003); the field is
        # new, so set it only where the model has it.
        velden = {veld.name for veld in Loonheffingennummer._meta.get_fields()}
        extra = {"geactiveerd_op": timezone.now()} if "geactiveerd_op" in velden else {}
        return Loonheffingennummer.objects.using(self.db).create(
            werkgever=self.werkgever, nummer=f"{elfproef_nummer(3000 + next(_teller))}L01", **extra
        )

    def werknemer(
        self,
        *,
        factor: str = "1",
        in_dienst: date = date(2020, 1, 1),
        uit_dienst: date | None = None,
        loonheffingennummer: Loonheffingennummer | None = None,
    ) -> Werknemer:
        factor_dec = Decimal(factor)
        return Werknemer.objects.using(self.db).create(
            loonheffingennummer=loonheffingennummer or self.loonheffingennummer,
            bsn=geldig_bsn(),
            achternaam=f"Werknemer{next(_teller)}",
            geboortedatum=date(1980, 1, 1),
            datum_in_dienst=in_dienst,
            datum_uit_dienst=uit_dienst,
            contracturen_per_week=(Decimal(40) * factor_dec).quantize(Decimal("0.01")),
            deeltijdfactor=factor_dec,
        )

    def verzuim(
        self,
        werknemer: Werknemer,
        ziek: date,
        *,
        hersteld: date | None = None,
        uit_dienst: bool = False,
        verlof: date | None = None,
        stappen: tuple[tuple[date, int], ...] = (),
    ) -> Verzuimgeval:
        """A spell from ``ziek`` (100 %), partial steps ``(date, %)``, ended by recovery
        (``hersteld`` = hersteldatum), by WAZO leave starting on ``verlof`` or by ziek uit dienst
        (to the werknemer's last day + 1)."""
        einddatum, reden = None, ""
        if hersteld is not None:
            einddatum, reden = hersteld, EindeReden.HERSTELD
        elif verlof is not None:
            einddatum, reden = verlof, EindeReden.VERLOF
        elif uit_dienst:
            assert werknemer.datum_uit_dienst is not None
            einddatum = werknemer.datum_uit_dienst + timedelta(days=1)
            reden = EindeReden.UIT_DIENST
        geval = Verzuimgeval.objects.using(self.db).create(
            werknemer=werknemer,
            werkgever_id=werknemer.loonheffingennummer.werkgever_id,
            verzuimnummer=f"S-{next(_teller):06d}",
            eerste_ziektedag=ziek,
            einddatum=einddatum,
            einde_reden=reden,
            gemeld_op=timezone.now(),
        )
        regels = [(ziek, MutatieSoort.ZIEKMELDING, 100)]
        regels += [(d, MutatieSoort.GEDEELTELIJK_HERSTELD, p) for d, p in stappen]
        if reden == EindeReden.HERSTELD:
            regels.append((einddatum, MutatieSoort.VOLLEDIG_HERSTELD, 0))
        elif reden == EindeReden.UIT_DIENST:
            regels.append((einddatum, MutatieSoort.ZIEK_UIT_DIENST, None))
        for ingangsdatum, soort, percentage in regels:
            Verzuimmutatie.objects.using(self.db).create(
                verzuimgeval=geval,
                soort=soort,
                ingangsdatum=ingangsdatum,
                percentage_arbeidsongeschikt=percentage,
                geregistreerd_op=timezone.now(),
                geregistreerd_door_naam="Test",
            )
        return geval

    def verlof(self, werknemer: Werknemer, eerste_dag: date, laatste_dag: date) -> Wazoverlof:
        """Zwangerschaps- en bevallingsverlof stored with this period (as computed earlier)."""
        nu = timezone.now()
        return Wazoverlof.objects.using(self.db).create(
            werknemer=werknemer,
            soort=WazoSoort.ZWANGERSCHAP,
            uitgerekende_datum=eerste_dag + timedelta(days=41),
            ingangsdatum=eerste_dag,
            eerste_dag=eerste_dag,
            laatste_dag=laatste_dag,
            aangevraagd_op=eerste_dag - timedelta(days=20),
            aangemaakt_op=nu,
            gewijzigd_op=nu,
        )

    def werknemers(self) -> QuerySet[Werknemer]:
        return Werknemer.objects.using(self.db).filter(
            loonheffingennummer__werkgever=self.werkgever
        )

    def statistiek(self, begin: date, einde: date) -> Verzuimstatistiek:
        return bereken(werknemers=self.werknemers(), begin=begin, einde=einde, using=self.db)
