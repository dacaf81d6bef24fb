from django.urls import path

from . import views

app_name = "uitkeringen"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("maand/", views.maand, name="maand"),
    path("werknemer/<uuid:uuid>/", views.werknemer, name="werknemer"),
]
