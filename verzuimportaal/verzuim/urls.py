from django.urls import path

from . import views

app_name = "verzuim"
urlpatterns = [
    path("", views.lopend, name="lopend"),
    path("<uuid:uuid>/", views.detail, name="detail"),
    path("<uuid:uuid>/hersteld-melden/", views.hersteld_melden, name="hersteld_melden"),
    path("ziek-melden/<uuid:uuid>/", views.ziek_melden, name="ziek_melden"),
]
