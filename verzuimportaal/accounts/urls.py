from django.urls import path

from . import rechtenbeheer, views

app_name = "accounts"
urlpatterns = [
    path("inloggen/", views.InlogView.as_view(), name="login"),
    path("inloggen/nieuw-wachtwoord/", views.eerste_wachtwoord, name="eerste_wachtwoord"),
    path("inloggen/code/", views.tweede_factor, name="tweede_factor"),
    path("inloggen/geen-code/", views.geen_tweede_factor, name="geen_tweede_factor"),
    path("uitloggen/", views.UitlogView.as_view(), name="logout"),
    path("sessie/verlengen/", views.sessie_verlengen, name="sessie_verlengen"),
    path("taal/", views.taal_kiezen, name="taal"),
    path("sms-outbox/", views.sms_outbox, name="sms_outbox"),
    path(
        "wachtwoord-vergeten/", views.WachtwoordVergetenView.as_view(), name="wachtwoord_vergeten"
    ),
    path(
        "wachtwoord-vergeten/verstuurd/",
        views.WachtwoordVergetenVerstuurdView.as_view(),
        name="wachtwoord_vergeten_verstuurd",
    ),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        views.WachtwoordHerstellenView.as_view(),
        name="wachtwoord_herstellen",
    ),
    path(
        "wachtwoord-herstellen/klaar/",
        views.WachtwoordHersteldView.as_view(),
        name="wachtwoord_hersteld",
    ),
    path("mijn-account/", views.mijn_account, name="mijn_account"),
    path(
        "mijn-account/wachtwoord/",
        views.WachtwoordWijzigenView.as_view(),
        name="wachtwoord_wijzigen",
    ),
    path(
        "mijn-account/contactgegevens/",
        views.contactgegevens_wijzigen,
        name="contactgegevens_wijzigen",
    ),
    path("mijn-account/app/", views.app_instellen, name="app_instellen"),
    path("mijn-account/computers/intrekken/", views.apparaat_intrekken, name="apparaat_intrekken"),
    path("rechtenbeheer/", rechtenbeheer.overzicht, name="rechtenbeheer"),
    path("rechtenbeheer/nieuw/", rechtenbeheer.account_aanmaken, name="account_aanmaken"),
    path("rechtenbeheer/<uuid:uuid>/", rechtenbeheer.rechten_wijzigen, name="rechten_wijzigen"),
    path(
        "rechtenbeheer/<uuid:uuid>/deactiveren/",
        rechtenbeheer.account_deactiveren,
        name="account_deactiveren",
    ),
]
