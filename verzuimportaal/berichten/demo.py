"""Demo: a few messages per demo werkgever, one letter with a PDF about an open spell, some read."""

from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.utils import timezone

from verzuimportaal.toegang.actor import Actor, Route
from verzuimportaal.verzuim.models import Verzuimgeval
from verzuimportaal.werkgevers.models import Werkgever

from . import service
from .models import Bericht, Soort

DEMO_KVK = ("69201843", "41178230", "58823417")


def _pdf(*, werkgever: Werkgever, geval: Verzuimgeval, vandaag: date) -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        "berichten/demo_brief.html", {"werkgever": werkgever, "geval": geval, "datum": vandaag}
    )
    return bytes(HTML(string=html).write_pdf())


def laad_demo(*, vandaag: date) -> None:
    lezer = get_user_model().objects.filter(username="demo-bakkerij").first()
    for kvk in DEMO_KVK:
        werkgever = Werkgever.objects.filter(kvk_nummer=kvk).first()
        if (
            werkgever is None
            or Bericht.objects.filter(werkgever=werkgever, onderwerp__startswith="Welkom").exists()
        ):
            continue
        geval = (
            Verzuimgeval.objects.filter(
                werknemer__loonheffingennummer__werkgever=werkgever,
                werknemer__loonheffingennummer__actief=True,
                einddatum__isnull=True,
            )
            .order_by("eerste_ziektedag", "pk")
            .first()
        )
        berichten = [
            service.plaats_bericht(
                werkgever=werkgever,
                soort=Soort.MEDEDELING,
                onderwerp="Welkom in uw berichtenbox",
                tekst="Hier vindt u brieven, herinneringen en mededelingen over uw werknemers en "
                "hun verzuim. U krijgt een e-mail als er een nieuw bericht is; kijk ook zelf "
                "regelmatig, want een e-mail komt niet altijd aan.",
                notificeren=False,
            ),
            service.plaats_bericht(
                werkgever=werkgever,
                soort=Soort.HERINNERING,
                onderwerp="Controleer wie toegang heeft tot uw gegevens",
                tekst="U bent verantwoordelijk voor de accounts en machtigingen van uw "
                "organisatie. Kijk bij Rechtenbeheer of iedereen nog toegang nodig heeft.",
                notificeren=False,
            ),
        ]
        if geval is not None:
            berichten.append(
                service.plaats_bericht(
                    werkgever=werkgever,
                    soort=Soort.BRIEF,
                    onderwerp=f"Brief over verzuimmelding {geval.verzuimnummer}",
                    tekst="In de bijlage vindt u de brief over deze verzuimmelding.",
                    document=(
                        f"brief-{geval.verzuimnummer}.pdf",
                        _pdf(werkgever=werkgever, geval=geval, vandaag=vandaag),
                    ),
                    verzuimgeval=geval,
                    notificeren=False,
                )
            )
        for dagen, bericht in zip((20, 6, 1), berichten, strict=False):
            Bericht.objects.filter(pk=bericht.pk).update(
                aangemaakt_op=timezone.make_aware(
                    datetime.combine(vandaag - timedelta(days=dagen), time(8, 30))
                )
            )
        if lezer is not None and kvk == "69201843":
            service.markeer_gelezen(  # one read, rest unread
                door=Actor(
                    werkgever=werkgever,
                    rechten=frozenset(),
                    route=Route.LOKAAL,
                    gebruiker=lezer,
                    weergavenaam=lezer.get_full_name() or lezer.get_username(),
                ),
                bericht=berichten[0],
            )
