from django.urls import path

from . import views

app_name = "verificatie"
urlpatterns = [
    path("", views.activeren, name="activeren"),
]
