from django.urls import path

from . import views

app_name = "doelgroepregister_beheer"
urlpatterns = [
    path("", views.beheer, name="overzicht"),
    path("<uuid:uuid>/", views.registerimport, name="import"),
    path("<uuid:uuid>/vastleggen/", views.vastleggen, name="vastleggen"),
]
