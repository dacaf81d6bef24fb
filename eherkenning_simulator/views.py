"""Pages of the simulator: the leverancier's login (password + SMS), the makelaar's
organisation choice, the OIDC endpoints that need the simulator's session, and the
beheermodule. The simulator session is separate from Django's auth (``sessie.py``).
"""

import json
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from oauth2_provider.exceptions import OAuthToolkitError
from oauth2_provider.models import get_application_model
from oauth2_provider.views import AuthorizationView, ConnectDiscoveryInfoView, RPInitiatedLogoutView
from oauthlib.common import add_params_to_uri

from . import service, sessie
from .forms import (
    InloggenForm,
    KetenGebruikerForm,
    KetenmachtigingForm,
    KiesOrganisatieForm,
    MachtigingForm,
    SmsCodeForm,
)
from .models import (
    Dienst,
    Ketenmachtiging,
    KetenmachtigingGebruiker,
    Machtiging,
    Organisatie,
    Persoon,
    SmsBericht,
)
from .oidc import VERZOEK_AUTH_TIME, VERZOEK_PERSOON, VERZOEK_VERTEGENWOORDIGING


def _veilige_next(request: HttpRequest, standaard: str) -> str:
    """A local path to continue to; anything else (other host, scheme) falls back (§9)."""
    doel = request.POST.get("next") or request.GET.get("next") or ""
    if (
        doel.startswith("/")
        and not doel.startswith("//")
        and url_has_allowed_host_and_scheme(
            doel, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return doel
    return standaard


def _met_next(url: str, next_url: str) -> str:
    return f"{url}?{urlencode({'next': next_url})}"


def _melding(
    request: HttpRequest, titel: str, tekst: str, status: int, **extra: Any
) -> HttpResponse:
    context = {"titel": titel, "tekst": tekst, **extra}
    return render(request, "eherkenning_simulator/melding.html", context, status=status)


def persoon_vereist(
    view: Callable[..., HttpResponseBase],
) -> Callable[..., HttpResponseBase]:
    """Require a completed simulator login; passes the person as ``persoon``."""

    @wraps(view)
    def omhulsel(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        persoon = sessie.ingelogde_persoon(request)
        if persoon is None:
            return redirect(_met_next(reverse("eherkenning_simulator:inloggen"), request.path))
        return view(request, *args, persoon=persoon, **kwargs)

    return omhulsel


# --- Index and SMS outbox (demo conveniences) ---------------------------------------------


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    personen = (
        Persoon.objects.select_related("middel", "organisatie", "middel__leverancier")
        .prefetch_related(
            Prefetch(
                "machtigingen",
                queryset=Machtiging.objects.filter(ingetrokken_op__isnull=True).select_related(
                    "organisatie"
                ),
                to_attr="actieve_machtigingen",
            ),
            Prefetch(
                "ketenmachtigingen",
                queryset=KetenmachtigingGebruiker.objects.filter(
                    ingetrokken_op__isnull=True, ketenmachtiging__ingetrokken_op__isnull=True
                ).select_related("ketenmachtiging__organisatie"),
                to_attr="actieve_ketenmachtigingen",
            ),
            "beheerrollen__organisatie",
        )
        .order_by("middel__gebruikersnaam")
    )
    context = {
        "personen": personen,
        "persoon": sessie.ingelogde_persoon(request),
        "discovery_url": request.build_absolute_uri(
            reverse("oauth2_provider:oidc-connect-discovery-info")
        ),
    }
    return render(request, "eherkenning_simulator/index.html", context)


@require_GET
def sms_outbox(request: HttpRequest) -> HttpResponse:
    berichten = SmsBericht.objects.select_related("persoon__middel")[:25]
    return render(request, "eherkenning_simulator/sms_outbox.html", {"berichten": berichten})


# --- Login: password, then SMS code -------------------------------------------------------


@require_http_methods(["GET", "POST"])
def inloggen(request: HttpRequest) -> HttpResponse:
    next_url = _veilige_next(request, reverse("eherkenning_simulator:index"))
    form = InloggenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        persoon = service.controleer_inlog(
            gebruikersnaam=form.cleaned_data["gebruikersnaam"],
            wachtwoord=form.cleaned_data["wachtwoord"],
        )
        if persoon is None:
            form.add_error(
                None,
                _(
                    "De combinatie van gebruikersnaam en wachtwoord is onbekend. Controleer uw "
                    "gegevens en probeer het opnieuw."
                ),
            )
        elif service.vereist_sms(persoon):
            bericht = service.verstuur_sms_code(persoon=persoon)
            sessie.start_sms(request, persoon, bericht)
            return redirect(_met_next(reverse("eherkenning_simulator:sms_code"), next_url))
        else:
            sessie.meld_aan(request, persoon)
            return redirect(next_url)
    context = {"form": form, "next": next_url, "persoon": sessie.ingelogde_persoon(request)}
    return render(request, "eherkenning_simulator/inloggen.html", context)


@require_http_methods(["GET", "POST"])
def sms_code(request: HttpRequest) -> HttpResponse:
    next_url = _veilige_next(request, reverse("eherkenning_simulator:index"))
    opnieuw_url = _met_next(reverse("eherkenning_simulator:inloggen"), next_url)
    lopend = sessie.sms_in_behandeling(request)
    if lopend is None:
        return redirect(opnieuw_url)
    persoon, bericht_id = lopend
    form = SmsCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        uitkomst, resterend = service.controleer_sms_code(
            bericht_id=bericht_id, persoon=persoon, code=form.cleaned_data["code"]
        )
        if uitkomst is service.SmsUitkomst.GOED:
            sessie.meld_aan(request, persoon)
            return redirect(next_url)
        if uitkomst is service.SmsUitkomst.ONJUIST:
            form.add_error(
                "code",
                _("De code is onjuist. U kunt het nog %(n)s keer proberen.") % {"n": resterend},
            )
        else:
            sessie.stop_sms(request)
            tekst = (
                _("De sms-code is verlopen. Log opnieuw in; u krijgt dan een nieuwe code.")
                if uitkomst is service.SmsUitkomst.VERLOPEN
                else _(
                    "U heeft 3 keer een onjuiste sms-code ingevuld. Deze inlogpoging is "
                    "geblokkeerd. Log opnieuw in; u krijgt dan een nieuwe code."
                )
            )
            return _melding(
                request,
                _("Inloggen niet gelukt"),
                tekst,
                status=403,
                link_url=opnieuw_url,
                link_tekst=_("Opnieuw inloggen"),
            )
    telefoon = persoon.middel.telefoonnummer
    context = {"form": form, "next": next_url, "telefoon_eind": telefoon[-2:]}
    return render(request, "eherkenning_simulator/sms.html", context)


@require_POST
def uitloggen(request: HttpRequest) -> HttpResponse:
    sessie.meld_af(request)
    messages.info(request, _("U bent uitgelogd bij de eHerkenning simulator."))
    return redirect("eherkenning_simulator:index")


# --- Makelaar: organisation choice and the OIDC endpoints ---------------------------------


def _client_uit_next(next_url: str) -> str:
    return parse_qs(urlparse(next_url).query).get("client_id", [""])[0]


@require_http_methods(["GET", "POST"])
def kies_organisatie(request: HttpRequest) -> HttpResponse:
    """'Namens welke organisatie wilt u inloggen?' — then back to the authorize endpoint."""
    next_url = _veilige_next(request, "")
    if urlparse(next_url).path != reverse("oauth2_provider:authorize"):
        return _melding(
            request,
            _("Ongeldig verzoek"),
            _("Start het inloggen opnieuw vanuit de dienst waar u wilt inloggen."),
            status=400,
        )
    persoon = sessie.ingelogde_persoon(request)
    if persoon is None:
        return redirect(next_url)
    client_id = _client_uit_next(next_url)
    dienstverlener = service.dienstverlener_voor_client(client_id=client_id)
    if dienstverlener is None:
        raise Http404
    opties = service.aanmeldopties(persoon=persoon, dienstverlener=dienstverlener)
    form = KiesOrganisatieForm(
        request.POST or None, keuzes=[(o.sleutel, o.omschrijving) for o in opties]
    )
    if request.method == "POST" and form.is_valid():
        sessie.bewaar_keuze(request, client_id=client_id, sleutel=form.cleaned_data["optie"])
        return redirect(next_url)
    context = {"form": form, "next": next_url, "dienstverlener": dienstverlener}
    return render(request, "eherkenning_simulator/kiezen.html", context)


class AutorisatieView(AuthorizationView):
    """DOT's authorization endpoint with the broker's steps in front of it.

    Login at the simulator → choose the represented organisation when there are several →
    the code is issued without a consent screen (brokers do not ask consent), with the chosen
    context attached for the token endpoint.
    """

    login_url = reverse_lazy("eherkenning_simulator:inloggen")
    template_name = "eherkenning_simulator/fout.html"
    http_method_names = ["get"]
    persoon: Persoon | None = None
    vertegenwoordiging: service.Vertegenwoordiging | None = None

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        # Only the simulator's own login counts here, never a portal user in the same session.
        self.persoon = sessie.ingelogde_persoon(request)
        request.user = self.persoon.gebruiker if self.persoon else AnonymousUser()
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        prompt = set(request.GET.get("prompt", "").split())
        if "login" in prompt:
            return self.handle_prompt_login()
        try:
            scopes, credentials = self.validate_authorization_request(request)
        except OAuthToolkitError as error:
            return self.error_response(error, application=None)
        assert self.persoon is not None  # LoginRequiredMixin sent anonymous users to login
        dienstverlener = service.dienstverlener_voor_client(client_id=credentials["client_id"])
        application = (
            get_application_model().objects.filter(client_id=credentials["client_id"]).first()
        )
        if dienstverlener is None or application is None:
            return _melding(
                request,
                _("Onbekende dienst"),
                _("Deze dienst is niet bij de eHerkenning simulator aangesloten."),
                status=400,
            )
        opties = service.aanmeldopties(persoon=self.persoon, dienstverlener=dienstverlener)
        if not opties:
            return self._niet_gemachtigd(request, credentials, dienstverlener.naam)
        gekozen = opties[0] if len(opties) == 1 else None
        if gekozen is None:
            sleutel = sessie.lees_keuze(request, client_id=credentials["client_id"])
            gekozen = next((o for o in opties if o.sleutel == sleutel), None)
        if gekozen is None:
            if "none" in prompt:
                return self._terug_met_fout(credentials, application, "interaction_required")
            return redirect(
                _met_next(reverse("eherkenning_simulator:kiezen"), request.get_full_path())
            )
        sessie.wis_keuze(request)
        self.vertegenwoordiging = gekozen
        if isinstance(credentials.get("ui_locales"), list):
            credentials["ui_locales"] = " ".join(credentials["ui_locales"])
        try:
            uri, _headers, _body, _status = self.create_authorization_response(
                request=request, scopes=" ".join(scopes), credentials=credentials, allow=True
            )
        except OAuthToolkitError as error:
            return self.error_response(error, application)
        return self.redirect(uri, application)

    def create_authorization_response(
        self, request: HttpRequest, scopes: str, credentials: dict[str, Any], allow: bool
    ) -> Any:
        credentials[VERZOEK_PERSOON] = self.persoon
        credentials[VERZOEK_VERTEGENWOORDIGING] = self.vertegenwoordiging
        credentials[VERZOEK_AUTH_TIME] = sessie.auth_time(request)
        return super().create_authorization_response(request, scopes, credentials, allow)

    def _terug_met_fout(
        self, credentials: dict[str, Any], application: Any, fout: str
    ) -> HttpResponseBase:
        parameters = [("error", fout)]
        if credentials.get("state"):
            parameters.append(("state", credentials["state"]))
        return self.redirect(
            add_params_to_uri(credentials["redirect_uri"], parameters), application
        )

    def _niet_gemachtigd(
        self, request: HttpRequest, credentials: dict[str, Any], dienst: str
    ) -> HttpResponse:
        parameters = [("error", "access_denied")]
        if credentials.get("state"):
            parameters.append(("state", credentials["state"]))
        return _melding(
            request,
            _("U bent niet gemachtigd voor deze dienst"),
            _(
                "Uw eHerkenningsmiddel is voor geen enkele organisatie gemachtigd voor "
                "%(dienst)s. Vraag de machtigingenbeheerder van uw organisatie om een machtiging."
            )
            % {"dienst": dienst},
            status=403,
            link_url=add_params_to_uri(credentials["redirect_uri"], parameters),
            link_tekst=_("Terug naar %(dienst)s") % {"dienst": dienst},
        )


class DiscoveryView(ConnectDiscoveryInfoView):
    """DOT's discovery document plus the eHerkenning levels this broker can assert."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().get(request, *args, **kwargs)
        data = json.loads(response.content)
        data["acr_values_supported"] = list(service.LOA.values())
        # Every client of the simulator signs with RS256; DOT also lists HS256 by default.
        data["id_token_signing_alg_values_supported"] = ["RS256"]
        data["claims_supported"] = sorted(data["claims_supported"])
        data["claims_parameter_supported"] = False
        response.content = json.dumps(data).encode()
        return response


class UitlogView(RPInitiatedLogoutView):
    """RP-initiated logout: ends the simulator login as well (and the shared Django session)."""

    template_name = "eherkenning_simulator/uitloggen_bevestigen.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        persoon = sessie.ingelogde_persoon(request)
        request.user = persoon.gebruiker if persoon else AnonymousUser()
        return super().dispatch(request, *args, **kwargs)

    def do_logout(
        self,
        application: Any = None,
        post_logout_redirect_uri: str | None = None,
        state: str | None = None,
        token_user: Any = None,
    ) -> HttpResponseBase:
        sessie.meld_af(self.request)
        return super().do_logout(application, post_logout_redirect_uri, state, token_user)


# --- Beheermodule -------------------------------------------------------------------------


def _organisatie(persoon: Persoon, kvk: str) -> Organisatie:
    organisatie = service.organisatie_voor_beheerder(persoon=persoon, kvk_nummer=kvk)
    if organisatie is None:
        raise Http404
    return organisatie


def _naar_organisatie(organisatie: Organisatie) -> HttpResponse:
    return redirect("eherkenning_simulator:beheer_organisatie", kvk=organisatie.kvk_nummer)


def _personen_van(organisatie: Organisatie) -> Any:
    return Persoon.objects.filter(organisatie=organisatie).select_related("middel")


def _fouten_naar_formulier(form: Any, fout: ValidationError) -> None:
    for melding in fout.messages:
        form.add_error(None, melding)


@require_GET
@persoon_vereist
def beheer_start(request: HttpRequest, persoon: Persoon) -> HttpResponse:
    organisaties = list(service.beheerde_organisaties(persoon=persoon))
    if len(organisaties) == 1:
        return _naar_organisatie(organisaties[0])
    if not organisaties:
        return _melding(
            request,
            _("Geen machtigingenbeheerder"),
            _(
                "U bent voor geen enkele organisatie machtigingenbeheerder. Vraag de beheerder "
                "van uw organisatie om u machtigingen te geven."
            ),
            status=403,
        )
    context = {"organisaties": organisaties, "persoon": persoon}
    return render(request, "eherkenning_simulator/beheer/start.html", context)


@require_GET
@persoon_vereist
def beheer_organisatie(request: HttpRequest, kvk: str, persoon: Persoon) -> HttpResponse:
    organisatie = _organisatie(persoon, kvk)
    actieve_machtigingen = Machtiging.objects.filter(
        organisatie=organisatie, ingetrokken_op__isnull=True
    ).prefetch_related("diensten")
    personen = (
        Persoon.objects.filter(
            Q(organisatie=organisatie)
            | Q(machtigingen__organisatie=organisatie, machtigingen__ingetrokken_op__isnull=True)
        )
        .distinct()
        .select_related("middel", "organisatie")
        .prefetch_related(
            Prefetch("machtigingen", queryset=actieve_machtigingen, to_attr="hier_gemachtigd")
        )
        .order_by("naam")
    )
    actieve_gebruikers = (
        KetenmachtigingGebruiker.objects.filter(ingetrokken_op__isnull=True)
        .select_related("persoon__middel")
        .prefetch_related("diensten")
    )
    gegeven = (
        Ketenmachtiging.objects.filter(organisatie=organisatie)
        .select_related("intermediair__leverancier")
        .prefetch_related("diensten", Prefetch("gebruikers", queryset=actieve_gebruikers))
        .order_by("ingetrokken_op", "intermediair__naam")
    )
    ontvangen = (
        Ketenmachtiging.objects.filter(intermediair=organisatie, ingetrokken_op__isnull=True)
        .select_related("organisatie")
        .prefetch_related("diensten", Prefetch("gebruikers", queryset=actieve_gebruikers))
        .order_by("organisatie__naam")
    )
    context = {
        "organisatie": organisatie,
        "persoon": persoon,
        "personen": personen,
        "gegeven": gegeven,
        "ontvangen": ontvangen,
    }
    return render(request, "eherkenning_simulator/beheer/organisatie.html", context)


@require_http_methods(["GET", "POST"])
@persoon_vereist
def machtiging_verlenen(request: HttpRequest, kvk: str, persoon: Persoon) -> HttpResponse:
    organisatie = _organisatie(persoon, kvk)
    personen = _personen_van(organisatie)
    initial: dict[str, Any] = {}
    gekozen = personen.filter(pk=request.GET.get("persoon") or 0).first()
    if gekozen is not None:
        initial["persoon"] = gekozen
        bestaand = gekozen.machtigingen.filter(
            organisatie=organisatie, ingetrokken_op__isnull=True
        ).first()
        if bestaand is not None:
            initial["diensten"] = list(bestaand.diensten.all())
            initial["vestigingsnummer"] = bestaand.vestigingsnummer
    form = MachtigingForm(request.POST or None, personen=personen, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            machtiging = service.verleen_machtiging(
                door=persoon,
                organisatie=organisatie,
                persoon=form.cleaned_data["persoon"],
                diensten=form.cleaned_data["diensten"],
                vestigingsnummer=form.cleaned_data["vestigingsnummer"],
            )
        except ValidationError as fout:
            _fouten_naar_formulier(form, fout)
        else:
            messages.success(
                request,
                _(
                    "%(naam)s is gemachtigd voor %(n)s dienst(en). Dit geldt vanaf de volgende "
                    "login."
                )
                % {"naam": machtiging.persoon.naam, "n": machtiging.diensten.count()},
            )
            return _naar_organisatie(organisatie)
    context = {
        "organisatie": organisatie,
        "persoon": persoon,
        "form": form,
        "titel": _("Medewerker machtigen"),
        "uitleg": _("Kies de medewerker en de diensten waarvoor deze namens %(org)s mag inloggen.")
        % {"org": organisatie.naam},
    }
    return render(request, "eherkenning_simulator/beheer/formulier.html", context)


@require_POST
@persoon_vereist
def machtiging_intrekken(request: HttpRequest, kvk: str, pk: int, persoon: Persoon) -> HttpResponse:
    organisatie = _organisatie(persoon, kvk)
    machtiging = get_object_or_404(
        Machtiging, pk=pk, organisatie=organisatie, ingetrokken_op__isnull=True
    )
    service.trek_machtiging_in(door=persoon, machtiging=machtiging)
    messages.success(
        request,
        _("De machtiging van %(naam)s is ingetrokken. Dit geldt vanaf de volgende login.")
        % {"naam": machtiging.persoon.naam},
    )
    return _naar_organisatie(organisatie)


@require_http_methods(["GET", "POST"])
@persoon_vereist
def ketenmachtiging_verlenen(request: HttpRequest, kvk: str, persoon: Persoon) -> HttpResponse:
    """Form A: this organisation (werkgever) authorises an intermediary organisation."""
    organisatie = _organisatie(persoon, kvk)
    form = KetenmachtigingForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        intermediair = (
            Organisatie.objects.select_related("leverancier")
            .filter(kvk_nummer=form.cleaned_data["intermediair_kvk"])
            .first()
        )
        if intermediair is None:
            form.add_error(
                "intermediair_kvk",
                _(
                    "Er is geen organisatie met dit KvK-nummer bij een leverancier geregistreerd. "
                    "Controleer het nummer."
                ),
            )
        else:
            try:
                keten = service.verleen_ketenmachtiging(
                    door=persoon,
                    organisatie=organisatie,
                    intermediair=intermediair,
                    diensten=form.cleaned_data["diensten"],
                )
            except ValidationError as fout:
                _fouten_naar_formulier(form, fout)
            else:
                messages.success(
                    request,
                    _("%(b)s heeft een ketenmachtiging van %(a)s gekregen.")
                    % {"a": organisatie.naam, "b": keten.intermediair.naam},
                )
                return _naar_organisatie(organisatie)
        status = 400
    context = {
        "organisatie": organisatie,
        "persoon": persoon,
        "form": form,
        "titel": _("Ketenmachtiging geven (formulier A)"),
        "uitleg": _(
            "Met een ketenmachtiging machtigt %(org)s een intermediair. De beheerder van de "
            "intermediair machtigt daarna de eigen medewerkers. Dat kan alleen als beide "
            "organisaties bij dezelfde leverancier zijn geregistreerd; %(org)s is geregistreerd "
            "bij %(leverancier)s."
        )
        % {"org": organisatie.naam, "leverancier": organisatie.leverancier.naam},
    }
    return render(request, "eherkenning_simulator/beheer/formulier.html", context, status=status)


@require_POST
@persoon_vereist
def ketenmachtiging_intrekken(
    request: HttpRequest, kvk: str, pk: int, persoon: Persoon
) -> HttpResponse:
    organisatie = _organisatie(persoon, kvk)
    keten = get_object_or_404(
        Ketenmachtiging, pk=pk, organisatie=organisatie, ingetrokken_op__isnull=True
    )
    service.trek_ketenmachtiging_in(door=persoon, ketenmachtiging=keten)
    messages.success(
        request,
        _(
            "De ketenmachtiging aan %(b)s is ingetrokken, met alle machtigingen van medewerkers "
            "daaronder. Dit geldt vanaf hun volgende login."
        )
        % {"b": keten.intermediair.naam},
    )
    return _naar_organisatie(organisatie)


@require_http_methods(["GET", "POST"])
@persoon_vereist
def ketenmedewerker_machtigen(
    request: HttpRequest, kvk: str, pk: int, persoon: Persoon
) -> HttpResponse:
    """Form B: as intermediary, authorise own staff under a received ketenmachtiging."""
    organisatie = _organisatie(persoon, kvk)
    keten = get_object_or_404(
        Ketenmachtiging.objects.select_related("organisatie"),
        pk=pk,
        intermediair=organisatie,
        ingetrokken_op__isnull=True,
    )
    diensten = Dienst.objects.filter(pk__in=keten.diensten.values("pk"))
    form = KetenGebruikerForm(
        request.POST or None, personen=_personen_van(organisatie), diensten=diensten
    )
    if request.method == "POST" and form.is_valid():
        try:
            gebruiker = service.machtig_onder_ketenmachtiging(
                door=persoon,
                ketenmachtiging=keten,
                persoon=form.cleaned_data["persoon"],
                diensten=form.cleaned_data["diensten"],
            )
        except ValidationError as fout:
            _fouten_naar_formulier(form, fout)
        else:
            messages.success(
                request,
                _("%(naam)s mag nu namens %(a)s inloggen voor %(n)s dienst(en).")
                % {
                    "naam": gebruiker.persoon.naam,
                    "a": keten.organisatie.naam,
                    "n": gebruiker.diensten.count(),
                },
            )
            return _naar_organisatie(organisatie)
    context = {
        "organisatie": organisatie,
        "persoon": persoon,
        "form": form,
        "titel": _("Medewerker machtigen onder ketenmachtiging (formulier B)"),
        "uitleg": _(
            "%(a)s heeft %(b)s gemachtigd. Kies een medewerker van %(b)s en een deel van de "
            "diensten van deze ketenmachtiging."
        )
        % {"a": keten.organisatie.naam, "b": organisatie.naam},
    }
    return render(request, "eherkenning_simulator/beheer/formulier.html", context)


@require_POST
@persoon_vereist
def ketenmedewerker_intrekken(
    request: HttpRequest, kvk: str, pk: int, persoon: Persoon
) -> HttpResponse:
    organisatie = _organisatie(persoon, kvk)
    gebruiker = get_object_or_404(
        KetenmachtigingGebruiker.objects.select_related("persoon"),
        pk=pk,
        ketenmachtiging__intermediair=organisatie,
        ingetrokken_op__isnull=True,
    )
    service.trek_ketenmachtiging_gebruiker_in(door=persoon, gebruiker=gebruiker)
    messages.success(
        request,
        _("De machtiging van %(naam)s onder de ketenmachtiging is ingetrokken.")
        % {"naam": gebruiker.persoon.naam},
    )
    return _naar_organisatie(organisatie)
