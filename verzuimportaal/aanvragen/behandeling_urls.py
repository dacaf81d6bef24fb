from django.urls import path

from . import behandeling

app_name = "behandeling"
urlpatterns = [
    path("", behandeling.lijst, name="lijst"),
    path("<uuid:uuid>/", behandeling.detail, name="detail"),
    path("<uuid:uuid>/toewijzen/", behandeling.toewijzen, name="toewijzen"),
    path("<uuid:uuid>/informatie/", behandeling.informatie, name="informatie"),
    path("<uuid:uuid>/besluit/", behandeling.besluit, name="besluit"),
    path("bijlagen/<uuid:uuid>/", behandeling.bijlage, name="bijlage"),
]
