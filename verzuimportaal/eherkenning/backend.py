"""OIDC relying party for eHerkenning (mozilla-django-oidc), with the portal's own checks.

On top of the library this verifies audience, issuer and expiry of the ID token (the library
does not check ``aud``), enforces level ≥ EH3 and a known KvK (a werkgever, or an advisor
with a confirmed route-B grant), and keys the person on
(pseudonym, represented KvK) — never on a name (DOMAIN §2, §9). A refusal is remembered in the
session so the failure page can say why; no authenticated session is created then.
"""

import hashlib
import logging
from typing import Any

import jwt
from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import SuspiciousOperation
from django.db.models import QuerySet
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from verzuimportaal.machtigingen.models import Adviseur, Adviseurtoegang, Status
from verzuimportaal.werkgevers.models import Werkgever

from .assertie import Assertie, AssertieFout, lees_assertie

logger = logging.getLogger(__name__)

SESSIE_WEIGERING = "eherkenning_weigering"


def gebruikersnaam(assertie: Assertie) -> str:
    """Technical account name for (pseudonym, KvK); holds no personal data."""
    digest = hashlib.sha256(assertie.pseudoniem.encode()).hexdigest()[:40]
    return f"eh:{assertie.kvk_nummer}:{digest}"


def kvk_weigering(assertie: Assertie) -> AssertieFout | None:
    """Why this KvK may not log in, or ``None``: a werkgever's KvK, or (route B, seed 002) a
    known advisor's own KvK with at least one confirmed grant. With a ketenmachtiging the
    represented KvK must be a werkgever. A known advisor without a confirmed grant is told so."""
    if Werkgever.objects.filter(kvk_nummer=assertie.kvk_nummer).exists():
        return None
    onbekend = AssertieFout("kvk_onbekend", kvk=assertie.kvk_nummer)
    if assertie.intermediair_kvk_nummer:
        return onbekend
    adviseur = Adviseur.objects.selecteerbaar().filter(kvk_nummer=assertie.kvk_nummer)
    if Adviseurtoegang.objects.filter(adviseur__in=adviseur, status=Status.ACTIEF).exists():
        return None
    if adviseur.exists():
        return AssertieFout("adviseur_zonder_toegang", kvk=assertie.kvk_nummer)
    return onbekend


def kvk_bekend(assertie: Assertie) -> bool:
    return kvk_weigering(assertie) is None


class EHerkenningBackend(OIDCAuthenticationBackend):
    assertie: Assertie | None = None

    def _verify_jws(self, payload: str, key: Any) -> dict[str, Any]:
        header = jwt.get_unverified_header(payload)
        if header.get("alg") != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation("ID token is niet ondertekend met het verwachte algoritme.")
        try:
            return jwt.decode(
                payload,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.OIDC_RP_CLIENT_ID,
                issuer=settings.OIDC_OP_ISSUER,
                leeway=settings.OIDC_KLOKAFWIJKING_SECONDEN,
                options={"require": ["exp", "iat", "iss", "aud", "sub"]},
            )
        except jwt.PyJWTError as exc:
            logger.warning("eHerkenning ID token geweigerd: %s", exc)
            raise SuspiciousOperation(f"ID token ongeldig: {exc}") from exc

    def get_userinfo(self, access_token: str, id_token: str, payload: dict[str, Any]) -> Any:
        # The broker puts the eHerkenning attributes in the (verified) ID token itself.
        return payload

    def _weiger(self, fout: AssertieFout) -> None:
        self.request.session[SESSIE_WEIGERING] = {"reden": fout.reden, **fout.details}
        logger.info("eHerkenning-login geweigerd: %s", fout.reden)

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        try:
            assertie = lees_assertie(claims, settings.EHERKENNING)
            if (weigering := kvk_weigering(assertie)) is not None:
                raise weigering
        except AssertieFout as fout:
            self._weiger(fout)
            return False
        self.assertie = assertie
        return True

    def filter_users_by_claims(self, claims: dict[str, Any]) -> QuerySet[User]:
        assert self.assertie is not None
        return User.objects.filter(username=gebruikersnaam(self.assertie))

    def create_user(self, claims: dict[str, Any]) -> User:
        assert self.assertie is not None
        gebruiker = User.objects.create_user(username=gebruikersnaam(self.assertie), password=None)
        return self.update_user(gebruiker, claims)

    def update_user(self, user: User, claims: dict[str, Any]) -> User:
        user.eherkenning_assertie = self.assertie  # type: ignore[attr-defined]
        return user
