"""Accessible form rendering with NL Design System (Utrecht) classes.

Every input is linked to its help text and error message with ``aria-describedby`` and marked
``aria-invalid`` when it has an error, so screen readers announce what is wrong (WCAG 3.3.1).
"""

from datetime import date, datetime
from typing import Any

from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _


class PortaalFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class PortaalBoundField(BoundField):
    def build_widget_attrs(self, attrs: dict[str, Any], widget: Any = None) -> dict[str, Any]:
        attrs = super().build_widget_attrs(attrs, widget)
        beschreven_door = []
        if self.help_text:
            beschreven_door.append(f"{self.auto_id}_helptext")
        if self.errors:
            beschreven_door.append(f"{self.auto_id}_error")
            attrs["aria-invalid"] = "true"
        if beschreven_door:
            attrs["aria-describedby"] = " ".join(beschreven_door)
        else:
            attrs.pop("aria-describedby", None)
        return attrs


_WIDGET_CLASSES = {
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.RadioSelect: "utrecht-radio-button utrecht-radio-button--html-input",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
}


class PortaalForm(forms.Form):
    """Base form: Utrecht classes on widgets and accessible error linking."""

    bound_field_class = PortaalBoundField
    template_name_label = "forms/label.html"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = next(
                (c for w, c in _WIDGET_CLASSES.items() if isinstance(field.widget, w)),
                "utrecht-textbox utrecht-textbox--html-input",
            )
            bestaand = field.widget.attrs.get("class", "")
            field.widget.attrs["class"] = f"{css} {bestaand}".strip()
            standaard = str(forms.DateField.default_error_messages["invalid"])
            if isinstance(field.widget, DatumInput) and (
                str(field.error_messages.get("invalid", "")) == standaard
            ):
                field.error_messages["invalid"] = ONGELDIGE_DATUM  # unless the field has its own


ONGELDIGE_DATUM = _(
    "Deze datum bestaat niet of is niet compleet. Vul dag, maand en jaar in cijfers in, "
    "bijvoorbeeld 27 3 2026."
)


def _als_datum(tekst: str) -> date | None:
    """ISO (``2026-03-12``) or Dutch (``12-03-2026``), whatever the active language: an English
    page must not read a link's or a script's ``12-03-2026`` with English date formats."""
    for formaat in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.strptime(tekst.strip(), formaat).date()  # noqa: DTZ007 - a date only
        except ValueError:
            continue
    return None


def _iso(tekst: str) -> str:
    d = _als_datum(tekst)
    return tekst if d is None else d.isoformat()


class DatumInput(forms.MultiWidget):
    """A date as three boxes, day, month and year (the NL Design System / GOV.UK date input).

    The browser's own date picker follows the browser's language (mm/dd/yyyy in an English
    browser: is 03-12 March or December?); three labelled boxes are unambiguous, work with the
    keyboard and screen readers, and are read on the server. The value goes to the ``DateField``
    as an ISO date; a single value under the field's own name (``2026-03-12`` or ``12-03-2026``,
    as scripts, the API and older links send it) is accepted too.
    """

    template_name = "forms/widgets/datum.html"
    DELEN = (("dag", _("Dag"), 2), ("maand", _("Maand"), 2), ("jaar", _("Jaar"), 4))

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        widgets: dict[str, forms.Widget | type[forms.Widget]] = {
            naam: forms.TextInput(
                attrs={
                    "inputmode": "numeric",
                    "maxlength": str(lengte),
                    "size": str(lengte + 1),
                    "autocomplete": "off",
                    "class": f"utrecht-textbox utrecht-textbox--html-input vp-datum__{naam}",
                }
            )
            for naam, _label, lengte in self.DELEN
        }
        super().__init__(widgets, attrs)

    def decompress(self, value: Any) -> list[str | None]:
        if isinstance(value, date):
            return [str(value.day), str(value.month), str(value.year)]
        if isinstance(value, str) and value:
            if (d := _als_datum(value)) is not None:
                return [str(d.day), str(d.month), str(d.year)]
            delen: list[str | None] = list(value.removeprefix("?").split("-"))
            if len(delen) == 3:  # what the user typed, shown again with the error
                return delen
        return [None, None, None]

    def value_from_datadict(  # type: ignore[override]  # one value, not a list: see docstring
        self, data: Any, files: Any, name: str
    ) -> str | None:
        if name in data:  # one value: ISO or dd-mm-jjjj in every language, else the DateField
            waarde = data.get(name)
            return _iso(waarde) if isinstance(waarde, str) else waarde
        dag, maand, jaar = (
            str(data.get(f"{name}_{n}", "")).strip() for n, _label, _lengte in self.DELEN
        )
        if not (dag or maand or jaar):
            return None
        if dag.isdigit() and maand.isdigit() and jaar.isdigit() and len(jaar) == 4:
            try:
                return date(int(jaar), int(maand), int(dag)).isoformat()
            except ValueError:
                pass
        # Not a date: the DateField refuses it (the "?" keeps a locale's lenient formats from
        # reading "3--2026" as something); the boxes show what was typed (``decompress``).
        return f"?{dag}-{maand}-{jaar}"

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return name not in data and all(
            f"{name}_{n}" not in data for n, _label, _lengte in self.DELEN
        )

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        subwidgets = context["widget"]["subwidgets"]
        for sub, widget, (_naam, label, _lengte) in zip(
            subwidgets, self.widgets, self.DELEN, strict=True
        ):
            sub["label"] = label
            sub["attrs"]["class"] = widget.attrs["class"]  # not the form's one-box class
        return context

    def id_for_label(self, id_: str) -> str:
        return id_  # the fieldset; each box has its own label
