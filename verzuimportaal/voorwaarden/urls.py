from django.urls import path

from . import views

app_name = "voorwaarden"
urlpatterns = [
    path("", views.tonen, name="tonen"),
    path("versie/<str:nummer>/", views.versie, name="versie"),
    path("accepteren/", views.accepteren, name="accepteren"),
    path("weigeren/", views.weigeren, name="weigeren"),
]
