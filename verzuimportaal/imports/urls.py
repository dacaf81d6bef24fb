from django.urls import path

from . import views

app_name = "imports"
urlpatterns = [
    path("", views.start, name="start"),
    path("sjabloon/", views.sjabloon, name="sjabloon"),
    path("<uuid:uuid>/kolommen/", views.koppelen, name="koppelen"),
    path("<uuid:uuid>/proefdraai/", views.proefdraai, name="proefdraai"),
    path("<uuid:uuid>/voortgang/", views.voortgang, name="voortgang"),
    path("<uuid:uuid>/rapport/", views.importrapport, name="rapport"),
]
