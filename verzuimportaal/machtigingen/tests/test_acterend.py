"""Acting for a werkgever via route B (advisor) and as casemanager (DOMAIN §3, seed 002).

Every request rebuilds the actor from the database: a confirmed grant gives exactly its services
and level, anything else (unconfirmed, expired link, revoked, advisor deactivated) gives nothing,
also through a bookmarked URL in an existing session.
"""

from dataclasses import asdict

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from conftest import ingelogde_client
from tests.factories import (
    GebruikerFactory,
    LidmaatschapFactory,
    LoonheffingennummerFactory,
    WerkgeverFactory,
    WerknemerFactory,
    geldig_bsn,
    werknemer_bij,
)
from verzuimportaal.eherkenning.assertie import Assertie
from verzuimportaal.eherkenning.backend import kvk_bekend, kvk_weigering
from verzuimportaal.eherkenning.sessie import SESSIE_EHERKENNING, EHerkenningContext
from verzuimportaal.machtigingen import service
from verzuimportaal.machtigingen.models import Adviseurtoegang, Status
from verzuimportaal.machtigingen.tests.factories import (
    AdviseurFactory,
    AdviseurMedewerkerFactory,
    AdviseurtoegangFactory,
    CasemanagertoewijzingFactory,
)
from verzuimportaal.toegang.acterend import SESSIE_ROUTE, SESSIE_WERKGEVER
from verzuimportaal.toegang.actor import Actor, Route
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.verzuim.models import Verzuimgeval

KIES = reverse("toegang:kies_werkgever")
LIJST = reverse("werknemers:lijst")


def lokale_client(gebruiker) -> Client:
    """Logged in with a local account (incl. second factor), without a membership."""
    return ingelogde_client(LidmaatschapFactory.build(gebruiker=gebruiker))


def adviseur_client(medewerker) -> Client:
    return lokale_client(medewerker.gebruiker)


def kies(client: Client, werkgever) -> None:
    response = client.post(KIES, {"werkgever": werkgever.pk})
    assert response.status_code == 302, response.content.decode()[:2000]


def detail(werknemer) -> str:
    return reverse("werknemers:detail", args=[werknemer.uuid])


def ziek_melden(client: Client, werknemer):
    return client.post(
        reverse("verzuim:ziek_melden", args=[werknemer.uuid]),
        {"eerste_ziektedag": "2026-11-20", "vangnet": "onbekend"},
    )


@pytest.fixture
def medewerker(db):
    return AdviseurMedewerkerFactory(
        gebruiker__first_name="Anna", gebruiker__last_name="Adviseur", adviseur__naam="Advies BV"
    )


def grant(werkgever_omgeving, medewerker, **kwargs) -> Adviseurtoegang:
    return AdviseurtoegangFactory(
        werkgever=werkgever_omgeving.werkgever, adviseur=medewerker.adviseur, **kwargs
    )


# --- route B with a local advisor account ------------------------------------------------------


@pytest.mark.klok("2026-11-23")
def test_bevestigde_bekijktoegang_geeft_lezen_maar_geen_wijzigen(werkgever_a, medewerker):
    grant(werkgever_a, medewerker)
    client = adviseur_client(medewerker)

    response = client.get(LIJST)  # the only werkgever: chosen without a question

    assert response.status_code == 200
    inhoud = response.content.decode()
    assert werkgever_a.werknemer.achternaam in inhoud
    assert "namens Advies BV" in inhoud  # the header shows the route
    assert client.session[SESSIE_ROUTE] == Route.ADVISEUR
    assert client.get(detail(werkgever_a.werknemer)).status_code == 200
    gezond = werknemer_bij(werkgever_a)
    voor = Verzuimgeval.objects.count()
    assert ziek_melden(client, gezond).status_code == 403
    assert client.get(reverse("werknemers:aanmelden")).status_code == 403
    assert Verzuimgeval.objects.count() == voor
    # never rechtenbeheer: the advisor cannot see or change who has access
    assert client.get(reverse("machtigingen:overzicht")).status_code == 403


@pytest.mark.klok("2026-11-23")
def test_bevestigde_wijzigtoegang_kan_ziek_melden(werkgever_a, medewerker):
    grant(werkgever_a, medewerker, wijzigen=True)
    client = adviseur_client(medewerker)
    gezond = werknemer_bij(werkgever_a)

    response = ziek_melden(client, gezond)

    assert response.status_code == 302
    assert Verzuimgeval.objects.filter(werknemer=gezond).exists()


@pytest.mark.parametrize("toestand", ["onbevestigd", "verlopen", "ingetrokken", "inactief"])
def test_geen_toegang_zonder_bevestigde_toegang(werkgever_a, medewerker, toestand):
    if toestand == "inactief":  # the operator took the advisor off the list
        grant(werkgever_a, medewerker)
        medewerker.adviseur.actief = False
        medewerker.adviseur.save()
    else:
        grant(werkgever_a, medewerker, **{toestand: True})
    client = adviseur_client(medewerker)

    response = client.get(detail(werkgever_a.werknemer))

    assert response.status_code == 403
    uitleg = "niet gekoppeld" if toestand == "inactief" else "nog door geen enkele werkgever"
    assert uitleg in response.content.decode()
    assert werkgever_a.werkgever.naam not in client.get(KIES).content.decode()
    assert client.post(KIES, {"werkgever": werkgever_a.werkgever.pk}).status_code == 200
    assert SESSIE_WERKGEVER not in client.session


def test_ingetrokken_toegang_weigert_ook_een_bewaarde_url(werkgever_a, medewerker):
    toegang = grant(werkgever_a, medewerker)
    client = adviseur_client(medewerker)
    adres = detail(werkgever_a.werknemer)
    assert client.get(adres).status_code == 200

    service.trek_in(door=werkgever_a.actor, toegang=toegang)
    response = client.get(adres)

    assert response.status_code == 403
    assert "ingetrokken of niet meer geldig" in response.content.decode()
    assert SESSIE_WERKGEVER not in client.session


def test_ingetrokken_toegang_met_andere_werkgevers_gaat_naar_keuze_met_melding(
    werkgever_a, werkgever_b, medewerker
):
    toegang = grant(werkgever_a, medewerker)
    grant(werkgever_b, medewerker)
    client = adviseur_client(medewerker)
    kies(client, werkgever_a.werkgever)
    assert client.get(detail(werkgever_a.werknemer)).status_code == 200

    Adviseurtoegang.objects.filter(pk=toegang.pk).update(status=Status.INGETROKKEN)
    response = client.get(detail(werkgever_a.werknemer))

    # never silently switched to werkgever B
    assert response.status_code == 302 and response["Location"] == KIES
    assert next(str(m) for m in get_messages(response.wsgi_request)).startswith(
        "Uw toegang tot deze werkgever is ingetrokken"
    )
    pagina = client.get(KIES).content.decode()
    assert werkgever_b.werkgever.naam in pagina and werkgever_a.werkgever.naam not in pagina


def test_niveau_wijzigen_geldt_bij_het_volgende_verzoek(werkgever_a, medewerker):
    toegang = grant(werkgever_a, medewerker)
    client = adviseur_client(medewerker)
    aanmelden = reverse("werknemers:aanmelden")
    assert client.get(aanmelden).status_code == 403

    service.wijzig_niveau(door=werkgever_a.actor, toegang=toegang, niveau="wijzigen")
    assert client.get(aanmelden).status_code == 200

    service.wijzig_niveau(door=werkgever_a.actor, toegang=toegang, niveau="bekijken")
    assert client.get(aanmelden).status_code == 403


def test_beperkt_tot_nummers_toont_geen_werknemer_op_ander_nummer(werkgever_a, medewerker):
    ander_nummer = LoonheffingennummerFactory(werkgever=werkgever_a.werkgever)
    elders = WerknemerFactory.create(loonheffingennummer=ander_nummer, bsn=geldig_bsn())
    grant(werkgever_a, medewerker, loonheffingennummers=[werkgever_a.loonheffingennummer])
    client = adviseur_client(medewerker)

    assert client.get(detail(werkgever_a.werknemer)).status_code == 200
    assert client.get(detail(elders)).status_code == 404
    inhoud = client.get(LIJST).content.decode()
    assert werkgever_a.werknemer.achternaam in inhoud and elders.achternaam not in inhoud


def test_andere_werkgever_blijft_onzichtbaar(werkgever_a, werkgever_b, medewerker):
    grant(werkgever_a, medewerker, wijzigen=True)
    client = adviseur_client(medewerker)

    assert client.get(detail(werkgever_b.werknemer)).status_code == 404
    assert client.post(KIES, {"werkgever": werkgever_b.werkgever.pk}).status_code == 200
    assert client.get(detail(werkgever_b.werknemer)).status_code == 404


def test_gemanipuleerde_route_in_sessie_geeft_geen_extra_rechten(werkgever_a, medewerker):
    grant(werkgever_a, medewerker)
    client = adviseur_client(medewerker)
    kies(client, werkgever_a.werkgever)
    sessie = client.session
    sessie[SESSIE_ROUTE] = Route.LOKAAL  # no membership: this route does not exist for them
    sessie.save()

    assert client.get(reverse("werknemers:aanmelden")).status_code == 403
    assert client.get(detail(werkgever_a.werknemer)).status_code == 200
    assert client.session[SESSIE_ROUTE] == Route.ADVISEUR


def test_meerdere_routes_naar_dezelfde_werkgever_eigen_account_gaat_voor(werkgever_a, medewerker):
    """Deterministic: own membership before advisor grant before casemanager."""
    grant(werkgever_a, medewerker)
    LidmaatschapFactory(gebruiker=medewerker.gebruiker, werkgever=werkgever_a.werkgever)
    CasemanagertoewijzingFactory(gebruiker=medewerker.gebruiker, werkgever=werkgever_a.werkgever)
    client = adviseur_client(medewerker)

    pagina = client.get(KIES).content.decode()
    assert pagina.count(f'value="{werkgever_a.werkgever.pk}"') == 1
    response = client.get(reverse("werknemers:aanmelden"))
    assert response.status_code == 200
    assert response.wsgi_request.actor.route == Route.LOKAAL


# --- casemanager -------------------------------------------------------------------------------


def test_casemanager_kiest_alleen_uit_toegewezen_werkgevers(werkgever_a, werkgever_b):
    toewijzing = CasemanagertoewijzingFactory(werkgever=werkgever_a.werkgever)
    derde = WerkgeverFactory.create()
    CasemanagertoewijzingFactory(gebruiker=toewijzing.gebruiker, werkgever=derde)
    CasemanagertoewijzingFactory(
        gebruiker=toewijzing.gebruiker, werkgever=werkgever_b.werkgever, actief=False
    )
    client = lokale_client(toewijzing.gebruiker)

    assert client.get(LIJST)["Location"] == KIES
    pagina = client.get(KIES).content.decode()
    assert werkgever_a.werkgever.naam in pagina and derde.naam in pagina
    assert werkgever_b.werkgever.naam not in pagina
    assert client.post(KIES, {"werkgever": werkgever_b.werkgever.pk}).status_code == 200

    kies(client, werkgever_a.werkgever)
    response = client.get(reverse("verzuim:lopend"))
    assert response.status_code == 200
    actor: Actor = response.wsgi_request.actor
    assert actor.route == Route.CASEMANAGER
    assert actor.rechten == {Dienst.VERZUIM_MELDEN, Dienst.OVERZICHTEN}
    assert not actor.heeft_recht(Dienst.VERZUIM_MELDEN, wijzigen=True)
    assert "(casemanager)" in response.content.decode()
    assert client.get(reverse("werknemers:aanmelden")).status_code == 403
    assert client.get(detail(werkgever_b.werknemer)).status_code == 404


def test_casemanager_na_beeindigen_toewijzing_geweigerd(werkgever_a):
    toewijzing = CasemanagertoewijzingFactory(werkgever=werkgever_a.werkgever)
    client = lokale_client(toewijzing.gebruiker)
    adres = reverse("verzuim:detail", args=[werkgever_a.verzuimgeval.uuid])
    assert client.get(adres).status_code == 200

    toewijzing.actief = False
    toewijzing.save()

    assert client.get(adres).status_code == 403


# --- route B with eHerkenning for the advisor's own KvK -----------------------------------------


def eherkenning_adviseur_client(kvk: str) -> Client:
    client = Client()
    client.force_login(GebruikerFactory(), backend="django.contrib.auth.backends.ModelBackend")
    context = EHerkenningContext(
        pseudoniem="pseudo-adviseur-1",
        kvk_nummer=kvk,
        intermediair_kvk_nummer=None,
        niveau="EH3",
        diensten=(Dienst.VERZUIM_MELDEN,),
        ingelogd_op="2026-11-23T09:00:00+01:00",
    )
    sessie = client.session
    sessie[SESSIE_EHERKENNING] = asdict(context)
    sessie.save()
    return client


def test_eherkenning_adviseur_kiest_werkgever_en_krijgt_rechten_uit_de_toegang(
    werkgever_a, werkgever_b
):
    adviseur = AdviseurFactory.create(naam="Verzuimservice Desk B.V.")
    AdviseurtoegangFactory(werkgever=werkgever_a.werkgever, adviseur=adviseur)
    AdviseurtoegangFactory(werkgever=werkgever_b.werkgever, adviseur=adviseur, wijzigen=True)
    client = eherkenning_adviseur_client(adviseur.kvk_nummer)

    assert client.get(LIJST)["Location"] == KIES
    kies(client, werkgever_a.werkgever)
    response = client.get(LIJST)
    assert response.status_code == 200
    actor = response.wsgi_request.actor
    assert (actor.route, actor.werkgever) == (Route.ADVISEUR, werkgever_a.werkgever)
    assert actor.intermediair_kvk_nummer == adviseur.kvk_nummer
    assert "namens Verzuimservice Desk B.V." in response.content.decode()
    assert client.get(reverse("werknemers:aanmelden")).status_code == 403  # view only at A
    assert client.get(detail(werkgever_b.werknemer)).status_code == 404

    kies(client, werkgever_b.werkgever)  # "Andere werkgever": allowed for an advisor KvK
    assert client.get(reverse("werknemers:aanmelden")).status_code == 200


def test_eherkenning_adviseur_zonder_toegang_krijgt_uitleg(werkgever_a):
    adviseur = AdviseurFactory.create()
    AdviseurtoegangFactory(werkgever=werkgever_a.werkgever, adviseur=adviseur, onbevestigd=True)
    client = eherkenning_adviseur_client(adviseur.kvk_nummer)

    response = client.get(LIJST)

    assert response.status_code == 403
    assert adviseur.kvk_nummer in response.content.decode()


def assertie_van(adviseur) -> Assertie:
    """An EH3 assertion for the advisor's own KvK, without ketenmachtiging."""
    return Assertie(
        pseudoniem="p",
        kvk_nummer=adviseur.kvk_nummer,
        intermediair_kvk_nummer=None,
        niveau="EH3",
        diensten=frozenset({Dienst.VERZUIM_MELDEN}),
    )


def test_eherkenning_login_voor_adviseur_kvk_alleen_met_bevestigde_toegang(werkgever_a):
    adviseur = AdviseurFactory.create()
    assertie = assertie_van(adviseur)
    assert not kvk_bekend(assertie)
    toegang = AdviseurtoegangFactory(
        werkgever=werkgever_a.werkgever, adviseur=adviseur, onbevestigd=True
    )
    assert not kvk_bekend(assertie)
    Adviseurtoegang.objects.filter(pk=toegang.pk).update(status=Status.ACTIEF)
    assert kvk_bekend(assertie)
    # with a ketenmachtiging the represented KvK must be a werkgever itself (route A)
    keten = Assertie(**{**assertie.__dict__, "intermediair_kvk_nummer": "73019552"})
    assert not kvk_bekend(keten)


def test_eherkenning_login_van_bekende_adviseur_zonder_bevestigde_toegang_krijgt_eigen_uitleg(
    werkgever_a,
):
    """Seed 002: the advisor learns why (no confirmed grant), not that its KvK is unknown."""
    adviseur = AdviseurFactory.create()
    assertie = assertie_van(adviseur)
    AdviseurtoegangFactory(werkgever=werkgever_a.werkgever, adviseur=adviseur, onbevestigd=True)
    weigering = kvk_weigering(assertie)
    assert weigering is not None
    assert (weigering.reden, weigering.details) == (
        "adviseur_zonder_toegang",
        {"kvk": adviseur.kvk_nummer},
    )
    onbekend = kvk_weigering(Assertie(**{**assertie.__dict__, "kvk_nummer": "69999993"}))
    assert onbekend is not None and onbekend.reden == "kvk_onbekend"

    client = Client()
    sessie = client.session
    sessie["eherkenning_weigering"] = {"reden": weigering.reden, **weigering.details}
    sessie.save()
    pagina = client.get(reverse("eherkenning:geweigerd")).content.decode()
    assert f"KvK-nummer {adviseur.kvk_nummer} is bij ons bekend als adviseur" in pagina


def test_blokkade_van_de_werkgever_stopt_ook_de_adviseur_die_ervoor_werkt(werkgever_a):
    """Seed 003 art. 4.6: a blocked werkgever's data are closed to whoever acts for it, also an
    advisor with eHerkenning for its own KvK (route B); its session ends at once."""
    from verzuimportaal.blokkades import service as blokkades
    from verzuimportaal.blokkades.models import Soort
    from verzuimportaal.toegang.actor import beheerder

    adviseur = AdviseurFactory.create()
    AdviseurtoegangFactory(werkgever=werkgever_a.werkgever, adviseur=adviseur)
    client = eherkenning_adviseur_client(adviseur.kvk_nummer)
    kies(client, werkgever_a.werkgever)
    assert client.get(LIJST).status_code == 200

    blokkades.blokkeer(
        door=beheerder(None),
        soort=Soort.WERKGEVER,
        kvk_nummer=werkgever_a.werkgever.kvk_nummer,
        reden="x",
    )

    assert client.get(LIJST).status_code == 403
    assert "_auth_user_id" not in client.session
