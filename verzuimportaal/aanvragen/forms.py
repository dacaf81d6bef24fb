from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q, QuerySet
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from verzuimportaal.utils.forms import PortaalForm

from .models import Besluit, Soort, Status

GEEN_MEDISCHE_GEGEVENS = _("Geen medische gegevens invullen.")


def behandelaars() -> QuerySet[Any]:
    recht = Permission.objects.filter(codename="behandelen", content_type__app_label="aanvragen")
    return (
        get_user_model()
        .objects.filter(Q(user_permissions__in=recht) | Q(groups__permissions__in=recht))
        .filter(is_active=True)
        .distinct()
        .order_by("last_name", "username")
    )


class FilterForm(PortaalForm):
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Alle open zaken")), *Status.choices], required=False
    )
    soort = forms.ChoiceField(
        label=_("Soort"), choices=[("", _("Alle")), *Soort.choices], required=False
    )
    mijn = forms.BooleanField(label=_("Alleen mijn zaken"), required=False)


class ToewijzenForm(PortaalForm):
    behandelaar = forms.ModelChoiceField(
        label=_("Behandelaar"), queryset=get_user_model().objects.none(), empty_label=None
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["behandelaar"].queryset = behandelaars()  # type: ignore[attr-defined]


class InformatieForm(PortaalForm):
    vraag = forms.CharField(
        label=_("Vraag aan de werkgever"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=format_lazy(
            "{} {}", _("De vraag komt in de berichtenbox van de werkgever."), GEEN_MEDISCHE_GEGEVENS
        ),
    )


class BesluitForm(PortaalForm):
    besluit = forms.ChoiceField(
        label=_("Besluit"), choices=Besluit.choices, widget=forms.RadioSelect
    )
    toelichting = forms.CharField(
        label=_("Toelichting (motivering)"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
        required=False,
        help_text=format_lazy(
            "{} {}",
            _("Verplicht bij een afwijzing. Komt in de besluitbrief."),
            GEEN_MEDISCHE_GEGEVENS,
        ),
    )


class AntwoordForm(PortaalForm):
    antwoord = forms.CharField(
        label=_("Uw antwoord"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
        help_text=GEEN_MEDISCHE_GEGEVENS,
    )
    bijlage = forms.FileField(
        label=_("Document (niet verplicht)"),
        required=False,
        help_text=_("PDF, Word-document (.docx) of foto (JPEG of PNG)."),
    )
