from django.urls import path

from . import views

app_name = "lonen"
urlpatterns = [
    path("januari/", views.januari, name="januari"),
    path("<uuid:uuid>/", views.werknemer, name="werknemer"),
]
