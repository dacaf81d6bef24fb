from django.urls import path

from . import views

app_name = "reintegratiekosten"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("aanvragen/", views.aanvragen, name="aanvragen"),
    path("loonsanctie/", views.loonsanctie, name="loonsanctie"),
    path("<uuid:uuid>/", views.detail, name="detail"),
    path("<uuid:uuid>/nota/", views.nota, name="nota"),
]
