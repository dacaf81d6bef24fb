"""The whole flow of docs/api/koppelen.md against a live server on PostgreSQL: register a client
in the portal → token (the document's curl) → import werknemers → wage (curl) → ziekmelding
(curl) → webhook received and verified (the document's Python) → herstel (curl)."""

import json
import os
import re
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tests.factories import geldig_bsn
from verzuimportaal.imports.models import Status, Werknemerimport
from verzuimportaal.lonen.models import Loongegeven
from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.webhooks import ondertekening
from verzuimportaal.webhooks.tests.factories import ontvanger

pytestmark = pytest.mark.django_db(transaction=True)

BASH = shutil.which("bash") or "/bin/bash"
DOCUMENT = Path(settings.BASE_DIR) / "docs" / "api" / "koppelen.md"


def _blokken() -> dict[str, str]:
    tekst = DOCUMENT.read_text()
    return dict(re.findall(r"```bash\n# stap: (\w+)\n(.*?)```", tekst, flags=re.S))


def _python() -> str:
    return re.search(r"```python\n(.*?)```", DOCUMENT.read_text(), flags=re.S)[1]  # type: ignore[index]


def _curl(blok: str, omgeving: dict[str, str]) -> dict:
    uitvoer = subprocess.run(  # noqa: S603 (the document's own commands, as written)
        [BASH, "-c", blok],
        env={**os.environ, **omgeving},
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    ).stdout
    return json.loads(uitvoer)


def test_document_noemt_de_stappen():
    assert set(_blokken()) == {"token", "werknemers", "loon", "ziekmelding", "herstel"}


def test_koppelen_van_begin_tot_eind(live_server, werkgever_a, eigenaar):
    blokken = _blokken()
    voorbeeld: dict = {}
    exec(compile(_python(), str(DOCUMENT), "exec"), voorbeeld)  # noqa: S102 (the doc's client)

    # 1. The rechtenbeheerder registers a client and a webhook in the portal.
    response = eigenaar.post(
        reverse("koppelingen:registreren"),
        {"naam": "Salarispakket", "werknemersgegevens": "wijzigen", "verzuim_melden": "wijzigen"},
    )
    client_id, secret = response.context["client"].client_id, response.context["secret"]
    with ontvanger() as webhook:
        response = eigenaar.post(
            reverse("webhooks:nieuw"),
            {"url": webhook.url, "gebeurtenissen": ["melding.geregistreerd", "melding.hersteld"]},
        )
        webhook_secret = response.context["secret"]

        # 2. Import of a payroll export (CSV) through the portal pages.
        bsn = geldig_bsn()
        csv = (
            "loonheffingennummer;bsn;voornaam;achternaam;geboortedatum;datum in dienst;uren\n"
            f"{werkgever_a.loonheffingennummer.nummer};{bsn};Noor;Koppelman;1991-02-03;"
            "2023-01-01;36\n"
        ).encode()
        eigenaar.post(reverse("imports:start"), {"bestand": SimpleUploadedFile("x.csv", csv)})
        imp = Werknemerimport.objects.get()
        eigenaar.post(
            reverse("imports:koppelen", args=[imp.uuid]),
            {v: str(i) for v, i in imp.koppeling.items()},
        )
        eigenaar.post(reverse("imports:proefdraai", args=[imp.uuid]))  # Celery eager on commit
        imp.refresh_from_db()
        assert imp.status == Status.KLAAR, imp.fout

        # 3. Token and reads with the document's curl commands.
        omgeving = {"PORTAAL": live_server.url, "CLIENT_ID": client_id, "CLIENT_SECRET": secret}
        token = _curl(blokken["token"], omgeving)
        assert token["token_type"] == "Bearer"
        omgeving["TOKEN"] = token["access_token"]
        werknemers = _curl(blokken["werknemers"], omgeving)["results"]
        [nieuw] = [w for w in werknemers if w["bsn"] == bsn]
        client = voorbeeld["Verzuimportaal"](live_server.url, client_id, secret)
        assert nieuw["uuid"] in {w["uuid"] for w in client.werknemers()}

        # 3a. The wage from the payroll system (curl; DOMAIN §7.3).
        omgeving |= {"WERKNEMER": nieuw["uuid"], "LOONDATUM": "2023-01-01"}
        loon = _curl(blokken["loon"], omgeving)
        assert loon["bruto_jaarloon"] == "48000.00"
        assert Loongegeven.objects.get(werknemer__uuid=nieuw["uuid"]).ingangsdatum.year == 2023

        # 4. Ziekmelding (curl), then the webhook arrives and verifies.
        vandaag = timezone.localdate()
        omgeving |= {"DATUM": str(vandaag - timedelta(days=2))}
        geval = _curl(blokken["ziekmelding"], omgeving)
        assert Verzuimgeval.objects.filter(uuid=geval["uuid"]).exists()
        [(headers, body)] = webhook.ontvangen
        assert voorbeeld["webhook_is_echt"](webhook_secret, headers, body)
        assert ondertekening.verifieer(
            secret=webhook_secret, headers=headers, body=body, nu=int(timezone.now().timestamp())
        )
        assert json.loads(body)["object"]["id"] == geval["uuid"]

        # 5. Herstel (curl) and its webhook.
        omgeving |= {"GEVAL": geval["uuid"], "HERSTELDATUM": str(vandaag)}
        hersteld = _curl(blokken["herstel"], omgeving)
        assert hersteld["einddatum"] == str(vandaag)
    assert [json.loads(b)["type"] for _, b in webhook.ontvangen] == [
        "melding.geregistreerd",
        "melding.hersteld",
    ]
