from django.urls import path

from . import views

app_name = "portaal"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("melding-verbergen/", views.melding_verbergen, name="melding_verbergen"),
    path("hulp/", views.hulp, name="hulp"),
]
