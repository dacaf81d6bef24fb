from django.urls import path

from . import views

app_name = "ontslag"
urlpatterns = [
    path("", views.start, name="start"),
    path("aanvraag/<uuid:uuid>/", views.ontslagaanvraag, name="ontslagaanvraag"),
    path("compensatie/<uuid:uuid>/", views.compensatie, name="compensatie"),
]
