from django.urls import path

from . import views

app_name = "doelgroepregister"
urlpatterns = [
    path("", views.raadplegen, name="raadplegen"),
]
