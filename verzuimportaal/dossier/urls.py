from django.urls import path

from . import views

app_name = "dossier"
urlpatterns = [
    path("activiteiten/", views.activiteiten, name="activiteiten"),
    path("<uuid:uuid>/", views.tijdlijn, name="tijdlijn"),
    path("<uuid:uuid>/activiteit/", views.activiteit_toevoegen, name="activiteit_toevoegen"),
    path("<uuid:uuid>/stap/", views.stap_afwerken, name="stap_afwerken"),
    path("<uuid:uuid>/document/", views.document_uploaden, name="document_uploaden"),
    path("<uuid:uuid>/verlenging/", views.verlenging, name="verlenging"),
    path("activiteit/<uuid:uuid>/wijzigen/", views.activiteit_wijzigen, name="activiteit_wijzigen"),
    path("activiteit/<uuid:uuid>/afwerken/", views.activiteit_afwerken, name="activiteit_afwerken"),
    path(
        "activiteit/<uuid:uuid>/heropenen/", views.activiteit_heropenen, name="activiteit_heropenen"
    ),
    path("document/<uuid:uuid>/", views.document, name="document"),
]
