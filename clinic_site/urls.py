from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from clinic_site.health import HealthCheckView

# A 503 instead of a 500 when the database or Redis failed outside a view.
handler500 = "clinic_site.views.server_error"

urlpatterns = [
    # For the load balancer: no language prefix, no cookie, never cached.
    path("healthz/", HealthCheckView.as_view(), name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every page lives under /de/ or /en/; LocaleMiddleware sends "/" to one of them.
urlpatterns += i18n_patterns(
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
