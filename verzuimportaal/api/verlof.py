"""API v1: WAZO leave (DOMAIN §7.1) and the werkgever's cases at the operator (ADR 0027).

Reads come from the access module; the meldingen call ``wazo.service``, as the pages do. All under
the service "verzuim melden" (Ziektewet and WAZO, DOMAIN §3).
"""

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from verzuimportaal.aanvragen import access as aanvragen_access
from verzuimportaal.aanvragen.models import Zaak
from verzuimportaal.toegang import access
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.wazo import access as wazo_access
from verzuimportaal.wazo import service as wazo_service
from verzuimportaal.wazo.models import Wazoverlof

from .serializers import (
    AanvullendGeboorteverlofSerializer,
    AdoptieverlofSerializer,
    GeboorteSerializer,
    WazoverlofSerializer,
    ZaakSerializer,
    ZwangerschapsverlofSerializer,
)
from .views import IDEMPOTENCY_PARAMETER, LeesViewSet, Paginering, _actor, schrijfverzoek

Melding = Callable[..., Wazoverlof]


class WazoverlofViewSet(LeesViewSet[Wazoverlof]):
    serializer_class = WazoverlofSerializer
    pagination_class = Paginering
    diensten = (Dienst.VERZUIM_MELDEN,)

    def get_queryset(self) -> QuerySet[Wazoverlof]:
        if getattr(self, "swagger_fake_view", False):  # schema generation has no actor
            return Wazoverlof.objects.none()
        verloven = wazo_access.wazoverloven(_actor(self.request)).select_related("zaak")
        werknemer = self.request.query_params.get("werknemer")
        if werknemer:
            veld = serializers.UUIDField()
            try:
                verloven = verloven.filter(werknemer__uuid=veld.to_internal_value(werknemer))
            except serializers.ValidationError as fout:
                raise serializers.ValidationError({"werknemer": fout.detail}) from fout
        return verloven.order_by("-eerste_dag", "-pk")

    @extend_schema(
        parameters=[
            OpenApiParameter("werknemer", str, description="Alleen het verlof van deze werknemer.")
        ]
    )
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Het WAZO-verlof van de werknemers, met de berekende verlofperiode (DOMAIN §7.1)."""
        access.lijst_gelezen(_actor(request), soort="wazoverlof", omschrijving="WAZO-verlof (API)")
        return super().list(request, *args, **kwargs)

    def get_object(self) -> Wazoverlof:
        return wazo_access.wazoverlof(_actor(self.request), uuid=self.kwargs["uuid"])

    def _meld(
        self,
        request: Request,
        invoer_klasse: type[serializers.Serializer[None]],
        melding: Melding,
    ) -> Response:
        def meld(door: Actor, gegevens: dict[str, Any]) -> Response:
            werknemer = access.werknemer(door, uuid=gegevens.pop("werknemer"))
            verlof = melding(door=door, werknemer=werknemer, **gegevens)
            return Response(WazoverlofSerializer(verlof).data, status=status.HTTP_201_CREATED)

        return schrijfverzoek(request, invoer_klasse, meld)

    @extend_schema(
        request=ZwangerschapsverlofSerializer,
        responses={201: WazoverlofSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
    )
    @action(detail=False, methods=["post"])
    def zwangerschapsverlof(self, request: Request) -> Response:
        """Meld zwangerschaps- en bevallingsverlof (DOMAIN §7.1). Te laat aangevraagd wordt
        aangenomen en gemarkeerd (te_laat); te vroeg wordt geweigerd met de datum waarop het
        wel kan."""
        return self._meld(
            request, ZwangerschapsverlofSerializer, wazo_service.meld_zwangerschapsverlof
        )

    @extend_schema(
        request=AanvullendGeboorteverlofSerializer,
        responses={201: WazoverlofSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
    )
    @action(detail=False, methods=["post"], url_path="aanvullend-geboorteverlof")
    def aanvullend_geboorteverlof(self, request: Request) -> Response:
        """Meld aanvullend geboorteverlof van de partner: 1 tot en met 5 weken binnen 6 maanden
        na de geboorte (DOMAIN §7.1)."""
        return self._meld(
            request,
            AanvullendGeboorteverlofSerializer,
            wazo_service.meld_aanvullend_geboorteverlof,
        )

    @extend_schema(
        request=AdoptieverlofSerializer,
        responses={201: WazoverlofSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
    )
    @action(detail=False, methods=["post"])
    def adoptieverlof(self, request: Request) -> Response:
        """Meld adoptie- of pleegzorgverlof: ten hoogste 6 weken, van 4 weken vóór tot 22 weken
        na de komst van het kind (DOMAIN §7.1)."""
        return self._meld(request, AdoptieverlofSerializer, wazo_service.meld_adoptieverlof)

    @extend_schema(
        request=GeboorteSerializer,
        responses={200: WazoverlofSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
    )
    @action(detail=True, methods=["post"])
    def geboorte(self, request: Request, uuid: str | None = None) -> Response:
        """Meld de geboorte bij zwangerschaps- en bevallingsverlof; de verlofperiode wordt
        opnieuw berekend (DOMAIN §7.1)."""
        verlof = self.get_object()

        def meld(door: Actor, gegevens: dict[str, Any]) -> Response:
            bijgewerkt = wazo_service.meld_geboorte(door=door, verlof=verlof, **gegevens)
            return Response(WazoverlofSerializer(bijgewerkt).data)

        return schrijfverzoek(request, GeboorteSerializer, meld)


# Status and decision of the werkgever's cases; the receiver of the webhook ``besluit.genomen``
# reads the case here (ADR 0023).
class ZaakViewSet(LeesViewSet[Zaak]):
    serializer_class = ZaakSerializer
    pagination_class = Paginering
    diensten = (Dienst.VERZUIM_MELDEN,)

    def get_queryset(self) -> QuerySet[Zaak]:
        if getattr(self, "swagger_fake_view", False):  # schema generation has no actor
            return Zaak.objects.none()
        return aanvragen_access.zaken(_actor(self.request)).order_by("-ontvangen_op", "-pk")

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """De aanvragen van de werkgever bij de uitvoerder, met status en besluit."""
        access.lijst_gelezen(_actor(request), soort="zaak", omschrijving="aanvragen (API)")
        return super().list(request, *args, **kwargs)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Eén aanvraag met status en besluit (de besluitbrief staat in de inbox)."""
        return super().retrieve(request, *args, **kwargs)

    def get_object(self) -> Zaak:
        return aanvragen_access.zaak(_actor(self.request), uuid=self.kwargs["uuid"])
