"""Issue 17 point 12: access details from the seeds.

- a machtiging for "Bekijk gegevens" only (seed 002) gives no changes (ADR 0043);
- EH1 (like EH2 and EH2+) is refused with the explanation of the levels, not a generic error
  (seeds 000, 001);
- the menu item the verificatiecode letter names exists, and a new loonheffingennummer is shown
  with a link to it (seed 003).
"""

import pytest

from conftest import eherkenning_client, ingelogde_client
from tests.factories import LidmaatschapFactory, LoonheffingennummerFactory
from tests.html import pagina as html_pagina
from tests.html import tekst as html_tekst
from verzuimportaal.eherkenning.assertie import AssertieFout, lees_assertie
from verzuimportaal.eherkenning.backend import SESSIE_WEIGERING
from verzuimportaal.eherkenning.sessie import SESSIE_EHERKENNING
from verzuimportaal.eherkenning.tests.test_backend import OIN, claims
from verzuimportaal.toegang.diensten import Dienst, service_id

pytestmark = pytest.mark.django_db


def _config(settings) -> dict:
    return {**settings.EHERKENNING, "DIENSTVERLENER_OIN": OIN}


def _menu(antwoord) -> list[str]:
    return [
        " ".join(a.text_content().split())
        for a in html_pagina(antwoord).xpath('//nav[@aria-label="Hoofdmenu"]//a')
    ]


def test_dienst_alleen_bekijken_uit_de_assertie(settings):
    diensten = [
        service_id(OIN, Dienst.VERZUIM_MELDEN, alleen_bekijken=True),
        service_id(OIN, Dienst.WERKNEMERSGEGEVENS),
    ]
    assertie = lees_assertie(claims(**{"urn:etoegang:core:ServiceID": diensten}), _config(settings))
    assert assertie.diensten == {Dienst.VERZUIM_MELDEN, Dienst.WERKNEMERSGEGEVENS}
    assert assertie.wijzigdiensten == {Dienst.WERKNEMERSGEGEVENS}


def test_alleen_bekijken_ziet_verzuim_maar_meldt_niet_ziek(werkgever_a):
    client = eherkenning_client(
        werkgever_a.werkgever.kvk_nummer, Dienst.VERZUIM_MELDEN, Dienst.WERKNEMERSGEGEVENS
    )
    sessie = client.session
    sessie[SESSIE_EHERKENNING] = {**sessie[SESSIE_EHERKENNING], "wijzigdiensten": []}
    sessie.save()

    lopend = client.get("/verzuim/")
    assert lopend.status_code == 200
    assert "Lopende verzuimen" in _menu(lopend)
    assert "Ziek melden" not in _menu(lopend)
    assert client.get(f"/verzuim/ziek-melden/{werkgever_a.werknemer.uuid}/").status_code == 403
    hersteld = f"/verzuim/{werkgever_a.verzuimgeval.uuid}/hersteld-melden/"
    assert client.get(hersteld).status_code == 403
    assert client.get("/werknemers/aanmelden/").status_code == 403


def test_bekijken_en_wijzigen_mag_ziek_melden(werkgever_a):
    client = eherkenning_client(werkgever_a.werkgever.kvk_nummer, Dienst.VERZUIM_MELDEN)
    sessie = client.session
    sessie[SESSIE_EHERKENNING] = {
        **sessie[SESSIE_EHERKENNING],
        "wijzigdiensten": [Dienst.VERZUIM_MELDEN],
    }
    sessie.save()
    assert client.get(f"/verzuim/ziek-melden/{werkgever_a.werknemer.uuid}/").status_code == 200


@pytest.mark.parametrize(
    ("acr", "niveau"),
    [
        ("urn:etoegang:core:assurance-class:loa1", "EH1"),
        ("urn:etoegang:core:assurance-class:loa2plus", "EH2+"),
    ],
)
def test_te_laag_niveau_geweigerd_met_uitleg_van_de_niveaus(client, settings, acr, niveau):
    with pytest.raises(AssertieFout) as fout:
        lees_assertie(claims(acr=acr), _config(settings))
    assert fout.value.reden == "niveau" and fout.value.details["niveau"] == niveau

    sessie = client.session
    sessie[SESSIE_WEIGERING] = {"reden": fout.value.reden, **fout.value.details}
    sessie.save()
    pagina = client.get("/oidc/geweigerd/")
    tekst = html_tekst(pagina)
    assert pagina.status_code == 403
    assert f"Uw eHerkenningsmiddel heeft niveau {niveau}; voor dit portaal is minimaal EH3" in tekst
    assert "vijf betrouwbaarheidsniveaus: EH1, EH2, EH2+, EH3 en EH4" in tekst
    assert f"Met {niveau} kunt u niet inloggen" in tekst
    assert "niet gelukt. Probeer het opnieuw" not in tekst


def test_nieuw_loonheffingennummer_met_link_naar_activeren(werkgever_a):
    LoonheffingennummerFactory(
        werkgever=werkgever_a.werkgever, nummer="812345678L09", geactiveerd_op=None
    )
    eigenaar = ingelogde_client(werkgever_a.lidmaatschap)

    pagina = eigenaar.get("/")
    (melding,) = html_pagina(pagina).xpath('//*[@data-testid="te-activeren"]')
    assert "nieuw loonheffingennummer toegevoegd" in melding.text_content()
    assert "812345678L09" not in pagina.content.decode()  # only on the activation page
    (link,) = melding.xpath('.//a[@href="/verificatie/"]')
    assert link.text_content() == "Loonheffingennummer activeren"
    assert "Loonheffingennummer activeren" in _menu(pagina)
    assert eigenaar.get("/verificatie/").status_code == 200


def test_zonder_rechtenbeheer_geen_activeren(werkgever_a):
    LoonheffingennummerFactory(werkgever=werkgever_a.werkgever, geactiveerd_op=None)
    collega = LidmaatschapFactory(
        werkgever=werkgever_a.werkgever, rechten=[Dienst.VERZUIM_MELDEN, Dienst.WERKNEMERSGEGEVENS]
    )
    client = ingelogde_client(collega)
    pagina = client.get("/")
    assert b'data-testid="te-activeren"' not in pagina.content
    assert "Loonheffingennummer activeren" not in _menu(pagina)
    assert client.get("/verificatie/").status_code == 403
