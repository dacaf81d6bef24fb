"""Production settings refuse to start without secrets and pass the deploy checks (DOMAIN §9)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    schoon = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SECRET_KEY"))}
    return subprocess.run(  # noqa: S603 (fixed argv, no user input)
        [sys.executable, "manage.py", *args, "--settings=verzuimportaal.conf.production"],
        cwd=ROOT,
        env={**schoon, "DATABASE_URL": "sqlite:///:memory:", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_productie_start_niet_zonder_secret_key() -> None:
    resultaat = _manage("check", ALLOWED_HOSTS="portaal.example.nl")
    assert resultaat.returncode != 0
    assert "SECRET_KEY" in resultaat.stderr


def test_productie_doorstaat_check_deploy() -> None:
    resultaat = _manage(
        "check",
        "--deploy",
        "--fail-level=WARNING",
        SECRET_KEY="x" * 20 + "k9Qz!v#2pLr8$Wm4@tYb6&Ne0^Hs3*Ud5",
        ALLOWED_HOSTS="portaal.example.nl",
    )
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr
