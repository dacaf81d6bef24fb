from django.urls import path

from . import beheer

app_name = "polisbeheer"
urlpatterns = [
    path("", beheer.lijst, name="lijst"),
    path("<int:pk>/", beheer.werkgever, name="werkgever"),
]
