import time

from django.contrib.auth import views as auth_views
from django.http import HttpResponse

from verzuimportaal.toegang.acterend import SESSIE_WERKGEVER

from .forms import InlogForm
from .middleware import INGELOGD_OP, LAATSTE_ACTIVITEIT


class InlogView(auth_views.LoginView):
    template_name = "accounts/inloggen.html"
    authentication_form = InlogForm
    redirect_authenticated_user = True

    def form_valid(self, form: InlogForm) -> HttpResponse:  # type: ignore[override]
        response = super().form_valid(form)  # rotates the session id (DOMAIN §9)
        nu = time.time()
        self.request.session[INGELOGD_OP] = nu
        self.request.session[LAATSTE_ACTIVITEIT] = nu
        self.request.session.pop(SESSIE_WERKGEVER, None)
        return response


class UitlogView(auth_views.LogoutView):
    template_name = "accounts/uitgelogd.html"
