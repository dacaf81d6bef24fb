from django.urls import path

from . import views

app_name = "lonen"
urlpatterns = [path("<uuid:uuid>/", views.werknemer, name="werknemer")]
