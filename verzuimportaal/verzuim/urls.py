from django.urls import path

from . import views

app_name = "verzuim"
urlpatterns = [
    path("", views.lopend, name="lopend"),
    path("<uuid:uuid>/", views.detail, name="detail"),
    path("<uuid:uuid>/hersteld-melden/", views.hersteld_melden, name="hersteld_melden"),
    path("<uuid:uuid>/corrigeren/", views.corrigeren, name="corrigeren"),
    path("<uuid:uuid>/percentage-wijzigen/", views.percentage_wijzigen, name="percentage_wijzigen"),
    path("ziek-melden/<uuid:uuid>/", views.ziek_melden, name="ziek_melden"),
    path("<uuid:uuid>/zelfde-oorzaak/", views.zelfde_oorzaak, name="zelfde_oorzaak"),
]
