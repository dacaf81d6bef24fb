from django.urls import path

from . import views

app_name = "verzamelspecificaties"
urlpatterns = [path("", views.maand, name="maand")]
