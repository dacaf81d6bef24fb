from django.urls import path

from . import views

app_name = "machtigingen"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("toegang-verlenen/", views.verlenen, name="verlenen"),
    path("bevestigen/", views.bevestigen, name="bevestigen"),
    path("<uuid:uuid>/niveau/", views.wijzigen, name="wijzigen"),
    path("<uuid:uuid>/intrekken/", views.intrekken, name="intrekken"),
]
