"""Accessible form rendering with NL Design System (Utrecht) classes.

Every input is linked to its help text and error message with ``aria-describedby`` and marked
``aria-invalid`` when it has an error, so screen readers announce what is wrong (WCAG 3.3.1).
"""

from typing import Any

from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting


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


class DatumInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")
