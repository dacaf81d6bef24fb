from django.urls import path

from . import views

# Mounted at /eherkenning/saml/; the ACS path must match EHERKENNING_SAML_ACS_PAD (saml.acs_pad).
app_name = "eherkenning_saml"
urlpatterns = [
    path("inloggen/", views.saml_inloggen, name="inloggen"),
    path("acs/", views.saml_acs, name="acs"),
]
