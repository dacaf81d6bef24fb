"""URLs of the eHerkenning simulator. Mount the whole module under one prefix:

    path("eherkenning-simulator/", include("eherkenning_simulator.urls"))

The OIDC endpoints live under ``o/`` in the namespace ``oauth2_provider`` (django-oauth-toolkit
reverses its own URL names); the simulator's pages in the namespace ``eherkenning_simulator``.
"""

from django.urls import include, path, re_path
from oauth2_provider import views as oauth2_views

from . import views

oidc_patterns = [
    path("authorize/", views.AutorisatieView.as_view(), name="authorize"),
    path("token/", oauth2_views.TokenView.as_view(), name="token"),
    path("revoke_token/", oauth2_views.RevokeTokenView.as_view(), name="revoke-token"),
    re_path(
        r"^\.well-known/openid-configuration/?$",
        views.DiscoveryView.as_view(),
        name="oidc-connect-discovery-info",
    ),
    path(".well-known/jwks.json", oauth2_views.JwksInfoView.as_view(), name="jwks-info"),
    path("userinfo/", oauth2_views.UserInfoView.as_view(), name="user-info"),
    path("logout/", views.UitlogView.as_view(), name="rp-initiated-logout"),
]

simulator_patterns = [
    path("", views.index, name="index"),
    path("inloggen/", views.inloggen, name="inloggen"),
    path("inloggen/sms/", views.sms_code, name="sms_code"),
    path("uitloggen/", views.uitloggen, name="uitloggen"),
    path("kiezen/", views.kies_organisatie, name="kiezen"),
    path("sms/", views.sms_outbox, name="sms_outbox"),
    path("beheer/", views.beheer_start, name="beheer"),
    path("beheer/<str:kvk>/", views.beheer_organisatie, name="beheer_organisatie"),
    path("beheer/<str:kvk>/machtiging/", views.machtiging_verlenen, name="machtiging_verlenen"),
    path(
        "beheer/<str:kvk>/machtiging/<int:pk>/intrekken/",
        views.machtiging_intrekken,
        name="machtiging_intrekken",
    ),
    path(
        "beheer/<str:kvk>/ketenmachtiging/",
        views.ketenmachtiging_verlenen,
        name="ketenmachtiging_verlenen",
    ),
    path(
        "beheer/<str:kvk>/ketenmachtiging/<int:pk>/intrekken/",
        views.ketenmachtiging_intrekken,
        name="ketenmachtiging_intrekken",
    ),
    path(
        "beheer/<str:kvk>/ketenmachtiging/<int:pk>/medewerker/",
        views.ketenmedewerker_machtigen,
        name="ketenmedewerker_machtigen",
    ),
    path(
        "beheer/<str:kvk>/ketenmedewerker/<int:pk>/intrekken/",
        views.ketenmedewerker_intrekken,
        name="ketenmedewerker_intrekken",
    ),
]

urlpatterns = [
    path("o/", include((oidc_patterns, "oauth2_provider"))),
    path("", include((simulator_patterns, "eherkenning_simulator"))),
]
