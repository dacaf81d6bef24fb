"""Letters of the dossier: the ontvangstbevestiging of a ziek- or herstelmelding as a PDF.

The letter names the werkgever, the employee, the verzuimnummer and the dates; never a BSN and
never anything medical (DOMAIN §4.2, §9). It goes to the werkgever's inbox (``berichten``), which
notifies by e-mail without any content. It is written in the language of the person who made the
melding (ADR 0044).
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from verzuimportaal.accounts.taal import in_taal_van
from verzuimportaal.berichten.service import plaats_bericht
from verzuimportaal.verzuim.arbodienst import contact_uiterlijk
from verzuimportaal.verzuim.models import MutatieSoort, Verzuimmutatie

from .models import Ontvangstbevestiging

# Meldingen registered longer ago than this get no letter (an import or backdated history).
MAX_LEEFTIJD = timedelta(days=2)

ONDERWERPEN = {
    MutatieSoort.ZIEKMELDING: _("Ontvangstbevestiging ziekmelding"),
    MutatieSoort.GEDEELTELIJK_HERSTELD: _("Ontvangstbevestiging herstelmelding (gedeeltelijk)"),
    MutatieSoort.VOLLEDIG_HERSTELD: _("Ontvangstbevestiging herstelmelding"),
    MutatieSoort.ZIEK_UIT_DIENST: _("Ontvangstbevestiging melding ziek uit dienst"),
    MutatieSoort.WIJZIGING: _("Ontvangstbevestiging wijziging percentage arbeidsongeschikt"),
}


def maak_pdf(html: str) -> bytes:
    from weasyprint import HTML  # heavy import, only in the worker

    pdf: bytes = HTML(string=html).write_pdf()
    return pdf


def brief_html(mutatie: Verzuimmutatie) -> str:
    geval = mutatie.verzuimgeval
    return render_to_string(
        "dossier/brieven/ontvangstbevestiging.html",
        {
            "mutatie": mutatie,
            "geval": geval,
            "werknemer": geval.werknemer,
            "werkgever": geval.werknemer.loonheffingennummer.werkgever,
            "onderwerp": ONDERWERPEN[MutatieSoort(mutatie.soort)],
            "datum": timezone.localdate(),
            # Seed 004: the verzuimconsultant calls within four working days of the melding.
            "contact_uiterlijk": contact_uiterlijk(geval.gemeld_op),
        },
    )


def stuur_ontvangstbevestiging(*, mutatie_id: int) -> bool:
    """Place the letter for this melding in the inbox, once. Returns whether it was placed now."""
    mutatie = (
        Verzuimmutatie.objects.select_related(
            "verzuimgeval__werknemer__loonheffingennummer__werkgever"
        )
        .filter(pk=mutatie_id)
        .first()
    )
    if mutatie is None or timezone.now() - mutatie.geregistreerd_op > MAX_LEEFTIJD:
        return False
    if Ontvangstbevestiging.objects.filter(mutatie=mutatie).exists():
        return False
    geval = mutatie.verzuimgeval
    with in_taal_van(mutatie.geregistreerd_door_id):
        pdf = maak_pdf(brief_html(mutatie))  # outside the transaction: may take a moment
        onderwerp = str(ONDERWERPEN[MutatieSoort(mutatie.soort)])
        tekst = gettext("In de bijlage vindt u de %(onderwerp)s voor verzuimnummer %(nummer)s.") % {
            "onderwerp": onderwerp.lower(),
            "nummer": geval.verzuimnummer,
        }
    try:
        with transaction.atomic():
            bevestiging = Ontvangstbevestiging.objects.create(mutatie=mutatie)
            bevestiging.bericht = plaats_bericht(
                werkgever=geval.werknemer.loonheffingennummer.werkgever,
                soort="brief",
                onderwerp=f"{onderwerp} {geval.verzuimnummer}",
                tekst=tekst,
                document=(f"{onderwerp.lower().replace(' ', '-')}-{geval.verzuimnummer}.pdf", pdf),
                verzuimgeval=geval,
            )
            bevestiging.save(update_fields=["bericht"])
    except IntegrityError:
        return False  # a concurrent run placed it first
    return True
