from django.urls import path

from . import views

app_name = "overzichten"
urlpatterns = [
    path("", views.index, name="index"),
    path("algemeen/", views.algemeen, name="algemeen"),
    path("verzekeraar/", views.verzekeraar, name="verzekeraar"),
    path("werknemer/<uuid:uuid>/", views.werknemer, name="werknemer"),
    path("mutaties/", views.mutaties, name="mutaties"),
    path("werknemerslijst/", views.werknemerslijst, name="werknemerslijst"),
]
