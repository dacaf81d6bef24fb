from django.urls import path

from . import views

app_name = "eigenrisicodragers"
urlpatterns = [
    path("", views.status, name="status"),
    path("controle/", views.controle, name="controle"),
    path("financieel/", views.financieel, name="financieel"),
    path("reintegratie-ww/", views.reintegratie_ww, name="reintegratie_ww"),
    path("document/<uuid:uuid>/", views.document, name="document"),
]
