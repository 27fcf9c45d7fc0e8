from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from clinic_site.health import HealthCheckView
from pages import media, views
from pages.ops import atomic_admin
from pages.sitemaps import PageSitemap
from pages.staff.password_reset import ThrottledPasswordResetView
from treatments import search

# A 503 instead of a 500 when the database or Redis failed outside a view.
handler500 = "clinic_site.views.server_error"

urlpatterns = [
    # For the load balancer: no language prefix, no cookie, never cached.
    path("healthz/", HealthCheckView.as_view(), name="healthz"),
    # Before Wagtail's admin: the second login step (pages.staff.two_factor).
    path("admin/two-factor/", include("pages.staff.two_factor")),
    # Wagtail's "forgot password" form, limited per address.
    path(
        "admin/password_reset/",
        ThrottledPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    # Before Wagtail's own: the whole "create page" save in one transaction.
    path(
        "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/"
        "<int:parent_page_id>/",
        atomic_admin.create_page,
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": PageSitemap}},
        name="sitemap",
    ),
]

# Without nginx (make run, make dev): image renditions only, never documents.
if settings.SERVE_MEDIA_IMAGES:
    urlpatterns.append(
        path("media/images/<path:path>", media.serve_image, name="media_image")
    )

# Every page lives under /de/ or /en/; LocaleMiddleware sends "/" to one of them.
urlpatterns += i18n_patterns(
    path(_("search/"), search.search, name="search"),
    path(_("feedback/"), include("pages.feedback.urls")),
    # Wagtail's page view with a quicker route (pages/routing.py), under
    # Wagtail's name; its other addresses (under _util/) stay Wagtail's.
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", views.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
