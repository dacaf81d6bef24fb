"""Test data for WAZO leave: rows as the service stores them, for any period."""

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from tests.factories import als_service, werknemer_bij
from verzuimportaal.dossier import termijnstand
from verzuimportaal.wazo.models import Soort, Wazoverlof
from verzuimportaal.wazo.periode import ingangsvenster, zwangerschaps_en_bevallingsverlof
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
    termijnstand.werk_bij(werknemer_ids=[werknemer.pk])  # leave moves the steps (ADR 0047)
    return verlof


def wazoverlof_van(omgeving: Any) -> Wazoverlof:
    """Zwangerschapsverlof (birth not yet reported) for a second employee of a test
    ``Omgeving`` (conftest.py), computed by the rules; the same row on every call."""
    bestaand = Wazoverlof.objects.filter(
        werknemer__loonheffingennummer=omgeving.loonheffingennummer, soort=Soort.ZWANGERSCHAP
    ).first()
    if bestaand is not None:
        return bestaand
    uitgerekend = date(2026, 11, 30)
    ingang, _ = ingangsvenster(uitgerekende_datum=uitgerekend)
    periode = zwangerschaps_en_bevallingsverlof(uitgerekende_datum=uitgerekend, ingangsdatum=ingang)
    nu = timezone.now()
    verlof = Wazoverlof.objects.create(
        werknemer=werknemer_bij(omgeving, voornaam="Verlof"),
        soort=Soort.ZWANGERSCHAP,
        uitgerekende_datum=uitgerekend,
        ingangsdatum=ingang,
        eerste_dag=periode.eerste_dag,
        laatste_dag=periode.laatste_dag,
        bevallingsverlof_dagen=periode.bevallingsverlof_dagen,
        aangevraagd_op=ingang - timedelta(days=20),
        aangemaakt_op=nu,
        gewijzigd_op=nu,
    )
    als_service(omgeving.werkgever.pk)
    termijnstand.werk_bij(werknemer_ids=[verlof.werknemer_id])  # ADR 0047
    return verlof
