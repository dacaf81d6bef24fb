from django.conf import settings
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("verzuimportaal.portaal.urls")),
    path("account/", include("verzuimportaal.accounts.urls")),
    path("oidc/", include("verzuimportaal.eherkenning.urls")),
    path("eherkenning/saml/", include("verzuimportaal.eherkenning.saml_urls")),
    path("toegang/", include("verzuimportaal.toegang.urls")),
    path("werknemers/", include("verzuimportaal.werknemers.urls")),
    path("verzuim/", include("verzuimportaal.verzuim.urls")),
    path("beheer/", admin.site.urls),
]

if settings.EHERKENNING_SIMULATOR_ENABLED:
    # Demo/test only: the simulator is mounted here and reached over HTTP, never imported.
    urlpatterns.append(path("eherkenning-simulator/", include("eherkenning_simulator.urls")))
