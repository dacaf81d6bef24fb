from django.urls import path

from . import views

app_name = "facturen"
urlpatterns = [
    path("<uuid:uuid>/", views.pdf, name="pdf"),
    path("premie/<uuid:uuid>/", views.premie_pdf, name="premie_pdf"),
]
