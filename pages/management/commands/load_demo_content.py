from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from wagtail.models import Page

from django_otp.plugins.otp_totp.models import TOTPDevice

from pages.demo.consultation import ensure_consultation_page
from pages.demo.home import ensure_home_page
from pages.demo.shell import (
    ensure_clinic_settings,
    ensure_home_sections,
    ensure_information_pages,
    link_consent_to_privacy,
)
from pages.ops import page_cache
from pages.staff.two_factor import APP_DEVICE_NAME, secret_in_groups
from treatments.demo.generated import ensure_generated_treatments
from treatments.demo.loader import (
    ensure_body_regions,
    ensure_denervation_page,
    ensure_treatment_index,
)

DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_PASSWORD = "roc-ortho-demo-2026"  # noqa: S105 (dev-only, printed)
# The demo admin's authenticator key (hex, as django-otp stores it): fixed so that
# `manage.py demo_totp` or any app set up with the printed secret gives the code.
DEMO_ADMIN_TOTP_KEY = "526f634f7274686f44656d6f32303236546f7470"


class Command(BaseCommand):
    help = (
        "Create the demo site in German and English. Safe to run again: content "
        "that already exists is left as editors changed it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the demo pages first and build them anew.",
        )
        parser.add_argument(
            "--treatments",
            type=int,
            default=0,
            metavar="N",
            help=(
                "Also make sure N generated placeholder treatment pages exist in "
                "both languages (test content for measuring, never by default)."
            ),
        )

    def handle(
        self, *args, reset: bool = False, treatments: int = 0, **options
    ) -> None:
        if treatments < 0:
            raise CommandError("--treatments needs a number of 0 or more.")
        if reset:
            self.delete_site_pages()
        home, created = ensure_home_page()
        self.report("home page", home, created)
        regions = ensure_body_regions()
        index, created = ensure_treatment_index(home)
        self.report("treatment index", index, created)
        denervation, created = ensure_denervation_page(index, regions)
        self.report("treatment page", denervation, created)
        if treatments:
            added = ensure_generated_treatments(index, treatments)
            page_cache.clear()
            self.stdout.write(
                f"generated test treatments: {treatments} ({added} added; "
                "placeholder text, not for a real site)"
            )
        consultation, created = ensure_consultation_page(home)
        self.report("consultation page", consultation, created)
        pages = {}
        for label, (page, created) in ensure_information_pages(home).items():
            self.report(label, page, created)
            pages[label] = page
        link_consent_to_privacy(pages["privacy notice"])
        if ensure_home_sections(home):
            self.stdout.write("home page: filled the empty sections")
        _clinic, changed = ensure_clinic_settings(pages)
        state = "filled the empty fields" if changed else "kept as they were"
        self.stdout.write(f"clinic details and navigation: {state}")
        if settings.DEMO_ADMIN_ALLOWED:
            self.ensure_demo_admin()

    def report(self, label: str, page: Page, created: bool) -> None:
        state = "created" if created else "kept as it was"
        self.stdout.write(f"{label}: {page.title} ({state})")

    @transaction.atomic
    def delete_site_pages(self) -> None:
        root = Page.get_first_root_node()
        for child in root.get_children():
            child.delete()
        self.stdout.write("deleted the existing pages")

    def ensure_demo_admin(self) -> None:
        """Create a local superuser for the demo; never in production settings."""
        if not settings.DEMO_ADMIN_ALLOWED:
            raise CommandError("The demo admin is not allowed with these settings.")
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(
            username=DEMO_ADMIN_USERNAME,
            defaults={"is_staff": True, "is_superuser": True, "email": ""},
        )
        if created:
            user.set_password(DEMO_ADMIN_PASSWORD)
            user.save()
        device, _created = TOTPDevice.objects.get_or_create(
            user=user,
            name=APP_DEVICE_NAME,
            defaults={"key": DEMO_ADMIN_TOTP_KEY, "confirmed": True},
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo admin: /admin/ user '{DEMO_ADMIN_USERNAME}' password "
                f"'{DEMO_ADMIN_PASSWORD}', then the code from "
                f"`manage.py demo_totp` or an authenticator app with the key "
                f"{secret_in_groups(device)} (local demo only)"
            )
        )
