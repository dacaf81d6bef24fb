from django.urls import path

from . import views

app_name = "aanvragen"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("<uuid:uuid>/", views.detail, name="detail"),
    path("<uuid:uuid>/beantwoorden/", views.beantwoorden, name="beantwoorden"),
    path("bijlagen/<uuid:uuid>/", views.bijlage, name="bijlage"),
]
