from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .elfproef import is_bsn, is_kvk_nummer, is_loonheffingennummer


def valideer_bsn(waarde: str) -> None:
    if not is_bsn(waarde):
        raise ValidationError(
            _("Dit is geen geldig BSN. Een BSN heeft 9 cijfers en voldoet aan de elfproef."),
            code="ongeldig_bsn",
        )


def valideer_kvk_nummer(waarde: str) -> None:
    if not is_kvk_nummer(waarde):
        raise ValidationError(
            _("Een KvK-nummer bestaat uit precies 8 cijfers."), code="ongeldig_kvk_nummer"
        )


def valideer_loonheffingennummer(waarde: str) -> None:
    if not is_loonheffingennummer(waarde):
        raise ValidationError(
            _(
                "Dit is geen geldig loonheffingennummer. Gebruik 9 cijfers die voldoen aan de "
                "elfproef, de letter L en 2 cijfers, bijvoorbeeld 123456782L01."
            ),
            code="ongeldig_loonheffingennummer",
        )
