from django.contrib import admin

from .models import Herinnering


@admin.register(Herinnering)
class HerinneringAdmin(admin.ModelAdmin):
    list_display = (
        "deadline",
        "stap_soort",
        "soort",
        "ontvanger_email",
        "verzonden_op",
        "pogingen",
    )
    list_filter = ("soort", "stap_soort")
    raw_id_fields = ("verzuimgeval", "ontvanger")
    readonly_fields = ("aangemaakt_op", "ingepland_op", "verzonden_op", "pogingen", "laatste_fout")
