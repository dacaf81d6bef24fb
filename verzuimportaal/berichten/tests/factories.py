from typing import Any

import factory
from django.core.files.base import ContentFile

from tests.factories import WerkgeverFactory
from verzuimportaal.berichten.models import Bericht, Soort

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class BerichtFactory(factory.django.DjangoModelFactory[Bericht]):
    class Meta:
        model = Bericht

    werkgever = factory.SubFactory(WerkgeverFactory)
    soort = Soort.MEDEDELING
    onderwerp = factory.Sequence(lambda n: f"Mededeling {n}")
    tekst = "Tekst van het bericht."


def bericht_van(omgeving: Any) -> Bericht:
    """A letter with a PDF for werkgever A of a test ``Omgeving`` (access table, conftest.py)."""
    bestaand = Bericht.objects.filter(werkgever=omgeving.werkgever, documentnaam="brief.pdf")
    if bericht := bestaand.first():
        return bericht
    bericht = BerichtFactory.build(
        werkgever=omgeving.werkgever, soort=Soort.BRIEF, documentnaam="brief.pdf"
    )
    bericht.document.save("brief.pdf", ContentFile(PDF), save=False)
    bericht.save()
    return bericht
