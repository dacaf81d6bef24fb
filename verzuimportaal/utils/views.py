from collections.abc import Callable
from typing import Any, cast

from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.forms import Form
from django.http import HttpRequest
from django.utils.functional import cached_property


def pagina(request: HttpRequest, queryset: Any, per_pagina: int) -> Page:
    return Paginator(queryset, per_pagina).get_page(request.GET.get("pagina"))


class BegrensdePaginator(Paginator):
    """Counts at most ``maximum`` rows: counting a million audit rows costs more than the page.

    ``begrensd`` says that there are more; the page then asks to narrow the filters.
    """

    def __init__(self, object_list: Any, per_page: int, *, maximum: int) -> None:
        super().__init__(object_list, per_page)
        self.maximum = maximum

    @cached_property
    def count(self) -> int:
        regels = cast(QuerySet[Any], self.object_list).order_by()  # counting needs no order
        return min(regels[: self.maximum + 1].count(), self.maximum)

    @cached_property
    def begrensd(self) -> bool:
        regels = cast(QuerySet[Any], self.object_list).order_by()
        return regels[self.maximum : self.maximum + 1].exists()


class UitgesteldePaginator(Paginator):
    """A page reads its primary keys first, then those rows (a "deferred join").

    With an index in the list's order that holds the filtered columns (e.g.
    ``werknemers.Werknemer``'s ``werknemer_naam_dekkend``), PostgreSQL skips the rows before a
    deep page in the index alone instead of fetching every skipped row from the table; the
    second query reads the page's rows by key. ``aantal``: the number of rows when the caller
    knows it (e.g. from a cache), which saves the ``COUNT``.
    """

    def __init__(
        self, object_list: Any, per_page: int, *, aantal: Callable[[], int] | None = None
    ) -> None:
        super().__init__(object_list, per_page)
        self._aantal = aantal

    @cached_property
    def count(self) -> int:
        return self._aantal() if self._aantal is not None else super().count

    def page(self, number: Any) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        queryset = cast(QuerySet[Any], self.object_list)
        sleutels = list(queryset.values_list("pk", flat=True)[bottom:top])
        rijen = queryset.in_bulk(sleutels) if sleutels else {}
        return Page([rijen[k] for k in sleutels if k in rijen], number, self)


def begrensde_pagina(request: HttpRequest, queryset: Any, per_pagina: int, *, maximum: int) -> Page:
    paginator = BegrensdePaginator(queryset, per_pagina, maximum=maximum)
    return paginator.get_page(request.GET.get("pagina"))


def fout_naar_form(form: Form, fout: ValidationError) -> None:
    """Attach a service refusal to the form: per field where the field exists, else on top."""
    if hasattr(fout, "error_dict"):
        for veld, fouten in fout.error_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, fout)
