"""API v1: werknemers and verzuim of the acting werkgever, with the portal's rights.

Reads come from the access module only; writes call the same services as the pages.
"""

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from verzuimportaal.audit import service as audit
from verzuimportaal.toegang import access
from verzuimportaal.toegang.actor import Actor
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.verzuim import service as verzuim_service
from verzuimportaal.verzuim.models import Verzuimgeval, Verzuimmutatie
from verzuimportaal.werknemers.models import Werknemer

from .idempotentie import HEADER, met_idempotentie
from .serializers import (
    HerstelmeldingSerializer,
    VerzuimgevalSerializer,
    WerknemerSerializer,
    ZiekmeldingSerializer,
)

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


class InzageGelogd:
    """Writes the reads the fetchers noted during this request to the audit log, once, also
    for an error answer (ADR 0014): the API logs exactly what the pages log."""

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        actor = getattr(request, "actor", None)
        if isinstance(actor, Actor):
            audit.registreer_inzage(door=actor)
        return super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]


def _fout(fout: DjangoValidationError) -> Response:
    if hasattr(fout, "error_dict"):
        body: Any = fout.message_dict
    else:
        body = {"non_field_errors": fout.messages}
    return Response(body, status=status.HTTP_400_BAD_REQUEST)


class WerknemerViewSet(InzageGelogd, viewsets.ReadOnlyModelViewSet[Werknemer]):
    serializer_class = WerknemerSerializer
    lookup_field = "uuid"
    lookup_value_converter = "uuid"
    diensten = (Dienst.WERKNEMERSGEGEVENS, Dienst.VERZUIM_MELDEN)

    def get_queryset(self) -> QuerySet[Werknemer]:
        if getattr(self, "swagger_fake_view", False):  # schema generation has no actor
            return Werknemer.objects.none()
        return access.werknemers(_actor(self.request)).order_by("achternaam", "pk")

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        access.lijst_gelezen(_actor(request), soort="werknemer", omschrijving="werknemers (API)")
        return super().list(request, *args, **kwargs)

    def get_object(self) -> Werknemer:
        return access.werknemer(_actor(self.request), uuid=self.kwargs["uuid"])


class VerzuimgevalViewSet(
    InzageGelogd,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet[Verzuimgeval],
):
    serializer_class = VerzuimgevalSerializer
    lookup_field = "uuid"
    lookup_value_converter = "uuid"
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
        actor = _actor(request)
        geval = access.verzuimgeval(actor, uuid=uuid or "")

        def uitvoeren() -> Response:
            invoer = HerstelmeldingSerializer(data=request.data)
            invoer.is_valid(raise_exception=True)
            try:
                verzuim_service.meld_herstel(
                    door=actor, verzuimgeval=geval, **invoer.validated_data
                )
            except DjangoValidationError as fout:
                return _fout(fout)
            return Response(VerzuimgevalSerializer(self.get_queryset().get(pk=geval.pk)).data)

        return met_idempotentie(request, actor, uitvoeren)


class ZiekmeldingView(InzageGelogd, APIView):
    diensten = (Dienst.VERZUIM_MELDEN,)

    @extend_schema(
        request=ZiekmeldingSerializer,
        responses={201: VerzuimgevalSerializer},
        parameters=[IDEMPOTENCY_PARAMETER],
    )
    def post(self, request: Request) -> Response:
        """Meld een werknemer ziek (DOMAIN §4.1, §4.2)."""
        actor = _actor(request)

        def uitvoeren() -> Response:
            invoer = ZiekmeldingSerializer(data=request.data)
            invoer.is_valid(raise_exception=True)
            gegevens = dict(invoer.validated_data)
            werknemer = access.werknemer(actor, uuid=gegevens.pop("werknemer"))
            try:
                geval = verzuim_service.meld_ziek(door=actor, werknemer=werknemer, **gegevens)
            except DjangoValidationError as fout:
                return _fout(fout)
            return Response(VerzuimgevalSerializer(geval).data, status=status.HTTP_201_CREATED)

        return met_idempotentie(request, actor, uitvoeren)
