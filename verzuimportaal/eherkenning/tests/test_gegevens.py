"""Issue 17 point 4: an eHerkenning person gives a name and a confirmed e-mail address at the
first login, after the terms and before the portal (ADR 0025); the name is used everywhere and
no ``eh:KvK:hash`` account name or pseudonym is ever shown; reminders reach the person."""

import re
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from freezegun import freeze_time

from tests.factories import LoonheffingennummerFactory, WerknemerFactory
from verzuimportaal.audit.models import Auditregel
from verzuimportaal.eherkenning import service
from verzuimportaal.eherkenning.assertie import Assertie
from verzuimportaal.eherkenning.backend import gebruikersnaam
from verzuimportaal.eherkenning.models import EHerkenningProfiel
from verzuimportaal.eherkenning.views import persoon_bij_login, start_eherkenning_sessie
from verzuimportaal.herinneringen import service as herinneringen
from verzuimportaal.herinneringen.tests.factories import situatie
from verzuimportaal.toegang.actor import Portaalactor, beheerder
from verzuimportaal.toegang.diensten import Dienst

pytestmark = pytest.mark.django_db

SYSTEEM = beheerder(None)  # the portal itself, as the daily task runs the reminders

KVK = "69201843"


def _assertie(kvk: str = KVK, *diensten: str) -> Assertie:
    return Assertie(
        pseudoniem="pseudo-f4379c74aa",
        kvk_nummer=kvk,
        intermediair_kvk_nummer=None,
        niveau="EH3",
        diensten=frozenset(diensten or {Dienst.VERZUIM_MELDEN, Dienst.WERKNEMERSGEGEVENS}),
    )


def _login(assertie: Assertie) -> tuple[Client, User]:
    """What the OIDC callback and the SAML ACS do after the broker's answer."""
    gebruiker, _ = User.objects.get_or_create(username=gebruikersnaam(assertie))
    client = Client()
    client.force_login(gebruiker, backend="django.contrib.auth.backends.ModelBackend")
    sessie = client.session
    start_eherkenning_sessie(sessie, assertie, persoon_bij_login(assertie, gebruiker))
    sessie.save()
    return client, gebruiker


def _door(gebruiker: User) -> Portaalactor:
    return persoon_bij_login(_assertie(), gebruiker)


def _code() -> str:
    return re.findall(r"\b\d{6}\b", mail.outbox[-1].body)[0]


@pytest.fixture
def werkgever():
    return LoonheffingennummerFactory(werkgever__kvk_nummer=KVK).werkgever


def test_eerste_login_vraagt_naam_en_bevestigd_emailadres(
    werkgever, django_capture_on_commit_callbacks
):

    client, gebruiker = _login(_assertie())

    antwoord = client.get("/werknemers/?q=jan")
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/oidc/gegevens/?next=%2Fwerknemers%2F%3Fq%3Djan"
    pagina = client.get(antwoord["Location"]).content.decode()
    assert "Uw naam en e-mailadres" in pagina
    assert "eh:" not in pagina and "pseudo-f4379c74" not in pagina
    assert "eHerkenning-gebruiker" in pagina  # the header, before a name is known

    with django_capture_on_commit_callbacks(execute=True):
        antwoord = client.post(
            "/oidc/gegevens/",
            {
                "weergavenaam": "  Fatima   El Amrani ",
                "email": "Fatima@Bakkerij.example",
                "next": "/werknemers/?q=jan",
            },
        )
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith("/oidc/gegevens/bevestigen/")
    assert mail.outbox[-1].to == ["fatima@bakkerij.example"]
    # Not yet confirmed: the portal still waits.
    assert client.get("/").status_code == 302

    fout = client.post(
        antwoord["Location"], {"code": "000000" if _code() != "000000" else "111111"}
    )
    assert "Deze code klopt niet" in fout.content.decode()

    goed = client.post(
        "/oidc/gegevens/bevestigen/", {"code": _code(), "next": "/werknemers/?q=jan"}
    )
    assert goed.status_code == 302 and goed["Location"] == "/werknemers/?q=jan"
    profiel = EHerkenningProfiel.objects.get(gebruiker=gebruiker)
    assert profiel.compleet and profiel.email == "fatima@bakkerij.example"
    assert profiel.weergavenaam == "Fatima El Amrani"

    dashboard = client.get("/").content.decode()
    assert "Fatima El Amrani" in dashboard
    assert "eh:" + KVK not in dashboard and "pseudo-f4379c74" not in dashboard


def _compleet(gebruiker: User, naam: str, email: str, capture) -> None:
    with capture(execute=True):
        service.geef_gegevens(door=_door(gebruiker), weergavenaam=naam, email=email)
    service.bevestig_email(door=_door(gebruiker), code=_code())


def test_naam_in_kop_en_auditlog_na_de_volgende_login(
    werkgever, django_capture_on_commit_callbacks
):
    _client, gebruiker = _login(_assertie())
    _compleet(gebruiker, "Jan Jansen", "jan@bakkerij.example", django_capture_on_commit_callbacks)
    client, _ = _login(_assertie())  # no question any more: the session carries the name
    werknemer = WerknemerFactory(loonheffingennummer=werkgever.loonheffingennummers.get())

    pagina = client.get(f"/werknemers/{werknemer.uuid}/")
    assert pagina.status_code == 200
    assert "Jan Jansen" in pagina.content.decode()
    regel = Auditregel.objects.get(pseudoniem="pseudo-f4379c74aa", object_id=str(werknemer.uuid))
    assert regel.weergavenaam == "Jan Jansen"
    assert User.objects.get(pk=gebruiker.pk).get_full_name() == "Jan Jansen"


def test_bevestigd_adres_hoeft_geen_nieuwe_code(werkgever, django_capture_on_commit_callbacks):
    _client, gebruiker = _login(_assertie())
    _compleet(gebruiker, "Jan Jansen", "jan@bakkerij.example", django_capture_on_commit_callbacks)
    aantal = len(mail.outbox)
    profiel = service.geef_gegevens(
        door=_door(gebruiker), weergavenaam="J. Jansen", email="jan@bakkerij.example"
    )
    assert not profiel.nieuw_email and profiel.compleet and len(mail.outbox) == aantal


@pytest.mark.parametrize(
    ("naam", "fout"),
    [("", "Vul uw naam in"), ("x", "Vul uw naam in zoals"), ("eh:69201843:abc", "eigen naam")],
)
def test_onbruikbare_naam_geeft_duidelijke_fout(werkgever, naam, fout):
    client, _ = _login(_assertie())
    pagina = client.post("/oidc/gegevens/", {"weergavenaam": naam, "email": "a@b.example"})
    assert pagina.status_code == 200
    assert fout in pagina.content.decode()


def test_na_vijf_foute_codes_is_de_code_ongeldig(werkgever, django_capture_on_commit_callbacks):
    _client, gebruiker = _login(_assertie())
    with django_capture_on_commit_callbacks(execute=True):
        service.geef_gegevens(door=_door(gebruiker), weergavenaam="Jan Jansen", email="j@b.example")
    goed = _code()
    fout = "000000" if goed != "000000" else "111111"
    for _ in range(service.MAX_POGINGEN):
        with pytest.raises(ValidationError, match="klopt niet"):
            service.bevestig_email(door=_door(gebruiker), code=fout)
    with pytest.raises(ValidationError, match="niet meer geldig"):
        service.bevestig_email(door=_door(gebruiker), code=goed)


def test_verlopen_code_wordt_geweigerd(werkgever, django_capture_on_commit_callbacks):
    _client, gebruiker = _login(_assertie())
    with freeze_time("2026-11-23 09:00:00"), django_capture_on_commit_callbacks(execute=True):
        service.geef_gegevens(door=_door(gebruiker), weergavenaam="Jan Jansen", email="j@b.example")
    with freeze_time("2026-11-23 09:06:00"), pytest.raises(ValidationError, match="niet meer"):
        service.bevestig_email(door=_door(gebruiker), code=_code())


def test_lokaal_account_heeft_geen_gegevensstap(eigenaar):
    assert eigenaar.get("/oidc/gegevens/").status_code == 404
    assert eigenaar.get("/").status_code == 200


@pytest.mark.klok("2026-03-02")
def test_herinneringen_bereiken_ook_eherkenning_gebruikers(django_capture_on_commit_callbacks):
    """Reminders go to the confirmed address of an eHerkenning person whose latest login
    carried the machtiging to report sickness; not without it, not after 90 days."""
    peildatum = date(2026, 3, 2)
    s = situatie(eerste_ziektedag=peildatum + timedelta(days=7 - 41), email="hr@bakkerij.example")
    kvk = s.lidmaatschap.werkgever.kvk_nummer
    _c, met_recht = _login(_assertie(kvk, Dienst.VERZUIM_MELDEN))
    _compleet(met_recht, "Jan Jansen", "jan@bakkerij.example", django_capture_on_commit_callbacks)
    zonder = Assertie("pseudo-2", kvk, None, "EH3", frozenset({Dienst.WERKNEMERSGEGEVENS}))
    _c, zonder_recht = _login(zonder)
    _compleet(zonder_recht, "Piet", "piet@bakkerij.example", django_capture_on_commit_callbacks)
    oud = Assertie("pseudo-3", kvk, None, "EH3", frozenset({Dienst.VERZUIM_MELDEN}))
    _c, lang_geleden = _login(oud)
    _compleet(lang_geleden, "Oud", "oud@bakkerij.example", django_capture_on_commit_callbacks)
    EHerkenningProfiel.objects.filter(gebruiker=lang_geleden).update(
        laatst_ingelogd_op=timezone.now() - timedelta(days=91)
    )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        herinneringen.verstuur_herinneringen(door=SYSTEEM, peildatum=peildatum)

    ontvangers = sorted(m.to[0] for m in mail.outbox if s.verzuimgeval.verzuimnummer in m.subject)
    assert ontvangers == ["hr@bakkerij.example", "jan@bakkerij.example"]
