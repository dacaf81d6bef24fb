from django.urls import path

from . import views

app_name = "werknemers"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("aanmelden/", views.aanmelden, name="aanmelden"),
    path("<uuid:uuid>/", views.detail, name="detail"),
    path("<uuid:uuid>/wijzigen/", views.wijzigen, name="wijzigen"),
]
