"""Activating a loonheffingennummer with a verificatiecode sent by letter (seed 003 art. 1, 2.6).

``maak_verificatiebrief`` is the operator's action; ``activeer`` is the werkgever's. A code works
once, expires (``VERIFICATIECODE_GELDIG_DAGEN``) and is blocked after five wrong tries; only a new
letter (with a new code) helps then.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_lazy

from verzuimportaal.audit import service as audit
from verzuimportaal.audit.models import Actie
from verzuimportaal.toegang.actor import Actor, Portaalactor
from verzuimportaal.werkgevers.models import Loonheffingennummer
from verzuimportaal.werkgevers.service import markeer_gegevens_gewijzigd

from . import codes
from .models import MAX_FOUTE_POGINGEN, Verificatiecode

logger = logging.getLogger(__name__)

NIEUWE_BRIEF = gettext_lazy(
    "Er is een nieuwe brief met een nieuwe verificatiecode nodig. Neem contact op met de "
    "servicedesk van het Verzuimportaal; de brief wordt naar het adres van uw organisatie gestuurd."
)


def maak_verificatiebrief(
    *, door: Portaalactor, loonheffingennummer: Loonheffingennummer
) -> tuple[Verificatiecode, bytes]:
    """A new code and its letter (PDF) to the werkgever's registered address.

    Earlier codes for the number stop working (also a blocked one: that is how it is unblocked).
    The operator's audit row is in the werkgever's log (``door.voor(werkgever)``). No data
    version: the number is not visible before ``activeer``, which raises it.
    """
    return _maak_brief(loonheffingennummer=loonheffingennummer, door=door, code=codes.nieuwe_code())


def _maak_brief(
    *, door: Portaalactor, loonheffingennummer: Loonheffingennummer, code: str
) -> tuple[Verificatiecode, bytes]:
    """``maak_verificatiebrief`` with a given code: only the demo loader passes a fixed one."""
    with transaction.atomic():
        nummer = (
            Loonheffingennummer.objects.select_for_update()
            .select_related("werkgever")
            .get(pk=loonheffingennummer.pk)
        )
        if nummer.geactiveerd_op is not None:
            raise ValidationError(
                gettext("Loonheffingennummer %(nummer)s is al geactiveerd.") % {"nummer": nummer}
            )
        if not nummer.actief:
            raise ValidationError(
                gettext(
                    "Loonheffingennummer %(nummer)s is niet actief; een niet-actief nummer kan "
                    "niet worden geactiveerd (seed 001)."
                )
                % {"nummer": nummer}
            )
        werkgever = nummer.werkgever
        if not (werkgever.adres and werkgever.postcode and werkgever.plaats):
            raise ValidationError(
                gettext(
                    "Van %(naam)s is geen volledig postadres bekend. Vul eerst adres, postcode en "
                    "plaats in bij de werkgever."
                )
                % {"naam": werkgever.naam}
            )
        nu = timezone.now()
        vorige = list(
            Verificatiecode.objects.select_for_update().filter(
                loonheffingennummer=nummer, ingetrokken_op__isnull=True, gebruikt_op__isnull=True
            )
        )
        for oud in vorige:
            oud.ingetrokken_op = nu
            oud.save(update_fields=["ingetrokken_op"])
            _verwijder_brief(oud)
        verificatiecode = Verificatiecode(
            loonheffingennummer=nummer,
            code_hash=codes.code_hash(nummer=nummer.nummer, code=code),
            aangemaakt_op=nu,
            aangemaakt_door=door.gebruiker,
            verloopt_op=nu + timedelta(days=settings.VERIFICATIECODE_GELDIG_DAGEN),
        )
        pdf = _brief_pdf(verificatiecode, code)
        verificatiecode.brief.save(f"{verificatiecode.uuid}.pdf", ContentFile(pdf), save=False)
        verificatiecode.save()
        audit.registreer(
            door=door.voor(werkgever),
            actie=Actie.AANMAKEN,
            onderwerp=verificatiecode,
            omschrijving=f"Brief met verificatiecode gemaakt voor loonheffingennummer {nummer}",
        )
    logger.info("Verificatiebrief %s gemaakt voor nummer-id %s", verificatiecode.uuid, nummer.pk)
    return verificatiecode, pdf


def _brief_html(verificatiecode: Verificatiecode, code: str) -> str:
    """The letter, in Dutch: it goes by post to the organisation's registered address, not to an
    account with a language of its own, so the operator's language does not count (ADR 0044)."""
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(
            "verificatie/brief.html",
            {
                "werkgever": verificatiecode.loonheffingennummer.werkgever,
                "nummer": verificatiecode.loonheffingennummer,
                "code": code,
                "datum": timezone.localdate(verificatiecode.aangemaakt_op),
                "verloopt_op": timezone.localdate(verificatiecode.verloopt_op),
                "portaal_url": settings.PORTAAL_URL.rstrip("/") + "/verificatie/",
            },
        )


def _brief_pdf(verificatiecode: Verificatiecode, code: str) -> bytes:
    from weasyprint import HTML  # heavy import, only when a letter is made

    return bytes(HTML(string=_brief_html(verificatiecode, code)).write_pdf())


def _verwijder_brief(verificatiecode: Verificatiecode) -> None:
    """The letter holds the code in plain text: remove it once the code can no longer be used."""
    if verificatiecode.brief:
        verificatiecode.brief.delete(save=False)
        verificatiecode.save(update_fields=["brief"])


def markeer_verstuurd(*, door: Portaalactor, verificatiecode: Verificatiecode) -> Verificatiecode:
    """The operator posted the letter (idempotent: the first date stays, one audit row)."""
    with transaction.atomic():
        code = (
            Verificatiecode.objects.select_for_update()
            .select_related("loonheffingennummer__werkgever")
            .get(pk=verificatiecode.pk)
        )
        if code.verstuurd_op is None:
            code.verstuurd_op = timezone.now()
            code.save(update_fields=["verstuurd_op"])
            audit.registreer(
                door=door.voor(code.loonheffingennummer.werkgever),
                actie=Actie.WIJZIGEN,
                onderwerp=code,
                omschrijving=f"Brief verstuurd voor loonheffingennummer {code.loonheffingennummer}",
            )
    return code


def activeer(
    *, door: Actor, loonheffingennummer: Loonheffingennummer, code: str
) -> Loonheffingennummer:
    """Activate the number with ``code``; every try is counted and logged (seed 003 art. 2.6).

    One audit row per try, in the transaction; a refused try commits its row and its count and
    raises afterwards."""
    fout: ValidationError | None = None
    with transaction.atomic():
        nummer = Loonheffingennummer.objects.select_for_update().get(pk=loonheffingennummer.pk)
        if nummer.werkgever_id != door.werkgever.pk or not nummer.actief:
            raise ValidationError(gettext("Dit loonheffingennummer kunt u niet activeren."))
        if nummer.geactiveerd_op is not None:
            raise ValidationError(
                gettext("Loonheffingennummer %(nummer)s is al geactiveerd.") % {"nummer": nummer}
            )
        lopend = (
            Verificatiecode.objects.select_for_update()
            .filter(loonheffingennummer=nummer, ingetrokken_op__isnull=True)
            .order_by("-aangemaakt_op", "-pk")
            .first()
        )
        nu = timezone.now()

        def log(omschrijving: str) -> None:
            audit.registreer(
                door=door, actie=Actie.TOEGANG, onderwerp=nummer, omschrijving=omschrijving
            )

        if lopend is None:
            fout = ValidationError(
                gettext("Voor loonheffingennummer %(nummer)s is geen verificatiecode verstuurd.")
                % {"nummer": nummer}
                + f" {NIEUWE_BRIEF}"
            )
        elif lopend.gebruikt_op is not None:
            fout = ValidationError(
                gettext("Deze verificatiecode is al gebruikt.") + f" {NIEUWE_BRIEF}"
            )
        elif lopend.geblokkeerd:
            log("Activeren geweigerd: verificatiecode geblokkeerd")
            fout = ValidationError(
                gettext("Deze verificatiecode is geblokkeerd na 5 foute pogingen.")
                + f" {NIEUWE_BRIEF}"
            )
        elif lopend.verloopt_op <= nu:
            log("Activeren geweigerd: verificatiecode verlopen")
            verlopen = timezone.localdate(lopend.verloopt_op)
            fout = ValidationError(
                gettext("Deze verificatiecode is verlopen op %(datum)s.")
                % {"datum": f"{verlopen:%d-%m-%Y}"}
                + f" {NIEUWE_BRIEF}"
            )
        elif not codes.klopt(nummer=nummer.nummer, code=code, opgeslagen_hash=lopend.code_hash):
            lopend.foute_pogingen += 1
            lopend.geblokkeerd = lopend.foute_pogingen >= MAX_FOUTE_POGINGEN
            lopend.save(update_fields=["foute_pogingen", "geblokkeerd"])
            over = MAX_FOUTE_POGINGEN - lopend.foute_pogingen
            if lopend.geblokkeerd:
                _verwijder_brief(lopend)
                log("Verificatiecode geblokkeerd na 5 foute pogingen")
                fout = ValidationError(
                    gettext(
                        "De verificatiecode is niet juist. Dit was de 5e foute poging: de code is "
                        "nu geblokkeerd."
                    )
                    + f" {NIEUWE_BRIEF}"
                )
            else:
                log(f"Foute verificatiecode ({lopend.foute_pogingen} van {MAX_FOUTE_POGINGEN})")
                fout = ValidationError(
                    gettext(
                        "De verificatiecode is niet juist. Controleer de code in de brief en "
                        "probeer het opnieuw. U kunt het nog %(over)s keer proberen; daarna wordt "
                        "de code geblokkeerd."
                    )
                    % {"over": over}
                )
        else:
            lopend.gebruikt_op = nu
            lopend.save(update_fields=["gebruikt_op"])
            _verwijder_brief(lopend)
            nummer.geactiveerd_op = nu
            nummer.save(update_fields=["geactiveerd_op"])
            markeer_gegevens_gewijzigd(werkgever_ids=[nummer.werkgever_id])  # now visible
            log(f"Loonheffingennummer {nummer} geactiveerd met verificatiecode")
    # Raised after the commit: the counted wrong try and its audit row must stay.
    if fout is not None:
        raise fout
    return nummer
