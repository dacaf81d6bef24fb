"""The built-in eHerkenning simulator (package ``eherkenning_simulator``): demo and test only.

Star-imported by ``dev`` and ``ci`` after ``base``; production never installs it. The portal
code never imports the simulator: it is only mounted (INSTALLED_APPS, URL include) and reached
over OIDC/HTTP like a real broker.
"""

from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from .base import INSTALLED_APPS, OAUTH2_PROVIDER, env


def simulator_sleutel(bewaar_in: Path | None = None) -> str:
    """RS256 signing key: from the environment, else kept in a local file, else fresh."""
    pem = env.str("EHERKENNING_SIMULATOR_OIDC_KEY", default="", multiline=True)
    if pem:
        return pem
    if bewaar_in is not None and bewaar_in.exists():
        return bewaar_in.read_text()
    sleutel = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = sleutel.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    if bewaar_in is not None:
        bewaar_in.write_text(pem)
        bewaar_in.chmod(0o600)
    return pem


EHERKENNING_SIMULATOR_ENABLED = True
INSTALLED_APPS = [*INSTALLED_APPS, "eherkenning_simulator"]
EHERKENNING_SIMULATOR_PSEUDONIEM_SLEUTEL = env.str(
    "EHERKENNING_SIMULATOR_PSEUDONIEM_SLEUTEL", default="demo-pseudoniem-niet-voor-productie"
)
OAUTH2_PROVIDER = {
    **OAUTH2_PROVIDER,  # the portal's API clients share the provider (koppelingen)
    "OIDC_ENABLED": True,
    "OIDC_RSA_PRIVATE_KEY": "",  # set by dev/ci with simulator_sleutel()
    "OIDC_ISS_ENDPOINT": "",  # "" = derived from the request
    "OIDC_RESPONSE_TYPES_SUPPORTED": ["code"],
    "OIDC_RP_INITIATED_LOGOUT_ENABLED": True,
    "OIDC_RP_INITIATED_LOGOUT_ALWAYS_PROMPT": False,
    "OIDC_RP_INITIATED_LOGOUT_STRICT_REDIRECT_URIS": True,
    "OAUTH2_VALIDATOR_CLASS": "eherkenning_simulator.oidc.SimulatorValidator",
    "SCOPES": {"openid": "OpenID Connect", "eherkenning": "eHerkenning-attributen"},
    "DEFAULT_SCOPES": ["openid"],
    "PKCE_REQUIRED": True,
    "AUTHORIZATION_CODE_EXPIRE_SECONDS": 60,
    "ACCESS_TOKEN_EXPIRE_SECONDS": 300,
    "ID_TOKEN_EXPIRE_SECONDS": 300,
    "COMPLIANT_BCP_RFC9700_PKCE_METHOD": True,
    "COMPLIANT_BCP_RFC9700_IMPLICIT_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PASSWORD_GRANT": True,
}
