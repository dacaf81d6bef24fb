from django.urls import path

from . import views

app_name = "reintegratieverslag"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("<uuid:uuid>/", views.verslag, name="verslag"),
    path("<uuid:uuid>/indienen/", views.indienen, name="indienen"),
]
