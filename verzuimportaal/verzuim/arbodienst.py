"""What the arbodienst and the casemanager hear of a new ziekmelding (seed 004).

Seed 004: "Nadat u uw ziekmelding bij ons heeft gedaan, komt die ook direct binnen bij
[de arbodienst]. De verzuimconsultant neemt dan binnen vier werkdagen contact met u op." and, for
an arbeidsconflict, "De arbodienst neemt dan snel contact op met de werknemer." The portal tells
the werkgever's casemanagers and the arbodienst's address (``ARBODIENST_EMAIL``) by e-mail; the
e-mail names the werkgever, the verzuimnummer and the dates, never the employee (DOMAIN §9).
"""

from datetime import date, datetime

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone
from django.utils.translation import gettext

from verzuimportaal.geld.betaaldatum import na_werkdagen
from verzuimportaal.machtigingen.models import Casemanagertoewijzing

from .models import Verzuimgeval

CONTACT_BINNEN_WERKDAGEN = 4


def contact_uiterlijk(gemeld_op: datetime) -> date:
    """The last day the verzuimconsultant calls: four working days after the melding (§5)."""
    return na_werkdagen(dag=timezone.localdate(gemeld_op), werkdagen=CONTACT_BINNEN_WERKDAGEN)


def ontvangers(werkgever_id: int) -> list[str]:
    """The werkgever's active casemanagers and the arbodienst's address, once each."""
    adressen = list(
        Casemanagertoewijzing.objects.filter(
            werkgever_id=werkgever_id, actief=True, gebruiker__is_active=True
        )
        .exclude(gebruiker__email="")
        .order_by("pk")
        .values_list("gebruiker__email", flat=True)
    )
    if settings.ARBODIENST_EMAIL:
        adressen.append(settings.ARBODIENST_EMAIL)
    return list(dict.fromkeys(a.strip().lower() for a in adressen))


def tekst(geval: Verzuimgeval) -> tuple[str, str]:
    werkgever = geval.werknemer.loonheffingennummer.werkgever
    waarden = {
        "nummer": geval.verzuimnummer,
        "werkgever": werkgever.naam,
        "kvk": werkgever.kvk_nummer,
        "eerste_ziektedag": f"{geval.eerste_ziektedag:%d-%m-%Y}",
        "gemeld_op": f"{timezone.localtime(geval.gemeld_op):%d-%m-%Y %H:%M}",
        "uiterlijk": f"{contact_uiterlijk(geval.gemeld_op):%d-%m-%Y}",
        "portaal": f"{settings.PORTAAL_URL}/",
    }
    if geval.arbeidsconflict:
        onderwerp = gettext("Ziekmelding met arbeidsconflict %(nummer)s van %(werkgever)s")
        conflict = gettext(
            "De werkgever meldt een arbeidsconflict. Neem snel contact op met de werknemer.\n\n"
        )
    else:
        onderwerp = gettext("Nieuwe ziekmelding %(nummer)s van %(werkgever)s")
        conflict = ""
    inhoud = (
        gettext(
            "%(werkgever)s (KvK %(kvk)s) heeft in het Verzuimportaal een werknemer ziek gemeld."
            "\n\nVerzuimnummer: %(nummer)s\nEerste ziektedag: %(eerste_ziektedag)s\n"
            "Gemeld op: %(gemeld_op)s\n\n"
        )
        + conflict
        + gettext(
            "De werkgever verwacht dat de verzuimconsultant binnen vier werkdagen contact "
            "opneemt, uiterlijk op %(uiterlijk)s.\nNaam en gegevens van de werknemer staan in "
            "het portaal: %(portaal)s"
        )
    ) % waarden
    return onderwerp % waarden, inhoud


def meld(*, verzuimgeval_id: int) -> int:
    """Send the e-mail for one new ziekmelding; returns the number of addresses."""
    geval = (
        Verzuimgeval.objects.select_related("werknemer__loonheffingennummer__werkgever")
        .filter(pk=verzuimgeval_id)
        .first()
    )
    if geval is None:
        return 0
    adressen = ontvangers(geval.werknemer.loonheffingennummer.werkgever_id)
    if adressen:
        onderwerp, inhoud = tekst(geval)
        # One message per address: recipients do not see each other.
        for adres in adressen:
            send_mail(onderwerp, inhoud, settings.DEFAULT_FROM_EMAIL, [adres])
    return len(adressen)
