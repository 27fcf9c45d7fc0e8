"""The site shell: header, footer, language switch and page metadata."""

import functools
import re

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.templatetags.static import static
from django.utils import translation
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from wagtail.images.models import SourceImageIOError
from wagtail.models import Page, Site

import segno

from pages.consultation.page import ConsultationPage
from pages.i18n import alternate_urls, has_translation
from pages.models.settings import ClinicSettings, NavigationItem
from pages.ops import page_cache

register = template.Library()

# "[Von der Praxis zu ergänzen: …]" / "[To be supplied by the clinic: …]"
PLACEHOLDER = re.compile(
    r"\[(?:Von der Praxis zu ergänzen|To be supplied by the clinic)[^\[\]<>]*\]"
)
OG_LOCALES = {"de": "de_DE", "en": "en_GB"}
# The size link previews ask for (1.91:1), as JPEG, which every previewer reads.
OG_IMAGE_SPEC = "fill-1200x630|format-jpeg"
# Shared when a page has no lead image: the clinic's name and town on its brand
# colour (static/img/share-default.png, 1200x630 like the renditions above). The
# alt text is the image's text, as written in it (not translated).
DEFAULT_OG_IMAGE = {
    "path": "img/share-default.png",
    "width": 1200,
    "height": 630,
    "alt": "ROC Ortho, Aschheim bei München",
}


@register.inclusion_tag("tags/language_switch.html", takes_context=True)
def language_switch(context) -> dict:
    """Links to the current page in every other language."""
    current = translation.get_language()
    urls = alternate_urls(context)
    links = [
        {"code": code, "name": name, "url": urls[code]}
        for code, name in settings.LANGUAGES
        if code != current
    ]
    return {"links": links}


@register.inclusion_tag("tags/page_meta.html", takes_context=True)
def page_meta(context) -> dict:
    """Canonical URL, hreflang alternates and Open Graph tags of a page.

    Absolute addresses use the host of the request (checked against
    ``ALLOWED_HOSTS``), so they are right under ``make run`` as in production.
    """
    request = context.get("request")
    page = context.get("page")
    language = translation.get_language()
    result = {
        "noindex": context.get("noindex", False),
        "description": context.get("meta_description", ""),
    }
    if request is None or page is None or result["noindex"]:
        return result
    urls = {
        code: request.build_absolute_uri(url)
        for code, url in alternate_urls(context).items()
        if has_translation(page, code)
    }
    canonical = urls.get(language, "")
    alternates = [{"code": code, "url": url} for code, url in urls.items()]
    default = urls.get(settings.LANGUAGE_CODE)
    if default and len(alternates) > 1:
        alternates.append({"code": "x-default", "url": default})
    result.update(
        canonical=canonical,
        alternates=alternates if len(alternates) > 1 else [],
        title=page.seo_title or page.title,
        site_name=site_name(context),
        description=page_description(page),
        og_type="article" if page.depth > 2 else "website",
        og_locale=OG_LOCALES.get(language, language),
        og_locale_alternates=[OG_LOCALES[code] for code in urls if code != language],
        og_image=og_image(request, page) or default_og_image(request),
    )
    return result


def og_image(request: HttpRequest, page: Page) -> dict | None:
    """The page's lead image for link previews: absolute address, size, alt."""
    image = getattr(page, "lead_image", None)
    if image is None:
        return None
    try:
        rendition = image.get_rendition(OG_IMAGE_SPEC)
    except SourceImageIOError:
        # The original file is missing (media not restored): share no image
        # rather than fail the page; the page's own picture shows Wagtail's
        # "not found" placeholder.
        return None
    return {
        "url": request.build_absolute_uri(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": page.lead_image_alt_text,
    }


def default_og_image(request: HttpRequest) -> dict:
    """The site's share image, for pages without a lead image."""
    return {
        **DEFAULT_OG_IMAGE,
        "url": request.build_absolute_uri(static(DEFAULT_OG_IMAGE["path"])),
    }


@register.inclusion_tag("tags/take_home_sheet.html", takes_context=True)
def take_home_sheet(context) -> dict:
    """The printed page's last part: room for the reader's questions, and the
    page's canonical address with a QR code drawn here (no other host).

    Hidden on screen; about half a kilobyte compressed, so it is sent with the
    page rather than fetched when printing, which a print may not wait for.
    """
    request = context.get("request")
    page = context.get("page")
    if request is None or page is None:
        return {}
    url = alternate_urls(context).get(translation.get_language())
    if not url:
        return {}
    address = request.build_absolute_uri(url)
    return {"address": address, "qr_code": mark_safe(qr_code_svg(address))}  # noqa: S308


# Bounded: the addresses are the live pages in each language on the allowed hosts.
@functools.lru_cache(maxsize=2048)
def qr_code_svg(address: str) -> str:
    """The QR code of ``address`` as inline SVG, kept per worker process: drawing
    one costs more than rendering the rest of a treatment page."""
    return segno.make(address, micro=False).svg_inline(
        scale=1, dark="#000", light=None, svgclass=None, lineclass=None, omitsize=True
    )


def page_description(page: Page) -> str:
    """The meta description: the search description, else the introduction."""
    description = page.search_description or getattr(page, "intro", "") or ""
    if not description and getattr(page, "subtitle", ""):
        description = page.subtitle
    return description[:300]


@register.simple_tag(takes_context=True)
def site_shell(context) -> dict:
    """Clinic details, navigation, footer links and the consultation form's
    address: read once per request, and shared by the pages between publishes
    (``page_cache.shared``) because every render needs them."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {}
    shells = request.__dict__.setdefault("_site_shells", {})
    language = translation.get_language()
    if language not in shells:
        shells[language] = page_cache.shared(
            f"shell:{site.pk}:{language}", lambda: build_shell(site, request), request
        )
    return shells[language]


@register.simple_tag(takes_context=True)
def site_name(context) -> str:
    """The clinic's name from the settings, as the header shows it.

    Every page title ends with it ("Denervation (thermocoagulation) in Aschheim
    – ROC Ortho"), so an editor's SEO title names the page, not the clinic.
    """
    return site_shell(context).get("name") or settings.WAGTAIL_SITE_NAME


def build_shell(site: Site, request: HttpRequest) -> dict:
    """Plain values for the header and footer (strings only: they are cached)."""
    consultation = (
        ConsultationPage.objects.live()
        .filter(view_restrictions__isnull=True)
        .in_site(site)
        .first()
    )
    consultation_url = (consultation.get_url(request) or "") if consultation else ""
    # The settings, their footer pages and the navigation in one query.
    items = list(
        NavigationItem.objects.filter(settings__site=site)
        .select_related(
            "page", *(f"settings__{name}" for name in ClinicSettings.select_related)
        )
        .order_by("sort_order")
    )
    clinic = (
        items[0].settings
        if items
        else ClinicSettings.base_queryset().filter(site=site).first()
    )
    if clinic is None:
        return {
            "name": site.site_name or settings.WAGTAIL_SITE_NAME,
            "nav": [],
            "consultation_url": consultation_url,
        }
    language = translation.get_language()
    # Pages without a version in the reader's language are left out.
    nav = [
        {"url": item.page.get_url(request), "label": item.label or item.page.title}
        for item in items
        if item.page.live and has_translation(item.page, language)
    ]
    footer = [
        {"url": page.get_url(request), "label": page.title}
        for page in (
            clinic.legal_notice_page,
            clinic.privacy_page,
            clinic.accessibility_page,
        )
        if page is not None and page.live and has_translation(page, language)
    ]
    fields = [
        field.name
        for field in ClinicSettings._meta.concrete_fields
        if field.get_internal_type() in {"CharField", "TextField"}
        and field.name[-3:] not in {"_de", "_en"}
    ]
    shell = {name: str(getattr(clinic, name) or "") for name in fields}
    shell.update(
        name=clinic.clinic_name,
        nav=[item for item in nav if item["url"]],
        footer=[item for item in footer if item["url"]],
        phone_href=phone_href(clinic.phone),
        email_href="" if is_placeholder(clinic.email) else clinic.email,
        consultation_url=consultation_url,
    )
    return shell


def is_placeholder(value: str) -> bool:
    return bool(PLACEHOLDER.fullmatch(value.strip())) if value else False


def phone_href(phone: str) -> str:
    """``tel:`` address of a phone number, or "" for a placeholder."""
    if not phone or is_placeholder(phone):
        return ""
    digits = re.sub(r"[^\d+]", "", phone)
    return f"tel:{digits}" if digits else ""


@register.filter
def mark_placeholders(value) -> SafeString:
    """Highlight "[Von der Praxis zu ergänzen: …]" so that nobody misses it."""
    text = conditional_escape(value or "")
    if "[" not in text:  # no placeholder (most values): nothing to add
        return text
    return mark_safe(  # noqa: S308 (escaped above; only adds <mark>)
        PLACEHOLDER.sub(
            lambda match: f'<mark class="placeholder">{match.group(0)}</mark>',
            str(text),
        )
    )


@register.simple_tag(takes_context=True)
def current_nav(context, url: str) -> str:
    """``aria-current`` for the navigation link of the section being read."""
    request = context.get("request")
    path = request.path if request else ""
    if url and path == url:
        return mark_safe(' aria-current="page"')
    if url and path.startswith(url) and url.count("/") > 2:
        return mark_safe(' aria-current="true"')
    return ""
