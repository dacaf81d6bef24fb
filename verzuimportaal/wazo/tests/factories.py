"""Test data for WAZO leave: rows as the service stores them, for any period."""

from datetime import date

from django.utils import timezone

from tests.factories import als_service
from verzuimportaal.wazo.models import Soort, Wazoverlof
from verzuimportaal.werknemers.models import Werknemer


def zwangerschapsverlof(werknemer: Werknemer, eerste_dag: date, laatste_dag: date) -> Wazoverlof:
    """Zwangerschaps- en bevallingsverlof stored with the given period (as computed earlier)."""
    nu = timezone.now()
    verlof = Wazoverlof.objects.create(
        werknemer=werknemer,
        soort=Soort.ZWANGERSCHAP,
        uitgerekende_datum=eerste_dag,
        ingangsdatum=eerste_dag,
        eerste_dag=eerste_dag,
        laatste_dag=laatste_dag,
        aangevraagd_op=eerste_dag,
        aangemaakt_op=nu,
        gewijzigd_op=nu,
    )
    als_service(werknemer.loonheffingennummer.werkgever_id)
    return verlof
