"""API v1: werknemers and verzuim of the acting werkgever, with the portal's rights.

Reads come from the access module only; writes call the same services as the pages.
"""

import hashlib
import json
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from typing import Any, TypeVar

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import Model, Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param
from rest_framework.views import APIView

from verzuimportaal.audit import service as audit
from verzuimportaal.dossier import termijnen
from verzuimportaal.lonen import access as lonen_access
from verzuimportaal.lonen import service as lonen_service
from verzuimportaal.statistiek import berekening
from verzuimportaal.toegang import access, scopecache
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.utils import keyset
from verzuimportaal.utils.views import UitgesteldePaginator
from verzuimportaal.verzuim import service as verzuim_service
from verzuimportaal.verzuim.models import Verzuimgeval, Verzuimmutatie
from verzuimportaal.werknemers import service as werknemers_service
from verzuimportaal.werknemers.models import Werknemer

from .fouten import dienstfout, probleem
from .idempotentie import HEADER, met_idempotentie
from .serializers import (
    CorrectieSerializer,
    DossierSerializer,
    HerstelmeldingSerializer,
    LoonInvoerSerializer,
    LoonSerializer,
    StatistiekSerializer,
    VerzuimgevalSerializer,
    WerknemerInvoerSerializer,
    WerknemerSerializer,
    WerknemerWijzigingSerializer,
    ZiekmeldingSerializer,
)

_M = TypeVar("_M", bound=Model)

IDEMPOTENCY_PARAMETER = OpenApiParameter(
    HEADER,
    str,
    OpenApiParameter.HEADER,
    required=False,
    description="Maakt een schrijfverzoek veilig herhaalbaar: dezelfde sleutel met dezelfde "
    "inhoud geeft het opgeslagen antwoord; met andere inhoud 422; terwijl het eerste verzoek "
    "nog loopt 409.",
)


def _actor(request: Request) -> Actor:
    return request.actor  # type: ignore[attr-defined]


# Writes the reads the fetchers noted during this request to the audit log, once, also for an
# error answer (ADR 0014): the API logs exactly what the pages log. (A comment, not a docstring:
# the OpenAPI contract would show it as the description of every operation.)
class InzageGelogd:
    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        actor = getattr(request, "actor", None)
        if isinstance(actor, Actor):
            audit.registreer_inzage(door=actor)
        return super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]


# List and read by ``uuid``, with the reads logged (ADR 0014); subclasses add writes. (A comment:
# a docstring would become the description of operations in the contract.)
class LeesViewSet(
    InzageGelogd,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet[_M],
):
    lookup_field = "uuid"
    lookup_value_converter = "uuid"


def _fout(fout: DjangoValidationError) -> Response:
    return dienstfout(fout)


def schrijfverzoek(
    request: Request,
    invoer_klasse: type[serializers.Serializer[None]],
    doe: Callable[[Actor, dict[str, Any]], Response],
) -> Response:
    """A write through the API: Idempotency-Key, the body checked by ``invoer_klasse``, then
    ``doe(actor, gegevens)`` calls the service; its refusal is a problem detail with the fields."""
    actor = _actor(request)

    def uitvoeren() -> Response:
        invoer = invoer_klasse(data=request.data)
        invoer.is_valid(raise_exception=True)
        try:
            return doe(actor, dict(invoer.validated_data))
        except DjangoValidationError as fout:
            return _fout(fout)

    return met_idempotentie(request, actor, uitvoeren)


IF_MATCH_PARAMETER = OpenApiParameter(
    "If-Match",
    str,
    OpenApiParameter.HEADER,
    required=True,
    description="De ETag uit het laatste antwoord voor deze werknemer. Is de werknemer intussen "
    "gewijzigd, dan volgt 412: haal hem opnieuw op en pas uw wijziging daarop toe.",
)


def etag(gegevens: dict[str, Any]) -> str:
    """A strong ETag over the representation: it changes whenever any field changes."""
    inhoud = json.dumps(gegevens, sort_keys=True, default=str).encode()
    return f'"{hashlib.sha256(inhoud).hexdigest()[:32]}"'


def _met_etag(response: Response) -> Response:
    response["ETag"] = etag(response.data)
    return response


def _nummer(actor: Actor, nummer: str) -> Any:
    lhnr = access.loonheffingennummers(actor).filter(nummer=nummer).first()
    if lhnr is None:
        raise serializers.ValidationError(
            {
                "loonheffingennummer": [
                    "Dit loonheffingennummer is niet (actief) van de werkgever waarvoor u werkt. "
                    "Gebruik een van de nummers van de werkgever."
                ]
            }
        )
    return lhnr


class Paginering(PageNumberPagination):
    """Pages of 50 with the same response (``count``, ``next``, ``previous``, ``results``) in two
    ways (ADR 0048):

    - by cursor (the default): ``next`` and ``previous`` carry an opaque ``cursor``; a page is
      the rows after or before the position in the list's order (``utils.keyset``), so every
      page costs the same and a client that follows ``next`` sees no row twice and misses none,
      also while rows are added;
    - by number, as before (``?page=N``): a page reads its keys from an index first
      (``utils.views.UitgesteldePaginator``), costs more the deeper it is, and its links are
      page numbers.

    ``count`` comes from ``toegang.scopecache`` on views that set ``aantal_in_scopecache`` (the
    data there raise the werkgever's data version on every change), else from a ``COUNT``."""

    cursor_query_param = "cursor"
    page_query_description = (
        "Paginanummer (vanaf 1). Zonder page volgt u de links next en previous (cursor): die "
        "kosten op elke diepte even weinig en slaan geen rij over."
    )
    sleutelpagina: keyset.Sleutelpagina[Any] | None = None

    def paginate_queryset(
        self, queryset: Any, request: Request, view: Any = None
    ) -> list[Any] | None:
        self.request = request
        naam = queryset.model._meta.label_lower
        filters = sorted(
            (k, v)
            for k, v in request.query_params.items()
            if k not in (self.page_query_param, self.cursor_query_param)
        )
        self.aantal = (
            partial(
                scopecache.gecached,
                _actor(request),
                f"api-aantal-{naam}",
                filters,
                bereken=queryset.order_by().count,
            )
            if getattr(view, "aantal_in_scopecache", False)
            else queryset.order_by().count
        )
        if self.page_query_param in request.query_params:
            self.sleutelpagina = None
            self.django_paginator_class = partial(UitgesteldePaginator, aantal=self.aantal)  # type: ignore[assignment]
            return super().paginate_queryset(queryset, request, view)
        try:
            self.sleutelpagina = keyset.pagina(
                queryset,
                cursor=request.query_params.get(self.cursor_query_param),
                per_pagina=self.get_page_size(request) or 50,
                naam=f"api-{naam}",
            )
        except keyset.OngeldigeCursor as fout:
            raise serializers.ValidationError(
                {
                    self.cursor_query_param: [
                        "Deze cursor hoort niet bij deze lijst of is verlopen. Begin opnieuw "
                        "zonder cursor en volg de links next en previous."
                    ]
                }
            ) from fout
        return self.sleutelpagina.rijen

    def _link(self, cursor: str | None) -> str | None:
        if cursor is None or self.request is None:
            return None
        url = self.request.build_absolute_uri()
        return replace_query_param(url, self.cursor_query_param, cursor)

    def get_paginated_response(self, data: Any) -> Response:
        if self.sleutelpagina is None:
            return super().get_paginated_response(data)
        return Response(
            {
                "count": self.aantal(),
                "next": self._link(self.sleutelpagina.volgende),
                "previous": self._link(self.sleutelpagina.vorige),
                "results": data,
            }
        )

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        cursor = {
            "name": self.cursor_query_param,
            "required": False,
            "in": "query",
            "description": "De positie in de lijst uit de link next of previous van het vorige "
            "antwoord (ondoorzichtig; niet zelf samenstellen).",
            "schema": {"type": "string"},
        }
        return [cursor, *super().get_schema_operation_parameters(view)]


class WerknemerViewSet(LeesViewSet[Werknemer]):
    serializer_class = WerknemerSerializer
    pagination_class = Paginering
    aantal_in_scopecache = True
    diensten = (Dienst.WERKNEMERSGEGEVENS, Dienst.VERZUIM_MELDEN)
    # Aanmelden and wijzigen: only with "werknemersgegevens beheren" (as the pages).
    schrijfdiensten = (Dienst.WERKNEMERSGEGEVENS,)
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self) -> QuerySet[Werknemer]:
        if getattr(self, "swagger_fake_view", False):  # schema generation has no actor
            return Werknemer.objects.none()
        return access.werknemers(_actor(self.request)).order_by("achternaam", "pk")

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        access.lijst_gelezen(_actor(request), soort="werknemer", omschrijving="werknemers (API)")
        return super().list(request, *args, **kwargs)

    def get_object(self) -> Werknemer:
        return access.werknemer(_actor(self.request), uuid=self.kwargs["uuid"])

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Eén werknemer; de ETag in het antwoord is nodig voor een wijziging (If-Match)."""
        return _met_etag(super().retrieve(request, *args, **kwargs))

    @extend_schema(
        request=WerknemerInvoerSerializer,
        responses={201: WerknemerSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
    )
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Meld een werknemer aan (BSN met elfproef, uniek per loonheffingennummer)."""
        actor = _actor(request)

        def uitvoeren() -> Response:
            invoer = WerknemerInvoerSerializer(data=request.data)
            invoer.is_valid(raise_exception=True)
            gegevens = dict(invoer.validated_data)
            gegevens["loonheffingennummer"] = _nummer(actor, gegevens["loonheffingennummer"])
            uit_dienst = gegevens.pop("datum_uit_dienst", None)
            loon = gegevens.pop("loon", None)
            try:
                with transaction.atomic():  # all steps or none, also with an Idempotency-Key
                    werknemer = werknemers_service.meld_werknemer_aan(door=actor, **gegevens)
                    if uit_dienst is not None:
                        werknemer = werknemers_service.wijzig_werknemer(
                            door=actor,
                            werknemer=werknemer,
                            gegevens={"datum_uit_dienst": uit_dienst},
                        )
                    if loon is not None:
                        lonen_service.leg_loon_vast(door=actor, werknemer=werknemer, **loon)
            except DjangoValidationError as fout:
                return _fout(fout)
            data = WerknemerSerializer(werknemer).data
            return Response(
                data,
                status=status.HTTP_201_CREATED,
                headers={"ETag": etag(data), "Location": f"{request.path}{werknemer.uuid}/"},
            )

        return met_idempotentie(request, actor, uitvoeren)

    @extend_schema(
        request=WerknemerWijzigingSerializer,
        responses={
            200: WerknemerSerializer,
            412: OpenApiResponse(description="De werknemer is intussen gewijzigd (If-Match)."),
            428: OpenApiResponse(description="If-Match ontbreekt."),
        },
        parameters=[IF_MATCH_PARAMETER],
    )
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Wijzig een werknemer. Een einde dienstverband tijdens verzuim is ziek uit dienst
        (herstelmelding, DOMAIN §4.5); het BSN is niet te wijzigen."""
        actor = _actor(request)
        werknemer = self.get_object()
        verwacht = request.headers.get("If-Match")
        if not verwacht:
            return probleem(
                status.HTTP_428_PRECONDITION_REQUIRED,
                "Stuur de header If-Match met de ETag van de werknemer mee, zodat u geen "
                "wijziging van een ander overschrijft.",
            )
        invoer = WerknemerWijzigingSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        gegevens = dict(invoer.validated_data)
        loon = gegevens.pop("loon", None)
        if "loonheffingennummer" in gegevens:
            gegevens["loonheffingennummer"] = _nummer(actor, gegevens["loonheffingennummer"])
        try:
            with transaction.atomic():
                huidig = Werknemer.objects.select_for_update().get(pk=werknemer.pk)
                geldig = _etags(verwacht)
                if "*" not in geldig and etag(WerknemerSerializer(huidig).data) not in geldig:
                    return probleem(
                        status.HTTP_412_PRECONDITION_FAILED,
                        "De werknemer is gewijzigd sinds u hem ophaalde. Haal hem opnieuw op en "
                        "pas uw wijziging toe op de nieuwe gegevens.",
                    )
                werknemer = huidig
                if gegevens:
                    werknemer = werknemers_service.wijzig_werknemer(
                        door=actor, werknemer=huidig, gegevens=gegevens
                    )
                if loon is not None:
                    lonen_service.leg_loon_vast(door=actor, werknemer=werknemer, **loon)
        except DjangoValidationError as fout:
            return _fout(fout)
        return _met_etag(Response(WerknemerSerializer(werknemer).data))

    @extend_schema(
        methods=["GET"],
        responses={200: LoonSerializer(many=True)},
        description="De loongegevens van de werknemer, nieuwste eerst (DOMAIN §7.3).",
    )
    @extend_schema(
        methods=["POST"],
        request=LoonInvoerSerializer,
        responses={201: LoonSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
        description="Leg het loon vast vanaf een ingangsdatum; dezelfde datum opnieuw vervangt "
        "die regel. Eerdere regels blijven: zij horen bij verzuim dat eerder begon.",
    )
    @action(
        detail=True,
        methods=["get", "post"],
        pagination_class=None,
        # Wage data: only with "werknemersgegevens" (as the page), also for reading.
        diensten=(Dienst.WERKNEMERSGEGEVENS,),
        schrijfdiensten=(Dienst.WERKNEMERSGEGEVENS,),
    )
    def lonen(self, request: Request, uuid: str | None = None) -> Response:
        actor = _actor(request)
        werknemer = self.get_object()
        if request.method == "GET":
            access.gelezen(actor, werknemer, omschrijving="loongegevens")
            rijen = lonen_access.loongegevens(actor, werknemer=werknemer)
            return Response(LoonSerializer(rijen, many=True).data)

        def leg_vast(door: Actor, gegevens: dict[str, Any]) -> Response:
            loon = lonen_service.leg_loon_vast(door=door, werknemer=werknemer, **gegevens)
            return Response(LoonSerializer(loon).data, status=status.HTTP_201_CREATED)

        return schrijfverzoek(request, LoonInvoerSerializer, leg_vast)


def _etags(header: str) -> set[str]:
    return {deel.strip() for deel in header.split(",")}


class StatistiekView(APIView):
    """Verzuimcijfers van de werkgever over een periode (DOMAIN §6)."""

    diensten = (Dienst.OVERZICHTEN,)

    @extend_schema(
        parameters=[
            OpenApiParameter("begin", date, required=True, description="Eerste dag (JJJJ-MM-DD)."),
            OpenApiParameter("einde", date, required=True, description="Laatste dag (inclusief)."),
        ],
        responses={200: StatistiekSerializer},
    )
    def get(self, request: Request) -> Response:
        periode = _PeriodeSerializer(data=request.query_params)
        periode.is_valid(raise_exception=True)
        statistiek = berekening.bereken(
            werknemers=access.werknemers(_actor(request)), **periode.validated_data
        )
        return Response(StatistiekSerializer(statistiek).data)


class _PeriodeSerializer(serializers.Serializer[None]):
    begin = serializers.DateField()
    einde = serializers.DateField()

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["einde"] < attrs["begin"]:
            raise serializers.ValidationError({"einde": "Het einde ligt vóór het begin."})
        if (attrs["einde"] - attrs["begin"]).days > 3660:
            raise serializers.ValidationError({"einde": "Vraag ten hoogste tien jaar op."})
        if attrs["einde"] > timezone.localdate() + timedelta(days=366):
            raise serializers.ValidationError({"einde": "Kies een einde binnen een jaar vanaf nu."})
        return attrs


class VerzuimgevalViewSet(LeesViewSet[Verzuimgeval]):
    serializer_class = VerzuimgevalSerializer
    pagination_class = Paginering
    aantal_in_scopecache = True
    diensten = (Dienst.VERZUIM_MELDEN,)

    def get_queryset(self) -> QuerySet[Verzuimgeval]:
        if getattr(self, "swagger_fake_view", False):  # schema generation has no actor
            return Verzuimgeval.objects.none()
        gevallen = access.verzuimgevallen(_actor(self.request)).prefetch_related(
            Prefetch("mutaties", queryset=Verzuimmutatie.objects.order_by("ingangsdatum", "pk"))
        )
        if self.request.query_params.get("open") == "true":
            gevallen = gevallen.filter(einddatum__isnull=True)
        return gevallen.order_by("-eerste_ziektedag", "-pk")

    @extend_schema(
        parameters=[
            OpenApiParameter("open", bool, description="Alleen lopende verzuimgevallen (true).")
        ]
    )
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        lopend = request.query_params.get("open") == "true"
        access.lijst_gelezen(
            _actor(request),
            soort="verzuimgeval",
            omschrijving="lopende verzuimen (API)" if lopend else "verzuimgevallen (API)",
        )
        return super().list(request, *args, **kwargs)

    def get_object(self) -> Verzuimgeval:
        geval = access.verzuimgeval(_actor(self.request), uuid=self.kwargs["uuid"])
        return self.get_queryset().get(pk=geval.pk)  # with its mutations prefetched

    @extend_schema(
        request=HerstelmeldingSerializer,
        responses={200: VerzuimgevalSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def herstelmelding(self, request: Request, uuid: str | None = None) -> Response:
        """Meld (gedeeltelijk) herstel of ziek uit dienst (DOMAIN §4.1, §4.3, §4.5)."""
        geval = access.verzuimgeval(_actor(request), uuid=uuid or "")

        def meld(door: Actor, gegevens: dict[str, Any]) -> Response:
            verzuim_service.meld_herstel(door=door, verzuimgeval=geval, **gegevens)
            return Response(VerzuimgevalSerializer(self.get_queryset().get(pk=geval.pk)).data)

        return schrijfverzoek(request, HerstelmeldingSerializer, meld)

    @extend_schema(
        request=CorrectieSerializer,
        responses={200: VerzuimgevalSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def correctie(self, request: Request, uuid: str | None = None) -> Response:
        """Corrigeer de eerste ziektedag of de hersteldatum; de historie blijft (DOMAIN §4.6)."""
        actor = _actor(request)
        geval = access.verzuimgeval(actor, uuid=uuid or "")

        def uitvoeren() -> Response:
            invoer = CorrectieSerializer(data=request.data)
            invoer.is_valid(raise_exception=True)
            gegevens = invoer.validated_data
            try:
                if gegevens["wat"] == "eerste_ziektedag":
                    verzuim_service.corrigeer_eerste_ziektedag(
                        door=actor,
                        verzuimgeval=geval,
                        eerste_ziektedag=gegevens["datum"],
                        reden=gegevens["reden"],
                    )
                else:
                    verzuim_service.corrigeer_hersteldatum(
                        door=actor,
                        verzuimgeval=geval,
                        hersteldatum=gegevens["datum"],
                        reden=gegevens["reden"],
                    )
            except DjangoValidationError as fout:
                return _fout(fout)
            return Response(VerzuimgevalSerializer(self.get_queryset().get(pk=geval.pk)).data)

        return met_idempotentie(request, actor, uitvoeren)

    @extend_schema(responses={200: DossierSerializer})
    @action(detail=True, methods=["get"])
    def dossier(self, request: Request, uuid: str | None = None) -> Response:
        """De Poortwachtertermijnen van het (samengestelde) geval (DOMAIN §5, §5.1)."""
        geval = access.verzuimgeval(_actor(request), uuid=uuid or "")
        try:
            dossier = termijnen.voor_verzuimgeval(geval)
        except LookupError as fout:  # pragma: no cover - every spell belongs to a case
            raise Http404("Geen dossier voor dit verzuimgeval.") from fout
        g = dossier.geval
        return Response(
            DossierSerializer(
                {
                    "eerste_ziektedag": g.eerste_ziektedag,
                    "einddatum": g.einddatum,
                    "einde_loondoorbetaling": g.einde_loondoorbetaling,
                    "ziektedagen": g.ziektedagen,
                    "verzuimgevallen": [v.uuid for v in dossier.verzuimgevallen],
                    "stappen": g.stappen,
                }
            ).data
        )


class ZiekmeldingView(InzageGelogd, APIView):
    diensten = (Dienst.VERZUIM_MELDEN,)

    @extend_schema(
        request=ZiekmeldingSerializer,
        responses={201: VerzuimgevalSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
    )
    def post(self, request: Request) -> Response:
        """Meld een werknemer ziek (DOMAIN §4.1, §4.2)."""

        def meld(door: Actor, gegevens: dict[str, Any]) -> Response:
            werknemer = access.werknemer(door, uuid=gegevens.pop("werknemer"))
            geval = verzuim_service.meld_ziek(door=door, werknemer=werknemer, **gegevens)
            return Response(VerzuimgevalSerializer(geval).data, status=status.HTTP_201_CREATED)

        return schrijfverzoek(request, ZiekmeldingSerializer, meld)
