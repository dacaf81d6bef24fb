"""Idle and absolute session timeouts (DOMAIN §9: 15 minutes idle, 8 hours absolute)."""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

LAATSTE_ACTIVITEIT = "laatste_activiteit"
INGELOGD_OP = "ingelogd_op"


class SessieTimeoutMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            nu = time.time()
            laatste = request.session.get(LAATSTE_ACTIVITEIT, nu)
            begin = request.session.setdefault(INGELOGD_OP, nu)
            if nu - laatste > settings.SESSIE_IDLE_TIMEOUT or (
                nu - begin > settings.SESSIE_ABSOLUTE_TIMEOUT
            ):
                logout(request)
                messages.info(
                    request, "U bent uitgelogd omdat u een tijd niet actief was. Log opnieuw in."
                )
                return redirect(settings.LOGIN_URL)
            request.session[LAATSTE_ACTIVITEIT] = nu
        return self.get_response(request)
