import uuid
from datetime import date
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _

from verzuimportaal.utils.validators import valideer_bsn
from verzuimportaal.werkgevers.models import Loonheffingennummer


class Werknemer(models.Model):
    """An employee, identified by BSN within one loonheffingennummer (DOMAIN §1).

    URLs use ``uuid``, never the BSN (DOMAIN §9).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    loonheffingennummer = models.ForeignKey(
        Loonheffingennummer, on_delete=models.PROTECT, related_name="werknemers"
    )
    bsn = models.CharField(_("BSN"), max_length=9, validators=[valideer_bsn])
    # The werkgever's own number from its salary administration; free text, searchable.
    personeelsnummer = models.CharField(
        _("personeelsnummer"), max_length=30, blank=True, db_index=True
    )
    voorletters = models.CharField(_("voorletters"), max_length=20, blank=True)
    voornaam = models.CharField(_("voornaam"), max_length=100, blank=True)
    tussenvoegsel = models.CharField(_("tussenvoegsel"), max_length=20, blank=True)
    achternaam = models.CharField(_("achternaam"), max_length=200, db_index=True)
    geboortedatum = models.DateField(_("geboortedatum"))
    datum_in_dienst = models.DateField(_("datum in dienst"))
    datum_uit_dienst = models.DateField(_("laatste dag in dienst"), null=True, blank=True)
    contracturen_per_week = models.DecimalField(
        _("contracturen per week"),
        max_digits=4,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("60"))],
    )
    deeltijdfactor = models.DecimalField(
        _("deeltijdfactor"),
        max_digits=4,
        decimal_places=3,
        validators=[MinValueValidator(Decimal("0.001")), MaxValueValidator(Decimal("1.5"))],
    )
    functie = models.CharField(_("functie"), max_length=200, blank=True)
    telefoonnummer = models.CharField(_("telefoonnummer"), max_length=20, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    # Set when the retention period ended and the personal data were removed (DOMAIN §4.7,
    # ``bewaartermijnen``); the row stays, without anything that identifies the person, so
    # statistics over past periods keep their numbers.
    geanonimiseerd_op = models.DateTimeField(_("geanonimiseerd op"), null=True, blank=True)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("werknemer")
        verbose_name_plural = _("werknemers")
        ordering = ["achternaam", "voornaam", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["loonheffingennummer", "bsn"], name="werknemer_bsn_uniek_per_lhnr"
            ),
            models.CheckConstraint(
                condition=Q(datum_uit_dienst__isnull=True)
                | Q(datum_uit_dienst__gte=F("datum_in_dienst")),
                name="werknemer_uit_dienst_na_in_dienst",
            ),
            models.CheckConstraint(
                condition=Q(deeltijdfactor__gt=0) & Q(contracturen_per_week__gt=0),
                name="werknemer_positieve_omvang",
            ),
        ]
        # Search and paging at 100 000 werknemers (ADR 0037): ``icontains`` is
        # ``UPPER(col) LIKE UPPER('%…%')``, which a trigram index on the same expression
        # answers (PostgreSQL only, so made in migration 0004, not declared here); the name
        # order with the columns the list filters on is where a page starts reading at its
        # position (``utils.keyset``, ADR 0048; page numbers of the API read the ids from it,
        # ``utils.views.UitgesteldePaginator``), and the number with the leaving date counts the
        # list without visiting the table.
        indexes = [
            models.Index(Upper("personeelsnummer"), name="werknemer_persnr_upper"),
            models.Index(
                fields=["achternaam", "voornaam", "id"],
                include=["loonheffingennummer", "datum_uit_dienst"],
                name="werknemer_naam_dekkend",
            ),
            models.Index(
                fields=["loonheffingennummer"],
                include=["datum_uit_dienst"],
                name="werknemer_lhnr_dekkend",
            ),
        ]

    def __str__(self) -> str:
        return self.volledige_naam

    @property
    def volledige_naam(self) -> str:
        voor = self.voornaam or self.voorletters
        return " ".join(p for p in (voor, self.tussenvoegsel, self.achternaam) if p)

    @property
    def sorteernaam(self) -> str:
        """Dutch list convention: 'Achternaam, Voornaam tussenvoegsel'."""
        voor = " ".join(p for p in (self.voornaam or self.voorletters, self.tussenvoegsel) if p)
        return f"{self.achternaam}, {voor}" if voor else self.achternaam

    def in_dienst_op(self, datum: date) -> bool:
        return self.datum_in_dienst <= datum and (
            self.datum_uit_dienst is None or datum <= self.datum_uit_dienst
        )
