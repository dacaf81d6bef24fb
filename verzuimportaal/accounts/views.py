from typing import Any
from urllib.parse import urlencode

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext
from django.views.decorators.http import require_POST
from django.views.i18n import set_language
from django_otp.models import SideChannelDevice
from django_otp.plugins.otp_email.models import EmailDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from verzuimportaal.eherkenning import sessie as eherkenning_sessie
from verzuimportaal.eherkenning.saml import saml_ingericht
from verzuimportaal.toegang.acterend import accounthouder_van, persoon_van
from verzuimportaal.toegang.actor import Portaalactor
from verzuimportaal.utils.views import fout_naar_form

from . import inlogstap, service
from .forms import (
    CodeForm,
    ContactgegevensForm,
    InlogForm,
    PortaalPasswordChangeForm,
    PortaalSetPasswordForm,
    WachtwoordVergetenForm,
)
from .middleware import SESSIE_TAAL
from .models import Profiel, SmsApparaat, SmsBericht, VertrouwdApparaat


class InlogView(auth_views.LoginView):
    template_name = "accounts/inloggen.html"
    authentication_form = InlogForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "eherkenning_aan": settings.EHERKENNING_OIDC_ENABLED,
            "eherkenning_saml_aan": saml_ingericht(),
        }

    def form_valid(self, form: InlogForm) -> HttpResponse:  # type: ignore[override]
        """The password is right: open the login; the session starts after the second factor."""
        gebruiker = form.get_user()
        inlogstap.begin(
            self.request,
            gebruiker,
            backend=getattr(gebruiker, "backend", "django.contrib.auth.backends.ModelBackend"),
            volgende=self.get_success_url(),
        )
        return inlogstap.volgende_stap(self.request)


def _open_login(request: HttpRequest) -> tuple[dict[str, Any], User] | None:
    open_ = inlogstap.staat(request)
    wie = inlogstap.gebruiker(open_) if open_ else None
    if open_ is None or wie is None:
        inlogstap.stop(request)
        return None
    return open_, wie


def eerste_wachtwoord(request: HttpRequest) -> HttpResponse:
    """A temporary password is changed before anything else (seed 004)."""
    gevonden = _open_login(request)
    if gevonden is None:
        messages.info(
            request, gettext("Log eerst in met uw gebruikersnaam en tijdelijke wachtwoord.")
        )
        return redirect("accounts:login")
    _open, wie = gevonden
    if not service.moet_wachtwoord_wijzigen(wie):
        return inlogstap.volgende_stap(request)
    form = PortaalSetPasswordForm(wie, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        service.stel_wachtwoord_in(
            door=accounthouder_van(request, wie), wachtwoord=form.cleaned_data["new_password1"]
        )
        messages.success(request, gettext("Uw wachtwoord is gewijzigd."))
        return inlogstap.volgende_stap(request)
    return render(request, "accounts/eerste_wachtwoord.html", {"form": form})


def _beschrijving(apparaat: Any) -> str:
    if isinstance(apparaat, SmsApparaat):
        return gettext("sms naar het nummer dat eindigt op %(cijfers)s") % {
            "cijfers": apparaat.telefoonnummer[-2:]
        }
    if isinstance(apparaat, EmailDevice):
        adres = apparaat.email or apparaat.user.email
        naam, _, domein = adres.partition("@")
        return gettext("e-mail naar %(adres)s") % {"adres": f"{naam[:2]}…@{domein}"}
    if isinstance(apparaat, TOTPDevice):
        return "authenticator-app"
    return str(apparaat)


def tweede_factor(request: HttpRequest) -> HttpResponse:
    """Step 2 of a local login: the code (DOMAIN §9). Wrong codes count towards the lockout."""
    gevonden = _open_login(request)
    if gevonden is None:
        messages.info(request, gettext("Uw inlogpoging is verlopen. Log opnieuw in."))
        return redirect("accounts:login")
    open_, wie = gevonden
    if service.moet_wachtwoord_wijzigen(wie):
        return redirect("accounts:eerste_wachtwoord")
    gekozen = inlogstap.apparaat(open_, wie)
    if gekozen is None:
        return redirect("accounts:geen_tweede_factor")
    credentials = {"username": wie.get_username()}
    if AxesProxyHandler.is_locked(request, credentials):
        inlogstap.stop(request)
        return get_lockout_response(request, credentials)
    form = CodeForm(
        request.POST if request.POST.get("actie") == "controleer" else None,
        dagen=settings.VERTROUWD_APPARAAT_DAGEN,
    )
    actie = request.POST.get("actie") if request.method == "POST" else None
    if actie in ("opnieuw", "wissel"):
        if actie == "wissel":
            keuze = [
                a
                for a in service.apparaten_voor_inlog(wie)
                if a.persistent_id == request.POST.get("methode")
            ]
            if keuze:
                gekozen = keuze[0]
        uitkomst = inlogstap.stuur_code(request, open_, gekozen)
        if uitkomst == "wacht":
            messages.info(
                request,
                gettext(
                    "U kunt na %(seconden)s seconden een nieuwe code aanvragen. Gebruik zolang "
                    "de code die u al heeft."
                )
                % {"seconden": settings.TWEEDE_FACTOR_OPNIEUW_STUREN_NA},
            )
        elif uitkomst == "verstuurd":
            messages.success(request, gettext("Er is een nieuwe code verstuurd."))
        return redirect("accounts:tweede_factor")
    if actie == "controleer" and form.is_valid():
        if open_["pogingen"] >= settings.TWEEDE_FACTOR_MAX_POGINGEN:
            form.add_error("code", "Deze code is te vaak fout ingevuld. Vraag een nieuwe code aan.")
        elif gekozen.verify_token(form.cleaned_data["code"]):
            inlogstap.voltooi(request, wie, gekozen, open_["backend"])
            response: HttpResponse = HttpResponseRedirect(open_["volgende"])
            if form.cleaned_data["onthouden"]:
                _record, sleutel = service.onthoud_apparaat(
                    door=accounthouder_van(request, wie),
                    otp_apparaat=gekozen,
                    omschrijving=request.META.get("HTTP_USER_AGENT", "")[:200],
                )
                inlogstap.zet_cookie(response, wie, sleutel)
            return response
        else:
            open_["pogingen"] += 1
            inlogstap.bewaar(request, open_)
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
            over = settings.TWEEDE_FACTOR_MAX_POGINGEN - open_["pogingen"]
            if over <= 0:
                if isinstance(gekozen, SideChannelDevice):
                    gekozen.token = None
                    gekozen.save(update_fields=["token"])
                form.add_error(
                    "code",
                    gettext("Deze code is te vaak fout ingevuld. Vraag een nieuwe code aan."),
                )
            else:
                form.add_error(
                    "code",
                    gettext(
                        "Deze code is onjuist of verlopen. Controleer de code of vraag een nieuwe "
                        "aan. U kunt het nog %(over)s keer proberen."
                    )
                    % {"over": over},
                )
            if getattr(request, "axes_locked_out", False):
                inlogstap.stop(request)
                return get_lockout_response(request, credentials)
    anderen = [
        (a.persistent_id, _beschrijving(a))
        for a in service.apparaten_voor_inlog(wie)
        if a.persistent_id != gekozen.persistent_id
    ]
    return render(
        request,
        "accounts/tweede_factor.html",
        {
            "form": form,
            "methode": _beschrijving(gekozen),
            "is_app": isinstance(gekozen, TOTPDevice),
            "anderen": anderen,
            "minuten": settings.TWEEDE_FACTOR_CODE_GELDIG // 60,
            "outbox": _outbox_zichtbaar(),
        },
    )


def geen_tweede_factor(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/geen_tweede_factor.html", status=403)


def _outbox_zichtbaar() -> bool:
    return bool(settings.DEBUG or settings.SMS_OUTBOX_ZICHTBAAR)


def sms_outbox(request: HttpRequest) -> HttpResponse:
    """Demo/test only: the messages the outbox gateway 'sent'. Never exists in production."""
    if not _outbox_zichtbaar():
        raise Http404
    berichten = SmsBericht.objects.all()[:20]
    return render(request, "accounts/sms_outbox.html", {"berichten": berichten})


@require_POST
def sessie_verlengen(request: HttpRequest) -> HttpResponse:
    """Keep-alive for the idle-timeout warning; the middleware records the activity."""
    if not request.user.is_authenticated:
        return HttpResponse(status=401)
    return HttpResponse(status=204)


class UitlogView(auth_views.LogoutView):
    """Ends the portal session; after an eHerkenning login also at the broker (RP-initiated)."""

    template_name = "accounts/uitgelogd.html"

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        id_token = request.session.get("oidc_id_token")
        via_eherkenning = eherkenning_sessie.lees(request.session) is not None
        response = super().post(request, *args, **kwargs)
        if via_eherkenning and id_token and settings.OIDC_OP_LOGOUT_ENDPOINT:
            terug = request.build_absolute_uri(reverse("accounts:login"))
            query = urlencode(
                {
                    "id_token_hint": id_token,
                    "post_logout_redirect_uri": terug,
                    "client_id": settings.OIDC_RP_CLIENT_ID,
                }
            )
            return HttpResponseRedirect(f"{settings.OIDC_OP_LOGOUT_ENDPOINT}?{query}")
        return response


# --- password reset by e-mail (no user enumeration: the same answer for every address) ----


class WachtwoordVergetenView(auth_views.PasswordResetView):
    template_name = "accounts/wachtwoord_vergeten.html"
    form_class = WachtwoordVergetenForm
    email_template_name = "accounts/email/wachtwoord_herstellen.txt"
    subject_template_name = "accounts/email/wachtwoord_herstellen_onderwerp.txt"
    success_url = reverse_lazy("accounts:wachtwoord_vergeten_verstuurd")


class WachtwoordVergetenVerstuurdView(auth_views.PasswordResetDoneView):
    template_name = "accounts/wachtwoord_vergeten_verstuurd.html"


class HerstelForm(PortaalSetPasswordForm):
    door: Portaalactor | None = None  # set by the view: the account, with IP and browser

    def save(self, commit: bool = True) -> Any:
        assert self.door is not None
        return service.herstel_wachtwoord(
            door=self.door, wachtwoord=self.cleaned_data["new_password1"]
        )


class WachtwoordHerstellenView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/wachtwoord_herstellen.html"
    form_class = HerstelForm

    def get_form(self, form_class: Any = None) -> Any:
        form = super().get_form(form_class)
        if isinstance(form, HerstelForm) and isinstance(form.user, User):
            form.door = accounthouder_van(self.request, form.user)
        return form

    post_reset_login = False  # the second factor is still needed at the next login
    success_url = reverse_lazy("accounts:wachtwoord_hersteld")


class WachtwoordHersteldView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/wachtwoord_hersteld.html"


# --- Mijn account ----------------------------------------------------------------------------


def _lokaal(request: HttpRequest) -> bool:
    return eherkenning_sessie.lees(request.session) is None


@login_required
def mijn_account(request: HttpRequest) -> HttpResponse:
    gebruiker: User = request.user  # type: ignore[assignment]
    if not _lokaal(request):
        return render(request, "accounts/mijn_account.html", {"eherkenning": True})
    return render(
        request,
        "accounts/mijn_account.html",
        {
            "profiel": Profiel.objects.filter(gebruiker=gebruiker).first(),
            "factoren": [_beschrijving(a) for a in service.apparaten(gebruiker)],
            "heeft_app": TOTPDevice.objects.filter(user=gebruiker, confirmed=True).exists(),
            "apparaten": VertrouwdApparaat.objects.geldig().filter(gebruiker=gebruiker),
            "lidmaatschappen": gebruiker.lidmaatschappen.filter(actief=True).select_related(
                "werkgever"
            ),
        },
    )


class WachtwoordWijzigenView(auth_views.PasswordChangeView):
    template_name = "accounts/wachtwoord_wijzigen.html"
    form_class = PortaalPasswordChangeForm
    success_url = reverse_lazy("accounts:mijn_account")

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated and not _lokaal(request):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form: Any) -> HttpResponse:
        service.stel_wachtwoord_in(
            door=accounthouder_van(self.request, form.user),
            wachtwoord=form.cleaned_data["new_password1"],
        )
        update_session_auth_hash(self.request, form.user)
        messages.success(
            self.request,
            gettext(
                "Uw wachtwoord is gewijzigd. Onthouden computers vragen bij de volgende inlog weer "
                "een code."
            ),
        )
        return HttpResponseRedirect(self.get_success_url())


@login_required
def contactgegevens_wijzigen(request: HttpRequest) -> HttpResponse:
    """E-mail address and phone number for codes; re-authentication first (DOMAIN §9)."""
    if not _lokaal(request):
        raise Http404
    gebruiker: User = request.user  # type: ignore[assignment]
    profiel = Profiel.objects.filter(gebruiker=gebruiker).first()
    form = ContactgegevensForm(
        request.POST if request.method == "POST" else None,
        initial={
            "email": gebruiker.email,
            "telefoonnummer": profiel.telefoonnummer if profiel else "",
        },
    )
    form.voeg_herbevestiging_toe(gebruiker, not inlogstap.recent_bevestigd(request))
    if request.method == "POST" and form.is_valid():
        if "huidig_wachtwoord" in form.cleaned_data:
            inlogstap.markeer_bevestigd(request)
        try:
            service.wijzig_contactgegevens(
                door=accounthouder_van(request, gebruiker),
                email=form.cleaned_data["email"],
                telefoonnummer=form.cleaned_data["telefoonnummer"],
            )
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(request, gettext("Uw contactgegevens zijn gewijzigd."))
            return redirect("accounts:mijn_account")
    return render(request, "accounts/contactgegevens.html", {"form": form})


@login_required
@require_POST
def apparaat_intrekken(request: HttpRequest) -> HttpResponse:
    gebruiker: User = request.user  # type: ignore[assignment]
    keuze = request.POST.get("apparaat", "")
    if keuze == "alle":
        service.trek_apparaten_in(door=accounthouder_van(request, gebruiker))
        messages.success(request, gettext("Geen enkele computer wordt nog onthouden."))
    elif keuze.isdigit():
        service.trek_apparaat_in(door=accounthouder_van(request, gebruiker), apparaat_id=int(keuze))
        messages.success(request, gettext("Deze computer wordt niet meer onthouden."))
    return redirect("accounts:mijn_account")


@login_required
def app_instellen(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app (TOTP): QR code plus the secret as text."""
    if not _lokaal(request):
        raise Http404
    gebruiker: User = request.user  # type: ignore[assignment]
    if request.method == "POST" and request.POST.get("actie") == "verwijderen":
        service.verwijder_totp(door=accounthouder_van(request, gebruiker))
        messages.success(request, gettext("De authenticator-app is verwijderd."))
        return redirect("accounts:mijn_account")
    apparaat = TOTPDevice.objects.filter(user=gebruiker, confirmed=False).first()
    if apparaat is None:
        apparaat = service.begin_totp(door=accounthouder_van(request, gebruiker))
    form = CodeForm(request.POST if request.method == "POST" else None)
    del form.fields["onthouden"]
    if request.method == "POST" and form.is_valid():
        try:
            service.bevestig_totp(
                door=accounthouder_van(request, gebruiker),
                apparaat=apparaat,
                code=form.cleaned_data["code"],
            )
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(request, gettext("Uw authenticator-app is ingesteld."))
            return redirect("accounts:mijn_account")
    return render(
        request,
        "accounts/app_instellen.html",
        {"form": form, "qr": _qr_data_uri(apparaat.config_url), "geheim": _geheim(apparaat)},
    )


def _geheim(apparaat: TOTPDevice) -> str:
    import base64

    tekst = base64.b32encode(apparaat.bin_key).decode().rstrip("=")
    return " ".join(tekst[i : i + 4] for i in range(0, len(tekst), 4))


def _qr_data_uri(inhoud: str) -> str:
    import base64
    import io

    import qrcode
    import qrcode.image.svg

    buffer = io.BytesIO()
    qrcode.make(inhoud, image_factory=qrcode.image.svg.SvgPathImage).save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


@require_POST
def taal_kiezen(request: HttpRequest) -> HttpResponse:
    """The language switch in the header (ADR 0044): a logged-in account keeps its choice (pages,
    e-mails, letters); every visitor gets Django's language cookie and goes back to ``next``."""
    taal = request.POST.get("language", "")
    bekend = taal in dict(settings.LANGUAGES)
    if request.user.is_authenticated and bekend:
        service.kies_taal(door=persoon_van(request), taal=taal)
        request.session[SESSIE_TAAL] = taal
    response = set_language(request)
    if not bekend:  # Django accepts every language it has texts for; the portal only its own
        response.cookies.pop(settings.LANGUAGE_COOKIE_NAME, None)
    return response
