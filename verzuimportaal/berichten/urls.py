from django.urls import path

from . import views

app_name = "berichten"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<uuid:uuid>/", views.detail, name="detail"),
    path("<uuid:uuid>/document/", views.document, name="document"),
]
