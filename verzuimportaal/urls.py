from django.conf import settings
from django.contrib import admin
from django.urls import include, path

# The database unreachable (restart, failover): a Dutch 503 page instead of a 500 (runtime app).
handler500 = "verzuimportaal.runtime.views.serverfout"

urlpatterns = [
    path("", include("verzuimportaal.portaal.urls")),
    path("account/", include("verzuimportaal.accounts.urls")),
    path("oidc/", include("verzuimportaal.eherkenning.urls")),
    path("eherkenning/saml/", include("verzuimportaal.eherkenning.saml_urls")),
    path("toegang/", include("verzuimportaal.toegang.urls")),
    path("werknemers/importeren/", include("verzuimportaal.imports.urls")),
    path("werknemers/", include("verzuimportaal.werknemers.urls")),
    path("verzuim/", include("verzuimportaal.verzuim.urls")),
    path("wazo/", include("verzuimportaal.wazo.urls")),
    path("aanvragen/", include("verzuimportaal.aanvragen.urls")),
    path("ontslag/", include("verzuimportaal.ontslag.urls")),
    path("bezwaar/", include("verzuimportaal.bezwaar.urls")),
    path("reintegratieverslag/", include("verzuimportaal.reintegratieverslag.urls")),
    path("dossier/", include("verzuimportaal.dossier.urls")),
    path("overzichten/", include("verzuimportaal.overzichten.urls")),
    path("statistiek/", include("verzuimportaal.statistiek.urls")),
    path("financien/", include("verzuimportaal.uitkeringen.urls")),
    path("financien/uwv/", include("verzuimportaal.verzamelspecificaties.urls")),
    path("lonen/", include("verzuimportaal.lonen.urls")),
    path("facturen/", include("verzuimportaal.facturen.urls")),
    path("reintegratiekosten/", include("verzuimportaal.reintegratiekosten.urls")),
    path("berichten/", include("verzuimportaal.berichten.urls")),
    path("audit/", include("verzuimportaal.audit.urls")),
    path("inzage/", include("verzuimportaal.inzage.urls")),
    path("machtigingen/", include("verzuimportaal.machtigingen.urls")),
    path("voorwaarden/", include("verzuimportaal.voorwaarden.urls")),
    path("misbruik/", include("verzuimportaal.blokkades.urls")),
    path("verificatie/", include("verzuimportaal.verificatie.urls")),
    path("koppelingen/", include("verzuimportaal.koppelingen.urls")),
    path("webhooks/", include("verzuimportaal.webhooks.urls")),
    path("doelgroepregister/", include("verzuimportaal.doelgroepregister.urls")),
    path("eigenrisicodragers/", include("verzuimportaal.eigenrisicodragers.urls")),
    path("api/", include("verzuimportaal.api.urls")),
    # The behandelaarsomgeving of the operator's staff (ADR 0027), before Django admin.
    path("beheer/behandeling/", include("verzuimportaal.aanvragen.behandeling_urls")),
    # The operator's imports of the doelgroepregister and ERD data (ADR 0040).
    path("beheer/doelgroepregister/", include("verzuimportaal.doelgroepregister.beheer_urls")),
    path("beheer/eigenrisicodragers/", include("verzuimportaal.eigenrisicodragers.beheer_urls")),
    # Polisbeheer of the operator's staff (DOMAIN §7.3), before Django admin.
    path("beheer/polissen/", include("verzuimportaal.polissen.beheer_urls")),
    # The UWV feed, the maximumdagloon table and vangnet decisions (DOMAIN §7.2, ADR 0045).
    path(
        "beheer/uwv-specificaties/",
        include("verzuimportaal.verzamelspecificaties.beheer_urls"),
    ),
    path("beheer/", admin.site.urls),
]

if settings.EHERKENNING_SIMULATOR_ENABLED:
    # Demo/test only: the simulator is mounted here and reached over HTTP, never imported.
    urlpatterns.append(path("eherkenning-simulator/", include("eherkenning_simulator.urls")))

# Under /api/ a 404 is a problem detail (RFC 9457), also before DRF (api/fouten.py).
handler404 = "verzuimportaal.api.fouten.niet_gevonden"
