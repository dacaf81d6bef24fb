from django.urls import path

from . import views

app_name = "bezwaar"
urlpatterns = [
    path("", views.start, name="start"),
    path("besluit/<uuid:uuid>/", views.tegen_besluit, name="tegen_besluit"),
    path("ander-besluit/", views.ander_besluit, name="ander_besluit"),
]
