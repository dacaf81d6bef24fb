from django.urls import path

from . import views

app_name = "statistiek"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("managementrapport/", views.managementrapport, name="managementrapport"),
]
