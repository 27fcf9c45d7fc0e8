"""Serving a page in a constant number of queries, whatever the size of the site.

Wagtail finds a page by walking the tree from the site's root: two queries per
level (the children, then the specific page), and two more to check view
restrictions (the ancestors, then their restrictions). Here the page (the site's
root, or a descendant by its ``url_path`` in the reader's language) is found in
one query that also brings the specific page (``select_related`` over every page
type) and says whether any restriction or alias lies on the way.
``pages.views.serve`` (Wagtail's own ``serve`` with this lookup first) uses it:
the route cannot be a page method, since wagtail-modeltranslation replaces
``route`` on every translated page type.
Only the common case is shortened; whatever it does not cover takes Wagtail's
own way (``Page.route_for_request``), so Wagtail's behaviour stays:

- a sub-route of the site's root page (``RoutablePageMixin``), or no page at
  that address (a sub-route further down, a slug that only
  modeltranslation's fallback finds, a 404): Wagtail's walk;
- a restriction or an alias on the way: Wagtail's ``get_view_restrictions``;
- the found page still routes itself (``route(request, [])``): its own
  sub-routes and the check that it is live apply;
- previews are admin views and redirects act on the 404: neither routes here.

Lists use ``public()``'s rule (no restriction on the page or an ancestor) as a
subquery, where Wagtail's ``public()`` first reads every restriction.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import (
    CharField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
)
from django.http import Http404, HttpRequest
from django.utils import translation

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction, Site, get_page_models
from wagtail.url_routing import RouteResult

from pages.ops import page_cache

# wagtail-modeltranslation keeps each language's site root paths under this key.
SITE_ROOT_PATHS_KEY = "wagtail_site_root_paths_{}"
SITE_ROOT_PATHS_SECONDS = 3600


def outer_path(name: str) -> ExpressionWrapper:
    return ExpressionWrapper(OuterRef(name), output_field=CharField())


def restricted_on_path(outer: str = "path") -> Exists:
    """A restriction on the outer page (its ``path`` at ``outer``) or an ancestor."""
    return Exists(
        PageViewRestriction.objects.annotate(outer_path=outer_path(outer)).filter(
            outer_path__startswith=F("page__path")
        )
    )


def aliased_on_path() -> Exists:
    """An alias among the outer page and its ancestors (their restrictions are
    their source's, which only Wagtail's own check follows)."""
    return Exists(
        Page.objects.filter(alias_of__isnull=False)
        .annotate(outer_path=outer_path("path"))
        .filter(outer_path__startswith=F("path"))
    )


def public(queryset: QuerySet, outer: str = "path") -> QuerySet:
    """``queryset.public()`` in the same query; ``outer`` leads to the page path."""
    return queryset.exclude(restricted_on_path(outer))


def translated_q(language: str, prefix: str = "") -> Q:
    """Pages with a title of their own in ``language`` (``i18n.has_translation``)."""
    field = f"{prefix}title_{language}"
    return Q(**{f"{field}__isnull": False}) & ~Q(**{field: ""})


def specific_relations() -> list[str]:
    """The accessors from ``Page`` to each page type that inherits it directly."""
    names = []
    for model in get_page_models():
        link = model._meta.parents.get(Page)
        if link is not None and model is not Page:
            names.append(link.remote_field.get_accessor_name())
            names.extend(
                f"{link.remote_field.get_accessor_name()}__{name}"
                for name in getattr(model, "route_select_related", ())
            )
    return names


def specific_page(pages: QuerySet) -> Page | None:
    """The specific version of the first of ``pages``, or None, in one query.

    The page knows whether Wagtail's restriction check is needed.
    """
    page = (
        pages.select_related(*specific_relations())
        .annotate(restricted=restricted_on_path(), aliased=aliased_on_path())
        .order_by("path")
        .first()
    )
    if page is None:
        return None
    model = page.specific_class
    link = model._meta.parents.get(Page) if model is not None else None
    specific = (
        getattr(page, link.remote_field.get_accessor_name(), None) if link else None
    )
    if specific is None:
        specific = page.specific
    specific.view_restrictions_apply = page.restricted or page.aliased
    return specific


def page_at(
    root: Page, path_components: list[str], request: HttpRequest | None = None
) -> Page | None:
    """The specific page at ``path_components`` below ``root`` (or ``root``).

    Which page that is (id, type, whether a restriction or alias lies on the
    way) is kept between publishes (``page_cache.shared``, cleared by every
    change that can alter it: publish, move, delete, privacy); the page itself
    is read fresh, in a query of its type alone. The query over every page
    type costs more to build than the rest of the lookup.
    """
    if not path_components:
        pages = Page.objects.filter(pk=root.pk)
    else:
        url_path = root.url_path + "/".join(path_components) + "/"
        pages = Page.objects.filter(url_path=url_path, path__startswith=root.path)
    found = []

    def look_up() -> tuple[int, int, bool] | None:
        found.append(specific_page(pages))
        page = found[0]
        if page is None:
            return None
        return (page.pk, page.content_type_id, page.view_restrictions_apply)

    address = page_cache.key_part("/".join(path_components))
    facts = page_cache.shared(
        f"route:{root.pk}:{translation.get_language()}:{address}", look_up, request
    )
    if found:
        return found[0]
    return known_page(*facts) if facts else None


def known_page(pk: int, content_type_id: int, restricted: bool) -> Page | None:
    """The specific page ``pk`` of the type ``page_at`` found, or None when it
    is gone (then Wagtail's own route answers)."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:
        return None
    page = (
        model.objects.select_related(*getattr(model, "route_select_related", ()))
        .filter(pk=pk)
        .first()
    )
    if page is not None:
        page.view_restrictions_apply = restricted
    return page


def is_sub_route(root: Page, path_components: list[str]) -> bool:
    """Whether a routable root page answers the path itself (its sub-routes come
    before its children in ``RoutablePageMixin.route``)."""
    model = root.specific_class
    if model is None or not issubclass(model, RoutablePageMixin):
        return False
    try:
        model.get_resolver().resolve("/" + "/".join(path_components) + "/")
    except Http404:
        return False
    return True


def site_for_request(request: HttpRequest) -> Site | None:
    """``Site.find_for_request``, kept between publishes (``page_cache.shared``;
    saving or deleting a site clears it) and where Wagtail keeps it for the rest
    of the request (``_wagtail_site``, documented there)."""
    if not hasattr(request, "_wagtail_site"):
        host = page_cache.key_part(f"{request.get_host()} {request.get_port()}")
        request._wagtail_site = page_cache.shared(
            f"site:{host}", lambda: Site.find_for_request(request), request
        )
    return request._wagtail_site


def route_for_request(request: HttpRequest, path: str) -> RouteResult | None:
    """``Page.route_for_request``, with the lookup above tried first.

    The result is kept where Wagtail keeps it (``_wagtail_route_for_request``,
    documented there), so a later ``Page.find_for_request`` reuses it.
    """
    if hasattr(request, "_wagtail_route_for_request"):
        return request._wagtail_route_for_request
    site = site_for_request(request)
    components = [component for component in path.split("/") if component]
    if site is not None:
        root = site.root_page.localized
        if root.live and not is_sub_route(root, components):
            page = page_at(root, components, request)
            if page is not None:
                try:
                    request._wagtail_route_for_request = page.route(request, [])
                except Http404:
                    pass
                else:
                    return request._wagtail_route_for_request
    return Page.route_for_request(request, path)


class ViewRestrictionMixin:
    """Checks view restrictions in at most one query; none after ``route``."""

    def get_view_restrictions(self):
        applies = getattr(self, "view_restrictions_apply", None)
        if applies is None:
            applies = (
                Page.objects.filter(pk=self.pk)
                .filter(Q(restricted_on_path()) | Q(aliased_on_path()))
                .exists()
            )
        if applies:
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()


def warm_site_root_paths() -> None:
    """Fill modeltranslation's site root paths of every language in one query.

    Each language's list is otherwise read by a query of its own, and every page
    links both languages. Same key and content as modeltranslation, which
    deletes the keys when a site's root page changes.
    """
    keys = {
        code: SITE_ROOT_PATHS_KEY.format(code) for code, _name in settings.LANGUAGES
    }
    found = cache.get_many(keys.values())
    missing = [code for code, key in keys.items() if key not in found]
    if not missing:
        return
    sites = list(Site.objects.select_related("root_page", "root_page__locale"))
    values = {}
    for code in missing:
        with translation.override(code):
            ordered = sorted(sites, key=lambda s: s.root_page.url_path, reverse=True)
            values[keys[code]] = [
                (
                    site.id,
                    site.root_page.url_path,
                    site.root_url,
                    site.root_page.locale.language_code,
                )
                for site in ordered
            ]
    cache.set_many(values, SITE_ROOT_PATHS_SECONDS)
