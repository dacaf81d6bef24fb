"""Ontslagaanvraag and compensatie transitievergoeding (DOMAIN §7.6): both routes with their
documents checked by content, the 104 weeks, the compensation's eligibility, amount and window."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import VerzuimgevalFactory, werknemer_bij
from verzuimportaal.aanvragen.models import Bijlage, Soort, Status, Zaak
from verzuimportaal.audit.models import Auditregel
from verzuimportaal.ontslag import documenten, service
from verzuimportaal.ontslag.models import Ontslagroute
from verzuimportaal.toegang.diensten import Dienst

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def pdf(naam: str = "document.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, PDF, content_type="application/pdf")


def bestanden(checklist) -> dict:
    return {stuk.code: pdf(f"{stuk.code}.pdf") for stuk in checklist}


def actor_met_ontslag(werkgever_a):
    """A local owner plus the eHerkenning service "Indienen ontslagaanvraag"."""
    actor = werkgever_a.actor
    return replace(actor, rechten=actor.rechten | {Dienst.ONTSLAGAANVRAAG})


@pytest.fixture
def langdurig_zieke(werkgever_a):
    werknemer = werknemer_bij(werkgever_a, voornaam="Lange", achternaam="Ziekte")
    VerzuimgevalFactory(werknemer=werknemer, eerste_ziektedag=date(2024, 11, 4))
    return werknemer


@pytest.mark.klok("2026-11-23")
def test_langdurig_ziek_na_104_weken_wordt_een_zaak_met_bijlagen(werkgever_a, langdurig_zieke):
    door = actor_met_ontslag(werkgever_a)
    aanvraag = service.dien_ontslagaanvraag_in(
        door=door,
        werknemer=langdurig_zieke,
        route=Ontslagroute.LANGDURIG_ZIEK,
        verklaring_bedrijfsarts_op=date(2026, 9, 1),
        bestanden=bestanden(documenten.voor_ontslag(route="langdurig_ziek", iva=False)),
    )
    zaak = aanvraag.zaak
    assert (zaak.soort, zaak.dienst, zaak.status) == (
        Soort.ONTSLAG,
        Dienst.ONTSLAGAANVRAAG,
        Status.ONTVANGEN,
    )
    assert sorted(Bijlage.objects.filter(zaak=zaak).values_list("soort", flat=True)) == [
        "aanvraagformulier",
        "prognose",
        "verklaring_bedrijfsarts",
    ]
    assert Bijlage.objects.filter(zaak=zaak).first().bestand.read() == PDF
    assert Auditregel.objects.filter(object_type="ontslagaanvraag").count() == 1


@pytest.mark.klok("2026-11-01")
def test_langdurig_ziek_voor_104_weken_geweigerd_met_de_datum(werkgever_a, langdurig_zieke):
    """D = 2024-11-04: the last day of loondoorbetaling is D+727 = 2026-11-01 (DOMAIN §5)."""
    with pytest.raises(ValidationError, match="vanaf 02-11-2026"):
        service.dien_ontslagaanvraag_in(
            door=actor_met_ontslag(werkgever_a),
            werknemer=langdurig_zieke,
            route=Ontslagroute.LANGDURIG_ZIEK,
            verklaring_bedrijfsarts_op=date(2026, 9, 1),
            bestanden=bestanden(documenten.voor_ontslag(route="langdurig_ziek", iva=False)),
        )
    assert not Zaak.objects.exists()


@pytest.mark.klok("2026-11-23")
def test_verklaring_ouder_dan_drie_maanden_geweigerd(werkgever_a, langdurig_zieke):
    with pytest.raises(ValidationError, match="ouder dan 3 maanden") as fout:
        service.dien_ontslagaanvraag_in(
            door=actor_met_ontslag(werkgever_a),
            werknemer=langdurig_zieke,
            route=Ontslagroute.LANGDURIG_ZIEK,
            verklaring_bedrijfsarts_op=date(2026, 8, 22),
            bestanden=bestanden(documenten.ALLE_ONTSLAG),
        )
    assert "23-08-2026" in str(fout.value)


@pytest.mark.klok("2026-11-23")
def test_iva_zonder_prognose_en_ontbrekend_document_genoemd(werkgever_a, langdurig_zieke):
    door = actor_met_ontslag(werkgever_a)
    with pytest.raises(ValidationError) as fout:
        service.dien_ontslagaanvraag_in(
            door=door,
            werknemer=langdurig_zieke,
            route=Ontslagroute.LANGDURIG_ZIEK,
            verklaring_bedrijfsarts_op=date(2026, 11, 1),
            iva=True,
            bestanden={"aanvraagformulier": pdf()},
        )
    assert set(fout.value.message_dict) == {"verklaring_bedrijfsarts"}
    assert "ontbreekt" in fout.value.message_dict["verklaring_bedrijfsarts"][0]
    aanvraag = service.dien_ontslagaanvraag_in(
        door=door,
        werknemer=langdurig_zieke,
        route=Ontslagroute.LANGDURIG_ZIEK,
        verklaring_bedrijfsarts_op=date(2026, 11, 1),
        iva=True,
        bestanden={"aanvraagformulier": pdf(), "verklaring_bedrijfsarts": pdf()},
    )
    assert aanvraag.zaak.bijlagen.count() == 2


@pytest.mark.klok("2026-11-23")
@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        ("formulier.pdf", b"MZ\x90\x00 not a pdf", "Dit soort bestand"),
        ("formulier.docx", PDF, "past niet bij de inhoud"),
        ("formulier.pdf", b"", "leeg"),
    ],
)
def test_uploads_gecontroleerd_op_inhoud(werkgever_a, naam, inhoud, melding):
    stukken = bestanden(documenten.BEDRIJFSECONOMISCH)
    stukken["formulier_a"] = SimpleUploadedFile(naam, inhoud, content_type="application/pdf")
    with pytest.raises(ValidationError, match=melding):
        service.dien_ontslagaanvraag_in(
            door=actor_met_ontslag(werkgever_a),
            werknemer=werkgever_a.werknemer,
            route=Ontslagroute.BEDRIJFSECONOMISCH,
            afspiegeling_toegepast=True,
            herplaatsing_onmogelijk=True,
            bestanden=stukken,
        )
    assert not Bijlage.objects.exists()


@pytest.mark.klok("2026-11-23")
def test_te_groot_bestand_geweigerd(werkgever_a, settings):
    settings.DOSSIER_MAX_UPLOAD_BYTES = 100
    stukken = bestanden(documenten.BEDRIJFSECONOMISCH)
    stukken["formulier_b"] = pdf()
    stukken["formulier_b"].size = 101
    with pytest.raises(ValidationError, match="te groot"):
        service.dien_ontslagaanvraag_in(
            door=actor_met_ontslag(werkgever_a),
            werknemer=werkgever_a.werknemer,
            route=Ontslagroute.BEDRIJFSECONOMISCH,
            afspiegeling_toegepast=True,
            herplaatsing_onmogelijk=True,
            bestanden=stukken,
        )


@pytest.mark.klok("2026-11-23")
def test_bedrijfseconomisch_vraagt_afspiegeling_en_geen_herplaatsing(werkgever_a):
    door = actor_met_ontslag(werkgever_a)
    with pytest.raises(ValidationError) as fout:
        service.dien_ontslagaanvraag_in(
            door=door,
            werknemer=werkgever_a.werknemer,
            route=Ontslagroute.BEDRIJFSECONOMISCH,
            bestanden=bestanden(documenten.BEDRIJFSECONOMISCH),
        )
    assert set(fout.value.message_dict) == {"afspiegeling_toegepast", "herplaatsing_onmogelijk"}
    aanvraag = service.dien_ontslagaanvraag_in(
        door=door,
        werknemer=werkgever_a.werknemer,
        route=Ontslagroute.BEDRIJFSECONOMISCH,
        afspiegeling_toegepast=True,
        herplaatsing_onmogelijk=True,
        bestanden=bestanden(documenten.BEDRIJFSECONOMISCH),
    )
    assert aanvraag.zaak.bijlagen.count() == 4


@pytest.mark.klok("2026-11-23")
def test_zonder_de_dienst_of_met_andermans_werknemer_geweigerd(werkgever_a, werkgever_b):
    with pytest.raises(PermissionDenied):
        service.dien_ontslagaanvraag_in(
            door=werkgever_a.actor,  # local rights only: no "Indienen ontslagaanvraag"
            werknemer=werkgever_a.werknemer,
            route=Ontslagroute.BEDRIJFSECONOMISCH,
            afspiegeling_toegepast=True,
            herplaatsing_onmogelijk=True,
            bestanden=bestanden(documenten.BEDRIJFSECONOMISCH),
        )
    with pytest.raises(PermissionDenied):
        service.dien_ontslagaanvraag_in(
            door=actor_met_ontslag(werkgever_a),
            werknemer=werkgever_b.werknemer,
            route=Ontslagroute.BEDRIJFSECONOMISCH,
            afspiegeling_toegepast=True,
            herplaatsing_onmogelijk=True,
            bestanden=bestanden(documenten.BEDRIJFSECONOMISCH),
        )


# --- compensatie transitievergoeding ----------------------------------------------------------


@pytest.fixture
def uit_dienst_na_104_weken(werkgever_a):
    """Sick from 2023-06-05 (D+727 = 2025-06-01), still sick on the last day 2025-06-30."""
    werknemer = werknemer_bij(werkgever_a, voornaam="Co", achternaam="Pensatie")
    VerzuimgevalFactory(werknemer=werknemer, eerste_ziektedag=date(2023, 6, 5))
    return werknemer


def _compensatie(werkgever_a, werknemer, **anders):
    gegevens = {
        "laatste_dag_in_dienst": date(2025, 6, 30),
        "wijze_einde": "opzegging",
        "betaalde_transitievergoeding": Decimal("10000.00"),
        "transitiekosten": Decimal("500.00"),
        "verschuldigd_na_opzegverbod": Decimal("12000.00"),
        "loon_104_weken": Decimal("80000.00"),
        "uitkeringen_104_weken": Decimal("20000.00"),
        "betaald_op": date(2025, 8, 31),
        "bestanden": bestanden(documenten.COMPENSATIE),
    }
    gegevens.update(anders)
    return service.dien_compensatie_in(
        door=actor_met_ontslag(werkgever_a), werknemer=werknemer, **gegevens
    )


@pytest.mark.klok("2026-03-02")
def test_compensatie_op_de_laatste_dag_van_het_venster(werkgever_a, uit_dienst_na_104_weken):
    """DOMAIN §7.6: paid 2025-08-31 → by 2026-03-02 (2026-02-28 is a Saturday)."""
    aanvraag = _compensatie(werkgever_a, uit_dienst_na_104_weken)
    assert aanvraag.compensatie == Decimal("10500.00")
    assert aanvraag.zaak.soort == Soort.COMPENSATIE
    assert aanvraag.zaak.dienst == Dienst.ONTSLAGAANVRAAG
    assert aanvraag.zaak.bijlagen.count() == len(documenten.COMPENSATIE)


@pytest.mark.klok("2026-03-03")
def test_compensatie_na_het_venster_geweigerd(werkgever_a, uit_dienst_na_104_weken):
    with pytest.raises(ValidationError, match="tot en met 02-03-2026"):
        _compensatie(werkgever_a, uit_dienst_na_104_weken)


@pytest.mark.klok("2025-08-30")
def test_compensatie_voor_de_betaling_geweigerd_met_reden(werkgever_a, uit_dienst_na_104_weken):
    with pytest.raises(ValidationError, match="te vroeg") as fout:
        _compensatie(werkgever_a, uit_dienst_na_104_weken)
    assert "31-08-2025 tot en met 02-03-2026" in str(fout.value)
    assert not Zaak.objects.exists()


@pytest.mark.klok("2025-09-15")
def test_compensatie_alleen_na_104_weken_ziekte(werkgever_a):
    werknemer = werknemer_bij(werkgever_a)
    VerzuimgevalFactory(werknemer=werknemer, eerste_ziektedag=date(2024, 6, 3))
    with pytest.raises(ValidationError, match="minder dan 104 weken"):
        _compensatie(werkgever_a, werknemer)


@pytest.mark.klok("2025-09-15")
def test_compensatie_alleen_als_nog_ziek_bij_einde(werkgever_a):
    werknemer = werknemer_bij(werkgever_a)
    with pytest.raises(ValidationError, match="niet ziek"):
        _compensatie(werkgever_a, werknemer)


@pytest.mark.klok("2025-09-15")
def test_compensatie_vraagt_alle_documenten(werkgever_a, uit_dienst_na_104_weken):
    with pytest.raises(ValidationError) as fout:
        _compensatie(werkgever_a, uit_dienst_na_104_weken, bestanden={})
    assert set(fout.value.message_dict) == {s.code for s in documenten.COMPENSATIE}
