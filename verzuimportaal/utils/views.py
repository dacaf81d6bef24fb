from typing import Any

from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.forms import Form
from django.http import HttpRequest


def pagina(request: HttpRequest, queryset: Any, per_pagina: int) -> Page:
    return Paginator(queryset, per_pagina).get_page(request.GET.get("pagina"))


def fout_naar_form(form: Form, fout: ValidationError) -> None:
    """Attach a service refusal to the form: per field where the field exists, else on top."""
    if hasattr(fout, "error_dict"):
        for veld, fouten in fout.error_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, fout)
