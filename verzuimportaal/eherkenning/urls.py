from django.urls import path
from mozilla_django_oidc.views import OIDCAuthenticationRequestView

from . import views

app_name = "eherkenning"
urlpatterns = [
    path("authenticate/", OIDCAuthenticationRequestView.as_view(), name="inloggen"),
    path("callback/", views.EHerkenningCallbackView.as_view(), name="callback"),
    path("geweigerd/", views.geweigerd, name="geweigerd"),
    path("gegevens/", views.gegevens, name="gegevens"),
    path("gegevens/bevestigen/", views.email_bevestigen, name="email_bevestigen"),
]
