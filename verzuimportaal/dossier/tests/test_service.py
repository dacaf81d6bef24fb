"""Dossier services: rules, who may change what, upload checks (DOMAIN §5, §9)."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings

from tests.factories import VerzuimgevalFactory
from verzuimportaal.dossier import service
from verzuimportaal.dossier.models import (
    Activiteit,
    ActiviteitType,
    Document,
    Termijnverlenging,
    VerlengingSoort,
)
from verzuimportaal.dossier.tests.factories import (
    EXE,
    JPEG,
    PDF,
    PNG,
    ActiviteitFactory,
    alleen_bekijken,
    bestand,
    casemanager,
    docx,
    zip_zonder_word,
)
from verzuimportaal.poortwachter import StapSoort
from verzuimportaal.toegang.actor import Route

pytestmark = [pytest.mark.django_db, pytest.mark.klok("2026-11-23")]


def _toevoegen(actor, geval, **velden):
    return service.voeg_activiteit_toe(
        door=actor,
        verzuimgeval=geval,
        **{
            "type": ActiviteitType.GESPREK,
            "deadline": date(2026, 12, 1),
            "verantwoordelijke": "werkgever",
            "omschrijving": "Gesprek over  werkhervatting ",
            **velden,
        },
    )


def test_activiteit_toevoegen_en_afwerken_door_de_werkgever(werkgever_a):
    act = _toevoegen(werkgever_a.actor, werkgever_a.verzuimgeval)
    assert act.omschrijving == "Gesprek over werkhervatting"
    assert act.aangemaakt_via == Route.LOKAAL and not act.afgewerkt

    service.werk_activiteit_af(
        door=werkgever_a.actor, activiteit=act, uitgevoerd_op=date(2026, 11, 20)
    )

    act.refresh_from_db()
    assert act.afgewerkt and act.uitgevoerd_op == date(2026, 11, 20)
    service.heropen_activiteit(door=werkgever_a.actor, activiteit=act)
    act.refresh_from_db()
    assert not act.afgewerkt and act.uitgevoerd_op is None


def test_wettelijke_stap_kan_niet_als_handmatige_activiteit(werkgever_a):
    with pytest.raises(ValidationError) as fout:
        _toevoegen(werkgever_a.actor, werkgever_a.verzuimgeval, type=ActiviteitType.PROBLEEMANALYSE)
    assert "type" in fout.value.error_dict


def test_deadline_voor_eerste_ziektedag_geweigerd(werkgever_a):
    with pytest.raises(ValidationError) as fout:
        _toevoegen(werkgever_a.actor, werkgever_a.verzuimgeval, deadline=date(2026, 11, 1))
    assert "eerste ziektedag" in fout.value.error_dict["deadline"][0].message


def test_afwerken_in_de_toekomst_of_voor_ziektedag_geweigerd(werkgever_a):
    act = _toevoegen(werkgever_a.actor, werkgever_a.verzuimgeval)
    for datum in (date(2026, 11, 24), date(2026, 11, 1)):
        with pytest.raises(ValidationError):
            service.werk_activiteit_af(door=werkgever_a.actor, activiteit=act, uitgevoerd_op=datum)
    assert not Activiteit.objects.get(pk=act.pk).afgewerkt


def test_lange_omschrijving_geweigerd(werkgever_a):
    with pytest.raises(ValidationError):
        _toevoegen(werkgever_a.actor, werkgever_a.verzuimgeval, omschrijving="x" * 201)


def test_casemanageractiviteit_alleen_door_casemanager_te_wijzigen(werkgever_a):
    cm = casemanager(werkgever_a.werkgever)
    act = _toevoegen(cm, werkgever_a.verzuimgeval)
    assert act.van_casemanager

    with pytest.raises(PermissionDenied, match="casemanager"):
        service.werk_activiteit_af(
            door=werkgever_a.actor, activiteit=act, uitgevoerd_op=date(2026, 11, 20)
        )
    with pytest.raises(PermissionDenied):
        service.wijzig_activiteit(
            door=werkgever_a.actor,
            activiteit=act,
            deadline=date(2026, 12, 5),
            verantwoordelijke="werkgever",
        )
    assert not Activiteit.objects.get(pk=act.pk).afgewerkt

    service.werk_activiteit_af(door=cm, activiteit=act, uitgevoerd_op=date(2026, 11, 20))
    assert Activiteit.objects.get(pk=act.pk).afgewerkt


def test_casemanager_wijzigt_geen_activiteit_van_de_werkgever(werkgever_a):
    act = _toevoegen(werkgever_a.actor, werkgever_a.verzuimgeval)
    with pytest.raises(PermissionDenied):
        service.werk_activiteit_af(
            door=casemanager(werkgever_a.werkgever),
            activiteit=act,
            uitgevoerd_op=date(2026, 11, 20),
        )


def test_alleen_bekijken_mag_niets_wijzigen(werkgever_a):
    kijker = alleen_bekijken(werkgever_a.werkgever)
    geval = werkgever_a.verzuimgeval
    with pytest.raises(PermissionDenied):
        _toevoegen(kijker, geval)
    with pytest.raises(PermissionDenied):
        service.werk_stap_af(
            door=kijker,
            verzuimgeval=geval,
            soort="probleemanalyse",
            uitgevoerd_op=date(2026, 11, 20),
        )
    with pytest.raises(PermissionDenied):
        service.upload_document(
            door=kijker, verzuimgeval=geval, soort="overig", bestand=bestand("a.pdf")
        )
    assert not Activiteit.objects.exists() and not Document.objects.exists()


def test_ander_werkgever_geweigerd(werkgever_a, werkgever_b):
    with pytest.raises(PermissionDenied):
        _toevoegen(werkgever_b.actor, werkgever_a.verzuimgeval)
    with pytest.raises(PermissionDenied):
        service.upload_document(
            door=werkgever_b.actor,
            verzuimgeval=werkgever_a.verzuimgeval,
            soort="overig",
            bestand=bestand("a.pdf"),
        )
    assert not Activiteit.objects.exists() and not Document.objects.exists()


def test_stap_afwerken_legt_wettelijke_activiteit_vast_en_niet_twee_keer(werkgever_a):
    geval = werkgever_a.verzuimgeval
    act = service.werk_stap_af(
        door=werkgever_a.actor,
        verzuimgeval=geval,
        soort=StapSoort.ZIEKMELDING_ARBODIENST,
        uitgevoerd_op=date(2026, 11, 3),
    )
    assert act.is_wettelijke_stap and act.afgewerkt and act.deadline is None
    with pytest.raises(ValidationError):
        service.werk_stap_af(
            door=werkgever_a.actor,
            verzuimgeval=geval,
            soort=StapSoort.ZIEKMELDING_ARBODIENST,
            uitgevoerd_op=date(2026, 11, 4),
        )
    # Informative steps and unknown kinds cannot be marked done.
    for soort in (StapSoort.VERVROEGDE_IVA, "onzin"):
        with pytest.raises(ValidationError):
            service.werk_stap_af(
                door=werkgever_a.actor,
                verzuimgeval=geval,
                soort=soort,
                uitgevoerd_op=date(2026, 11, 4),
            )


def test_heropenen_van_wettelijke_stap_verwijdert_het_feit(werkgever_a):
    act = service.werk_stap_af(
        door=werkgever_a.actor,
        verzuimgeval=werkgever_a.verzuimgeval,
        soort=StapSoort.PROBLEEMANALYSE,
        uitgevoerd_op=date(2026, 11, 20),
    )
    assert service.heropen_activiteit(door=werkgever_a.actor, activiteit=act) is None
    assert not Activiteit.objects.filter(pk=act.pk).exists()


@pytest.mark.parametrize(
    ("naam", "inhoud", "type"),
    [
        ("plan.pdf", PDF, "application/pdf"),
        ("foto.JPG", JPEG, "image/jpeg"),
        ("scan.png", PNG, "image/png"),
        (
            "verslag.docx",
            docx(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
    ],
)
def test_toegestane_documenten_worden_privé_opgeslagen(
    werkgever_a, prive_opslag, naam, inhoud, type
):
    doc = service.upload_document(
        door=werkgever_a.actor,
        verzuimgeval=werkgever_a.verzuimgeval,
        soort="plan_van_aanpak",
        bestand=bestand(naam, inhoud),
    )
    assert doc.content_type == type and doc.grootte == len(inhoud) and len(doc.sha256) == 64
    assert doc.bestand.name.endswith(".bin")  # the stored name never carries the user's name
    assert (prive_opslag / doc.bestand.name).read_bytes() == inhoud


@pytest.mark.parametrize(
    ("naam", "inhoud", "melding"),
    [
        ("plan.pdf", PNG, "past niet bij de inhoud"),  # a PNG posing as a PDF
        ("plan.pdf", EXE, "kan niet worden toegevoegd"),  # a program posing as a PDF
        ("setup.exe", EXE, "kan niet worden toegevoegd"),
        ("brief.docx", zip_zonder_word(), "kan niet worden toegevoegd"),
        ("plan.docx", PDF, "past niet bij de inhoud"),
        ("leeg.pdf", b"", "leeg"),
    ],
)
def test_onjuiste_documenten_geweigerd(werkgever_a, naam, inhoud, melding):
    with pytest.raises(ValidationError) as fout:
        service.upload_document(
            door=werkgever_a.actor,
            verzuimgeval=werkgever_a.verzuimgeval,
            soort="overig",
            bestand=bestand(naam, inhoud),
        )
    assert melding in fout.value.error_dict["bestand"][0].message
    assert not Document.objects.exists()


@override_settings(DOSSIER_MAX_UPLOAD_BYTES=1024)
def test_te_groot_document_geweigerd(werkgever_a):
    with pytest.raises(ValidationError, match="te groot"):
        service.upload_document(
            door=werkgever_a.actor,
            verzuimgeval=werkgever_a.verzuimgeval,
            soort="overig",
            bestand=bestand("groot.pdf", PDF + b"0" * 1024),
        )
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("naam", "verwacht"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Users\\Jan\\Plan van aanpak Jansen.PDF", "Plan-van-aanpak-Jansen.pdf"),
        ('evaluatie";x=.pdf', "evaluatie-x.pdf"),
        ("Café – réintegratie.pdf", "Cafe-reintegratie.pdf"),
        ("....pdf", "document.pdf"),
    ],
)
def test_bestandsnaam_wordt_veilig_gemaakt(werkgever_a, naam, verwacht):
    doc = service.upload_document(
        door=werkgever_a.actor,
        verzuimgeval=werkgever_a.verzuimgeval,
        soort="overig",
        bestand=bestand(naam),
    )
    assert doc.naam == verwacht


def test_loonsanctie_en_verlenging_vastleggen_en_grenzen(werkgever_a):
    geval = werkgever_a.verzuimgeval
    actor = werkgever_a.actor
    for soort, weken in ((VerlengingSoort.LOONSANCTIE, 53), (VerlengingSoort.VERLENGING, 12)):
        with pytest.raises(ValidationError):
            service.leg_verlenging_vast(door=actor, verzuimgeval=geval, soort=soort, weken=weken)
    service.leg_verlenging_vast(door=actor, verzuimgeval=geval, soort="loonsanctie", weken=10)
    service.leg_verlenging_vast(door=actor, verzuimgeval=geval, soort="loonsanctie", weken=20)
    assert Termijnverlenging.objects.get(verzuimgeval=geval, soort="loonsanctie").weken == 20
    assert (
        service.leg_verlenging_vast(door=actor, verzuimgeval=geval, soort="loonsanctie", weken=0)
        is None
    )
    assert not Termijnverlenging.objects.exists()


def test_activiteit_van_ander_verzuim_kan_via_service_niet_door_andere_werkgever(
    werkgever_a, werkgever_b
):
    act = ActiviteitFactory(
        verzuimgeval=VerzuimgevalFactory(
            werknemer=werkgever_a.werknemer,
            eerste_ziektedag=date(2025, 1, 6),
            einddatum=date(2025, 2, 1),
            einde_reden="hersteld",
        )
    )
    with pytest.raises(PermissionDenied):
        service.werk_activiteit_af(
            door=werkgever_b.actor, activiteit=act, uitgevoerd_op=date(2025, 1, 20)
        )
