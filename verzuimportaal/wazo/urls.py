from django.urls import path

from . import views

app_name = "wazo"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("<uuid:uuid>/", views.detail, name="detail"),
    path("<uuid:uuid>/geboorte-melden/", views.geboorte_melden, name="geboorte_melden"),
    path(
        "zwangerschapsverlof-melden/<uuid:uuid>/",
        views.zwangerschapsverlof_melden,
        name="zwangerschapsverlof_melden",
    ),
    path(
        "aanvullend-geboorteverlof-melden/<uuid:uuid>/",
        views.aanvullend_geboorteverlof_melden,
        name="aanvullend_geboorteverlof_melden",
    ),
    path(
        "adoptieverlof-melden/<uuid:uuid>/",
        views.adoptieverlof_melden,
        name="adoptieverlof_melden",
    ),
]
