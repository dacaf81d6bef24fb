from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("inloggen/", views.InlogView.as_view(), name="login"),
    path("uitloggen/", views.UitlogView.as_view(), name="logout"),
    path("sessie/verlengen/", views.sessie_verlengen, name="sessie_verlengen"),
]
