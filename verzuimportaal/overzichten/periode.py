"""The reporting period every overview is asked for (seed 004: "U kunt daar de periode selecteren").

``Periode`` is inclusive on both ends, in calendar days (DOMAIN §6 counts calendar days).
``PeriodeForm`` reads ``begin``/``einde`` from the query string; without them it falls back to the
current year up to today, so an overview opens with useful figures.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from verzuimportaal.utils.forms import DatumInput, PortaalForm

MAXIMUM_JAREN = 10


def _jaar_eerder(d: date) -> date:
    try:
        return d.replace(year=d.year - 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year - 1, day=28)


@dataclass(frozen=True)
class Periode:
    begin: date
    einde: date  # inclusive

    def __post_init__(self) -> None:
        if self.einde < self.begin:
            raise ValueError("Het einde van een periode ligt vóór het begin.")

    @property
    def dagen(self) -> int:
        return (self.einde - self.begin).days + 1

    @property
    def einde_exclusief(self) -> date:
        """The day after the period: compare with exclusive ends such as ``einddatum``."""
        return self.einde + timedelta(days=1)

    def vorige(self) -> "Periode":
        """The period of equal length directly before this one."""
        return Periode(
            begin=self.begin - timedelta(days=self.dagen),
            einde=self.begin - timedelta(days=1),
        )

    def jaar_eerder(self) -> "Periode":
        """The same calendar days one year earlier (29 February becomes 28 February), the
        comparison the statistics and the dashboard make: seasons and holidays line up, which a
        period "directly before" (e.g. 2024 for 1 January - 15 June 2025 shifted by 166 days)
        does not."""
        return Periode(begin=_jaar_eerder(self.begin), einde=_jaar_eerder(self.einde))

    def bevat(self, datum: date) -> bool:
        return self.begin <= datum <= self.einde

    @property
    def label(self) -> str:
        return gettext("%(begin)s t/m %(einde)s") % {
            "begin": f"{self.begin:%d-%m-%Y}",
            "einde": f"{self.einde:%d-%m-%Y}",
        }

    @property
    def bestandslabel(self) -> str:
        """For file names: ``20250101-20250331``."""
        return f"{self.begin:%Y%m%d}-{self.einde:%Y%m%d}"

    @classmethod
    def jaar_tot_vandaag(cls, vandaag: date) -> "Periode":
        return cls(begin=vandaag.replace(month=1, day=1), einde=vandaag)


def plus_jaren(datum: date, jaren: int) -> date:
    """The same day ``jaren`` years later (or earlier when negative); 29 February becomes
    28 February in a common year."""
    return datum + relativedelta(years=jaren)


class PeriodeForm(PortaalForm):
    begin = forms.DateField(
        label=gettext_lazy("Van"),
        widget=DatumInput(),
        help_text=gettext_lazy("Eerste dag van de periode."),
        error_messages={
            "required": gettext_lazy("Vul de eerste dag van de periode in."),
            "invalid": gettext_lazy("Vul een geldige datum in, bijvoorbeeld 01-01-2025."),
        },
    )
    einde = forms.DateField(
        label=gettext_lazy("Tot en met"),
        widget=DatumInput(),
        help_text=gettext_lazy("Laatste dag van de periode (telt mee)."),
        error_messages={
            "required": gettext_lazy("Vul de laatste dag van de periode in."),
            "invalid": gettext_lazy("Vul een geldige datum in, bijvoorbeeld 31-12-2025."),
        },
    )

    def __init__(
        self,
        data: Any = None,
        *args: Any,
        vandaag: date | None = None,
        standaard: Periode | None = None,
        **kwargs: Any,
    ) -> None:
        self.vandaag = vandaag or timezone.localdate()
        standaard = standaard or Periode.jaar_tot_vandaag(self.vandaag)
        if data is not None and not data.get("begin") and not data.get("einde"):
            # No period asked for (first visit): use the default as if it had been submitted.
            data = data.copy()
            data["begin"] = standaard.begin.isoformat()
            data["einde"] = standaard.einde.isoformat()
        super().__init__(data, *args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        begin, einde = data.get("begin"), data.get("einde")
        if begin is None or einde is None:
            return data
        if einde < begin:
            self.add_error(
                "einde",
                ValidationError(
                    gettext(
                        "De einddatum ligt vóór de begindatum. Kies een einddatum op of na "
                        "%(begin)s."
                    )
                    % {"begin": f"{begin:%d-%m-%Y}"},
                    code="einde_voor_begin",
                ),
            )
        elif einde >= plus_jaren(begin, MAXIMUM_JAREN):
            self.add_error(
                None,
                ValidationError(
                    gettext("De periode is langer dan %(jaren)s jaar. Kies een kortere periode.")
                    % {"jaren": MAXIMUM_JAREN},
                    code="te_lang",
                ),
            )
        if einde > self.vandaag:
            self.add_error(
                "einde",
                ValidationError(
                    gettext(
                        "De einddatum ligt in de toekomst. Kies uiterlijk vandaag (%(vandaag)s)."
                    )
                    % {"vandaag": f"{self.vandaag:%d-%m-%Y}"},
                    code="toekomst",
                ),
            )
        return data

    @property
    def periode(self) -> Periode:
        """The chosen period; only after ``is_valid()`` returned True."""
        if not self.is_bound or self.errors:
            raise ValueError("PeriodeForm.periode is alleen beschikbaar na een geldige invoer.")
        return Periode(begin=self.cleaned_data["begin"], einde=self.cleaned_data["einde"])

    def foutmelding(self) -> str:
        """All errors as one sentence in the active language, for a download refused with
        status 400."""
        meldingen = [str(m) for fouten in self.errors.values() for m in fouten]
        return gettext("Ongeldige periode: %(meldingen)s") % {"meldingen": " ".join(meldingen)}
