from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.permissions import AllowAny
from rest_framework.routers import SimpleRouter

from verzuimportaal.koppelingen.views import TokenView

from . import verlof, views

router = SimpleRouter()
router.register("werknemers", views.WerknemerViewSet, basename="werknemer")
router.register("verzuimgevallen", views.VerzuimgevalViewSet, basename="verzuimgeval")
router.register("wazoverloven", verlof.WazoverlofViewSet, basename="wazoverlof")
router.register("zaken", verlof.ZaakViewSet, basename="zaak")

app_name = "api"
urlpatterns = [
    path("v1/", include(router.urls)),
    path("v1/ziekmeldingen/", views.ZiekmeldingView.as_view(), name="ziekmeldingen"),
    path("v1/statistiek/", views.StatistiekView.as_view(), name="statistiek"),
    # OAuth2 client credentials for API clients (koppelingen, ADR 0022).
    path("oauth/token/", TokenView.as_view(), name="token"),
    # The OpenAPI contract is public, like the committed docs/api/openapi.yaml.
    path("v1/schema/", SpectacularAPIView.as_view(permission_classes=[AllowAny]), name="schema"),
]
