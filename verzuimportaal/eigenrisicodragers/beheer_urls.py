from django.urls import path

from . import views

app_name = "eigenrisicodragers_beheer"
urlpatterns = [
    path("", views.beheer, name="overzicht"),
    path("<uuid:uuid>/", views.erdimport, name="import"),
    path("<uuid:uuid>/vastleggen/", views.vastleggen, name="vastleggen"),
]
