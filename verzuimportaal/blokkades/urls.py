from django.urls import path

from . import views

app_name = "blokkades"
urlpatterns = [path("melden/", views.melden, name="melden")]
