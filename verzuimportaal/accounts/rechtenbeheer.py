"""Rechtenbeheer pages (seed 004): the werkgever's local accounts and their rights.

Changing rights, creating or deactivating an account asks for the password again unless the
user confirmed it in the last minutes (DOMAIN §9). eHerkenning users have no local password;
their EH3 login is the confirmation.
"""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext

from verzuimportaal.toegang.acterend import portaal_view
from verzuimportaal.toegang.actor import Actor, Route
from verzuimportaal.toegang.diensten import Dienst
from verzuimportaal.toegang.models import LOKALE_RECHTEN, Lidmaatschap
from verzuimportaal.utils.views import fout_naar_form

from . import access, inlogstap, service
from .forms import AccountForm, EmailCollegaForm, RechtenForm


def _herbevestiging_nodig(request: HttpRequest, actor: Actor) -> bool:
    return actor.route == Route.LOKAAL and not inlogstap.recent_bevestigd(request)


def _bevestigd(request: HttpRequest, form: Any) -> None:
    if "huidig_wachtwoord" in form.cleaned_data:
        inlogstap.markeer_bevestigd(request)


def _eigen(actor: Actor) -> list[str]:
    return [r for r in LOKALE_RECHTEN if actor.heeft_recht(r, wijzigen=True)]


@portaal_view(recht=Dienst.RECHTENBEHEER, wijzigen=True)
def overzicht(request: HttpRequest) -> HttpResponse:
    actor: Actor = request.actor  # type: ignore[attr-defined]
    return render(
        request,
        "accounts/rechtenbeheer.html",
        {"leden": list(access.lidmaatschappen(actor)), "rechten": LOKALE_RECHTEN},
    )


@portaal_view(recht=Dienst.RECHTENBEHEER, wijzigen=True)
def account_aanmaken(request: HttpRequest) -> HttpResponse:
    actor: Actor = request.actor  # type: ignore[attr-defined]
    form = AccountForm(request.POST if request.method == "POST" else None, initial={"rechten": []})
    form.voeg_herbevestiging_toe(request.user, _herbevestiging_nodig(request, actor))
    if request.method == "POST" and form.is_valid():
        _bevestigd(request, form)
        gegevens = form.cleaned_data
        try:
            lid = service.maak_account(
                door=actor,
                aanhef=gegevens["aanhef"],
                voornaam=gegevens["voornaam"],
                tussenvoegsels=gegevens["tussenvoegsels"],
                achternaam=gegevens["achternaam"],
                email=gegevens["email"],
                telefoonnummer=gegevens["telefoonnummer"],
                rechten=gegevens["rechten"],
            )
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(
                request,
                gettext(
                    "Het account %(gebruikersnaam)s is aangemaakt. %(naam)s krijgt een e-mail met "
                    "een tijdelijk wachtwoord."
                )
                % {
                    "gebruikersnaam": lid.gebruiker.get_username(),
                    "naam": lid.gebruiker.get_full_name(),
                },
            )
            return redirect("accounts:rechtenbeheer")
    return render(request, "accounts/account_aanmaken.html", {"form": form, "eigen": _eigen(actor)})


def _email_wijzigen(
    request: HttpRequest, actor: Actor, lid: Lidmaatschap
) -> EmailCollegaForm | None:
    """The hoofdcontactpersoon's form for a colleague's e-mail address; ``None`` for others."""
    if not service.is_hoofdcontactpersoon(actor) or lid.gebruiker_id == request.user.pk:
        return None
    post = request.method == "POST" and request.POST.get("actie") == "email"
    form = EmailCollegaForm(
        request.POST if post else None, initial={"email": lid.gebruiker.email}, prefix="email"
    )
    form.voeg_herbevestiging_toe(request.user, _herbevestiging_nodig(request, actor))
    return form


@portaal_view(recht=Dienst.RECHTENBEHEER, wijzigen=True)
def rechten_wijzigen(request: HttpRequest, uuid: UUID) -> HttpResponse:
    actor: Actor = request.actor  # type: ignore[attr-defined]
    lid = access.lidmaatschap(actor, uuid=uuid)
    email_form = _email_wijzigen(request, actor, lid)
    if request.method == "POST" and request.POST.get("actie") == "email":
        if email_form is None:
            raise PermissionDenied(
                gettext("Alleen de hoofdcontactpersoon wijzigt het e-mailadres van een collega.")
            )
        if email_form.is_valid():
            _bevestigd(request, email_form)
            try:
                gebruiker = service.wijzig_email_collega(
                    door=actor, lidmaatschap=lid, email=email_form.cleaned_data["email"]
                )
            except ValidationError as fout:
                fout_naar_form(email_form, fout)
            else:
                messages.success(
                    request,
                    gettext("Het e-mailadres van %(naam)s is gewijzigd.")
                    % {"naam": gebruiker.get_full_name()},
                )
                return redirect("accounts:rechtenbeheer")
        form = RechtenForm(initial={"rechten": sorted(lid.rechtenset)})
        form.voeg_herbevestiging_toe(request.user, _herbevestiging_nodig(request, actor))
        return render(
            request,
            "accounts/rechten_wijzigen.html",
            {"form": form, "lid": lid, "eigen": _eigen(actor), "email_form": email_form},
        )
    form = RechtenForm(
        request.POST if request.method == "POST" else None,
        initial={"rechten": sorted(lid.rechtenset)},
    )
    form.voeg_herbevestiging_toe(request.user, _herbevestiging_nodig(request, actor))
    if request.method == "POST" and form.is_valid():
        _bevestigd(request, form)
        try:
            service.wijzig_rechten(
                door=actor, lidmaatschap=lid, rechten=form.cleaned_data["rechten"]
            )
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(
                request,
                gettext("De rechten van %(naam)s zijn gewijzigd.")
                % {"naam": lid.gebruiker.get_full_name()},
            )
            return redirect("accounts:rechtenbeheer")
    return render(
        request,
        "accounts/rechten_wijzigen.html",
        {"form": form, "lid": lid, "eigen": _eigen(actor), "email_form": email_form},
    )


@portaal_view(recht=Dienst.RECHTENBEHEER, wijzigen=True)
def account_deactiveren(request: HttpRequest, uuid: UUID) -> HttpResponse:
    actor: Actor = request.actor  # type: ignore[attr-defined]
    lid = access.lidmaatschap(actor, uuid=uuid)
    form = RechtenForm(request.POST if request.method == "POST" else None)
    del form.fields["rechten"]
    form.voeg_herbevestiging_toe(request.user, _herbevestiging_nodig(request, actor))
    if request.method == "POST" and form.is_valid():
        _bevestigd(request, form)
        try:
            service.deactiveer(door=actor, lidmaatschap=lid)
        except ValidationError as fout:
            fout_naar_form(form, fout)
        else:
            messages.success(
                request,
                gettext("Het account van %(naam)s is gedeactiveerd.")
                % {"naam": lid.gebruiker.get_full_name()},
            )
            return redirect("accounts:rechtenbeheer")
    return render(request, "accounts/account_deactiveren.html", {"form": form, "lid": lid})
