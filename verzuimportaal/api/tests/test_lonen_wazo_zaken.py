"""API v1: wage data on werknemers (DOMAIN §7.3), WAZO meldingen and leave periods (DOMAIN §7.1)
and the werkgever's cases (ADR 0027), through the same services and fetchers as the pages, with
Idempotency-Key, ETag/If-Match and problem details (ADR 0022)."""

import json
from decimal import Decimal

import pytest
from django.test import Client

from tests.factories import LidmaatschapFactory, WerknemerFactory, geldig_bsn
from verzuimportaal.aanvragen.tests.factories import zaak_van
from verzuimportaal.audit.models import Auditregel
from verzuimportaal.koppelingen.tests.factories import bearer, registreer, token
from verzuimportaal.lonen.models import Loongegeven
from verzuimportaal.toegang.actor import Niveau
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.wazo.models import Wazoverlof
from verzuimportaal.wazo.tests.factories import wazoverlof_van
from verzuimportaal.werknemers.models import Werknemer

pytestmark = [pytest.mark.django_db, pytest.mark.klok("2026-11-23 10:00")]

WERKNEMERS = "/api/v1/werknemers/"
VERLOF = "/api/v1/wazoverloven/"


def _json(client: Client, methode: str, pad: str, data: dict, **headers: str):
    return getattr(client, methode)(
        pad, json.dumps(data), content_type="application/json", headers=headers
    )


def _koppeling(a, niveaus=None) -> Client:
    client, secret = registreer(a, niveaus)
    return bearer(token(client, secret))


# --- wage data ---------------------------------------------------------------------------------


def test_aanmelden_met_loon_in_een_keer(werkgever_a):
    api = _koppeling(werkgever_a)
    data = {
        "loonheffingennummer": werkgever_a.loonheffingennummer.nummer,
        "bsn": geldig_bsn(),
        "achternaam": "Jansen",
        "geboortedatum": "1985-03-01",
        "datum_in_dienst": "2024-01-01",
        "contracturen_per_week": "40",
        "loon": {"ingangsdatum": "2024-01-01", "bruto_jaarloon": "52000.00"},
    }
    response = _json(api, "post", WERKNEMERS, data, **{"Idempotency-Key": "l-1"})
    assert response.status_code == 201, response.content
    werknemer = Werknemer.objects.get(uuid=response.json()["uuid"])
    loon = Loongegeven.objects.get(werknemer=werknemer)
    assert (loon.bruto_jaarloon, loon.vakantiegeld_percentage, loon.vaste_onderdelen) == (
        Decimal("52000.00"),
        Decimal("8.00"),
        Decimal("0.00"),
    )
    lonen = api.get(f"{WERKNEMERS}{werknemer.uuid}/lonen/")
    assert lonen.status_code == 200
    assert lonen.json() == [
        {
            "ingangsdatum": "2024-01-01",
            "bruto_jaarloon": "52000.00",
            "vakantiegeld_percentage": "8.00",
            "vaste_onderdelen": "0.00",
            "vastgelegd_op": lonen.json()[0]["vastgelegd_op"],
        }
    ]


def test_loon_voor_datum_in_dienst_weigert_de_hele_aanmelding(werkgever_a, eigenaar):
    """All or nothing: a refused wage row leaves no werknemer behind, also with a key."""
    bsn = geldig_bsn()
    data = {
        "loonheffingennummer": werkgever_a.loonheffingennummer.nummer,
        "bsn": bsn,
        "achternaam": "Jansen",
        "geboortedatum": "1985-03-01",
        "datum_in_dienst": "2024-01-01",
        "contracturen_per_week": "40",
        "loon": {"ingangsdatum": "2023-06-01", "bruto_jaarloon": "52000"},
    }
    response = _json(eigenaar, "post", WERKNEMERS, data, **{"Idempotency-Key": "l-2"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "ingangsdatum" in response.json()["velden"]
    assert not Werknemer.objects.filter(bsn=bsn).exists()
    assert not Auditregel.objects.filter(object_type="werknemer", actie="aanmaken").exists()


def test_loon_wijzigen_met_if_match_en_nieuwe_regel(werkgever_a, eigenaar):
    werknemer = werkgever_a.werknemer
    adres = f"{WERKNEMERS}{werknemer.uuid}/"
    etag = eigenaar.get(adres)["ETag"]
    onvolledig = _json(
        eigenaar, "patch", adres, {"loon": {"bruto_jaarloon": "1"}}, **{"If-Match": etag}
    )
    assert onvolledig.status_code == 400 and "loon" in onvolledig.json()["velden"]
    nieuw = {"ingangsdatum": "2026-01-01", "bruto_jaarloon": "61000", "vaste_onderdelen": "1200"}
    response = _json(eigenaar, "patch", adres, {"loon": nieuw}, **{"If-Match": etag})
    assert response.status_code == 200, response.content
    assert response["ETag"] == etag  # the werknemer itself did not change
    erbij = _json(
        eigenaar,
        "post",
        f"{adres}lonen/",
        {"ingangsdatum": "2026-07-01", "bruto_jaarloon": "63000"},
        **{"Idempotency-Key": "loon-juli"},
    )
    assert erbij.status_code == 201
    assert [r["ingangsdatum"] for r in eigenaar.get(f"{adres}lonen/").json()] == [
        "2026-07-01",
        "2026-01-01",
    ]
    opnieuw = _json(
        eigenaar,
        "post",
        f"{adres}lonen/",
        {"ingangsdatum": "2026-07-01", "bruto_jaarloon": "63000"},
        **{"Idempotency-Key": "loon-juli"},
    )
    assert opnieuw["Idempotent-Replayed"] == "true"
    assert Loongegeven.objects.filter(werknemer=werknemer).count() == 2


def test_lonen_alleen_met_werknemersgegevens(werkgever_a, werkgever_b):
    """Wage data is werknemersgegevens (as the page): a client with verzuim only is refused,
    also for reading; another werkgever's werknemer is 404."""
    alleen_verzuim = _koppeling(werkgever_a, {Dienst.VERZUIM_MELDEN: Niveau.WIJZIGEN})
    adres = f"{WERKNEMERS}{werkgever_a.werknemer.uuid}/lonen/"
    assert alleen_verzuim.get(adres).status_code == 403
    assert _json(alleen_verzuim, "post", adres, {}).status_code == 403
    alleen_bekijken = _koppeling(werkgever_a, {Dienst.WERKNEMERSGEGEVENS: Niveau.BEKIJKEN})
    assert alleen_bekijken.get(adres).status_code == 200
    assert (
        _json(
            alleen_bekijken, "post", adres, {"ingangsdatum": "2026-01-01", "bruto_jaarloon": "1"}
        ).status_code
        == 403
    )
    ander = _koppeling(werkgever_b)
    assert ander.get(adres).status_code == 404
    assert not Loongegeven.objects.exists()


# --- WAZO ----------------------------------------------------------------------------------------


def test_zwangerschapsverlof_melden_en_geboorte_via_de_api(werkgever_a, prive_opslag):
    api = _koppeling(werkgever_a)
    werknemer = WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)
    # DOMAIN §7.1: S = 2026-12-13 is 6 weeks before A = 2027-01-24; applied in S-28 ... S-14.
    data = {
        "werknemer": str(werknemer.uuid),
        "uitgerekende_datum": "2027-01-23",
        "ingangsdatum": "2026-12-13",
    }
    response = _json(
        api, "post", f"{VERLOF}zwangerschapsverlof/", data, **{"Idempotency-Key": "zw-1"}
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["eerste_dag"] == "2026-12-13" and body["te_laat"] is False
    assert body["soort"] == "zwangerschap" and body["zaak"]
    herhaald = _json(
        api, "post", f"{VERLOF}zwangerschapsverlof/", data, **{"Idempotency-Key": "zw-1"}
    )
    assert herhaald.json() == body and Wazoverlof.objects.filter(werknemer=werknemer).count() == 1
    lijst = api.get(VERLOF, {"werknemer": str(werknemer.uuid)}).json()
    assert [v["uuid"] for v in lijst["results"]] == [body["uuid"]]
    assert api.get(f"{VERLOF}{body['uuid']}/").json() == body
    zaak = api.get(f"/api/v1/zaken/{body['zaak']}/")
    assert zaak.status_code == 200 and zaak.json()["status"] == "ontvangen"


def test_geboorte_in_de_toekomst_geweigerd_als_probleem(werkgever_a, eigenaar):
    verlof = wazoverlof_van(werkgever_a)
    response = _json(
        eigenaar, "post", f"{VERLOF}{verlof.uuid}/geboorte/", {"geboortedatum": "2026-12-01"}
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "geboortedatum" in response.json()["velden"]
    geboren = _json(
        eigenaar, "post", f"{VERLOF}{verlof.uuid}/geboorte/", {"geboortedatum": "2026-11-20"}
    )
    assert geboren.status_code == 200 and geboren.json()["geboortedatum"] == "2026-11-20"


@pytest.mark.parametrize(
    ("pad", "data"),
    [
        (
            "aanvullend-geboorteverlof/",
            {
                "geboortedatum": "2026-11-10",
                "einde_geboorteverlof": "2026-11-17",
                "ingangsdatum": "2026-11-30",
                "weken": 2,
            },
        ),
        (
            "adoptieverlof/",
            {
                "soort": "adoptie",
                "datum_komst": "2027-01-01",
                "ingangsdatum": "2026-12-14",
                "weken": 6,
            },
        ),
    ],
)
def test_partner_en_adoptieverlof_via_de_api(pad, data, werkgever_a, eigenaar, prive_opslag):
    werknemer = WerknemerFactory(loonheffingennummer=werkgever_a.loonheffingennummer)
    response = _json(eigenaar, "post", VERLOF + pad, {"werknemer": str(werknemer.uuid), **data})
    assert response.status_code == 201, response.content
    verlof = Wazoverlof.objects.get(werknemer=werknemer)
    assert response.json()["laatste_dag"] == verlof.laatste_dag.isoformat()


def test_wazo_alleen_met_verzuim_en_eigen_werkgever(werkgever_a, werkgever_b):
    verlof = wazoverlof_van(werkgever_a)
    zaak = zaak_van(werkgever_a)
    alleen_werknemers = _koppeling(werkgever_a, {Dienst.WERKNEMERSGEGEVENS: Niveau.WIJZIGEN})
    for adres in (
        VERLOF,
        f"{VERLOF}{verlof.uuid}/",
        "/api/v1/zaken/",
        f"/api/v1/zaken/{zaak.uuid}/",
    ):
        assert alleen_werknemers.get(adres).status_code == 403, adres
    alleen_bekijken = _koppeling(werkgever_a, {Dienst.VERZUIM_MELDEN: Niveau.BEKIJKEN})
    assert alleen_bekijken.get(f"{VERLOF}{verlof.uuid}/").status_code == 200
    melding = {
        "werknemer": str(verlof.werknemer.uuid),
        "uitgerekende_datum": "2027-01-23",
        "ingangsdatum": "2026-12-13",
    }
    assert (
        _json(alleen_bekijken, "post", f"{VERLOF}zwangerschapsverlof/", melding).status_code == 403
    )
    ander = _koppeling(werkgever_b)
    assert ander.get(f"{VERLOF}{verlof.uuid}/").status_code == 404
    assert ander.get(f"/api/v1/zaken/{zaak.uuid}/").status_code == 404
    assert ander.get(VERLOF).json()["results"] == []
    assert _json(ander, "post", f"{VERLOF}zwangerschapsverlof/", melding).status_code == 404
    assert Wazoverlof.objects.count() == 1


def test_ongeldige_werknemerfilter_is_een_probleem(werkgever_a, eigenaar):
    response = eigenaar.get(VERLOF, {"werknemer": "geen-uuid"})
    assert response.status_code == 400 and "werknemer" in response.json()["velden"]


def test_gedelegeerde_met_verzuimrecht_ziet_verlof(werkgever_a):
    from conftest import ingelogde_client

    verlof = wazoverlof_van(werkgever_a)
    gedelegeerde = ingelogde_client(
        LidmaatschapFactory(werkgever=werkgever_a.werkgever, rechten=[Dienst.VERZUIM_MELDEN])
    )
    assert gedelegeerde.get(f"{VERLOF}{verlof.uuid}/").status_code == 200
    assert gedelegeerde.get(f"{WERKNEMERS}{verlof.werknemer.uuid}/lonen/").status_code == 403
