from django.urls import path

from . import views

app_name = "verzamelspecificaties_beheer"
urlpatterns = [
    path("", views.beheer, name="overzicht"),
    path("<uuid:uuid>/", views.specificatieimport, name="import"),
    path("<uuid:uuid>/vastleggen/", views.vastleggen, name="vastleggen"),
]
