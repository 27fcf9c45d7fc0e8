"""Plain views of the site shell: robots.txt (search has its own module), and
Wagtail's page view with the quicker route of ``pages.routing``."""

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from wagtail import hooks
from wagtail.views import serve_chain

from pages.routing import route_for_request


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Crawlers may read every page but the admin; the sitemap lists them."""
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
        f"Sitemap: {sitemap_url}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def serve(request: HttpRequest, path: str) -> HttpResponse:
    """``wagtail.views.serve`` with ``pages.routing.route_for_request``; the
    hooks (view restrictions, the untranslated-page redirect) run as there."""
    route_result = route_for_request(request, path)
    if route_result is None:
        raise Http404
    page, args, kwargs = route_result
    on_serve_chain = serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        on_serve_chain = fn(on_serve_chain)
    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return on_serve_chain(page, request, args, kwargs)
