from django.urls import path

from . import views

app_name = "inzage"
urlpatterns = [
    path("<uuid:uuid>/json/", views.json_bestand, name="json"),
    path("<uuid:uuid>/pdf/", views.pdf_bestand, name="pdf"),
]
