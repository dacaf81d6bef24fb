from django.urls import path

from . import views

app_name = "koppelingen"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("registreren/", views.registreren, name="registreren"),
    path("<uuid:uuid>/secret-vernieuwen/", views.vernieuwen, name="vernieuwen"),
    path("<uuid:uuid>/intrekken/", views.intrekken, name="intrekken"),
]
