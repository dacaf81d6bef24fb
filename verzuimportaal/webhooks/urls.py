from django.urls import path

from . import views

app_name = "webhooks"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("<uuid:uuid>/stoppen/", views.stoppen, name="stoppen"),
    path("<uuid:uuid>/leveringen/", views.leveringen, name="leveringen"),
]
