from django.urls import path

from . import views

app_name = "toegang"
urlpatterns = [path("werkgever-kiezen/", views.kies_werkgever, name="kies_werkgever")]
