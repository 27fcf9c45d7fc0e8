"""Settings shared by every environment.

Holds no secrets and keeps ``DEBUG`` off: ``dev``, ``test`` and ``production``
add what their environment needs.
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

import dj_database_url

from . import headers

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = False
ALLOWED_HOSTS: list[str] = []

INSTALLED_APPS = [
    # modeltranslation must come before the apps whose models it translates,
    # and its migrate/makemigrations overrides before Django's own.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "pages",
    "treatments",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "axes",
    "health_check",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "clinic_site.security.SiteCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Up here so that every response has it, the 400 below included.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # A static 400 page for a body in a charset other than UTF-8, before
    # anything reads the body (the CSRF check would, and fail with a 500).
    "clinic_site.middleware.RequireUTF8Middleware",
    # A static 400 page for a NUL byte in a header (PostgreSQL would refuse it).
    "clinic_site.middleware.NulInHeaderMiddleware",
    # A static 400 page for a form body that cannot be parsed, before the 404
    # handler's CSRF check reads it (which made it a 500).
    "clinic_site.middleware.UnreadableFormMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Cache-Control for the caching proxy in front, on stored pages and hits alike.
    "pages.ops.edge_cache.EdgeCacheHeadersMiddleware",
    # Serves cached pages to anonymous readers before any session or database work.
    "pages.ops.page_cache.PageCacheMiddleware",
    # Pages leave compressed, and the page cache (above) and the edge cache keep
    # them so: a hit costs no compression. Django adds random bytes against
    # BREACH; whitenoise (above) sends static files precompressed itself.
    "clinic_site.middleware.InMemoryGZipMiddleware",
    # A static 503 page instead of a 500 while the database is unreachable.
    "clinic_site.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "pages.staff.two_factor.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # An upload into a full disk: the editor's message instead of a 500.
    "pages.ops.storage.StorageFullMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a lockout into its response.
    "axes.middleware.AxesMiddleware",
]

# django-axes counts failed logins (in the database, so across app servers)
# before Django's own backend checks the password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "clinic_site.urls"

# Sessions (staff only) in the database, so that any instance serves any user;
# a malformed session cookie is no session (clinic_site/sessions.py).
SESSION_ENGINE = "clinic_site.sessions"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Form fields render with the project's templates (includes/form_*.html), as
# Django's own field rendering (as_field_group, aria-describedby) expects.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

WSGI_APPLICATION = "clinic_site.wsgi.application"

# SQLite needs no setup; DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        conn_health_checks=True,
    )
}
# `make run` writes to SQLite from three gunicorn workers and the task worker.
# WAL lets readers go on while one writes; a write transaction takes the write
# lock when it begins (IMMEDIATE), so a second writer waits up to ``timeout``
# seconds for it instead of failing with "database is locked" halfway through.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: German first, English second, both with a URL prefix.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch"), ("en", "English")]
MODELTRANSLATION_DEFAULT_LANGUAGE = "de"
MODELTRANSLATION_LANGUAGES = ("de", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("de",), "de": ("en",)}
# The admin's language picker ("View / edit fields for") opens with both
# languages and then keeps the editor's choice from page to page (in the
# browser's localStorage). treatments/wagtail_hooks.py keeps it from hiding a
# section that holds fields of both languages.
WAGTAILMODELTRANSLATION_LOCALE_PICKER = True
WAGTAILMODELTRANSLATION_LOCALE_PICKER_DEFAULT = ("de", "en")
WAGTAILMODELTRANSLATION_LOCALE_PICKER_RESTORE = True
# Expanded into its German and English panels like a MultiFieldPanel.
WAGTAILMODELTRANSLATION_CUSTOM_COMPOSED_PANELS = [
    "treatments.english.layout.LanguagePairPanel"
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
# Django serves /media/images/ (renditions) itself only where no web server does
# (pages.media): make run, make dev and the tests; in production nginx does.
SERVE_MEDIA_IMAGES = False

STORAGES = {
    # FileSystemStorage that leaves no truncated upload on a full disk.
    "default": {"BACKEND": "pages.ops.storage.MediaStorage"},
    # Hashed, compressed file names so that whitenoise can cache them forever.
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# A treatment page's edit form posts over 1,000 fields (one per block and
# language); Django's default limit would answer "Save draft" with a 400.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "ROC Ortho"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
WAGTAIL_I18N_ENABLED = False  # content languages come from modeltranslation
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", _("German")), ("en", _("English"))]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf"]
# Documents are served by Django, which checks their collection's privacy; the
# web server never serves MEDIA_ROOT/documents itself (deploy/nginx.conf.example).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Private pages and documents send staff to the admin's sign-in, which asks for
# the second factor; a password alone opens nothing (RequireTwoFactorMiddleware).
WAGTAIL_FRONTEND_LOGIN_URL = "/admin/login/"
# The admin asks no other host from staff browsers: no release check from the
# dashboard (upgrades go through requirements.lock) and no Gravatar images (they
# would send a hash of each staff e-mail address to gravatar.com).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content-Security-Policy and Permissions-Policy: settings/headers.py.
CONTENT_SECURITY_POLICY = headers.CONTENT_SECURITY_POLICY
CONTENT_SECURITY_POLICY_PREVIEW = headers.CONTENT_SECURITY_POLICY_PREVIEW
CONTENT_SECURITY_POLICY_ADMIN = headers.CONTENT_SECURITY_POLICY_ADMIN
CONTENT_SECURITY_POLICY_ADMIN_EDITING = headers.CONTENT_SECURITY_POLICY_ADMIN_EDITING
PERMISSIONS_POLICY = headers.PERMISSIONS_POLICY
VIDEO_FRAME_SOURCES = headers.VIDEO_FRAME_SOURCES

# Staff log in with a password and a time-based one-time code (django-otp); the
# issuer names the account in the staff member's authenticator app.
OTP_TOTP_ISSUER = "ROC Ortho"
OTP_TOTP_THROTTLE_FACTOR = 1

# Passkeys (django-otp-webauthn) confirm the password; they never replace it.
# The relying party and the allowed origin come from the request's host, which
# ALLOWED_HOSTS limits (pages/staff/passkeys.py), so no list of origins is kept.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_ID_CALLABLE = "pages.staff.passkeys.relying_party_id"
OTP_WEBAUTHN_RP_NAME = "ROC Ortho"
OTP_WEBAUTHN_HELPER_CLASS = "pages.staff.passkeys.SiteWebAuthnHelper"
SILENCED_SYSTEM_CHECKS = ["otp_webauthn.E030"]

# The reverse proxies (addresses or CIDR ranges) whose X-Forwarded-For names the
# client, for the rate limit and the lockout; from anyone else the header is
# ignored. Empty: no proxy, REMOTE_ADDR is the client. production.py and
# gunicorn (deploy/gunicorn.conf.py) read the same TRUSTED_PROXIES variable.
TRUSTED_PROXIES: list[str] = []

# Brute-force lockout of the admin login (django-axes): 5 failures for one user
# name from one address lock that pair for 30 minutes; `manage.py axes_reset`
# unlocks. The address is the one the consultation rate limit counts
# (clinic_site.client_address, behind the TRUSTED_PROXIES below).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "clinic_site.client_address.client_address"
AXES_LOCKOUT_CALLABLE = "pages.staff.lockout.lockout_response"

# Background tasks (Django's tasks API through django-tasks): a database-backed
# queue worked by `manage.py db_worker`, which `make run` starts beside gunicorn.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# Consultation requests (pages.consultation). Numbers only; the front-desk
# address and the keys come from dev/test/production.
CONSULTATION_MIN_FILL_SECONDS = 3  # faster than this is a bot
CONSULTATION_FORM_MAX_AGE = 60 * 60 * 24  # a form older than a day is sent again
CONSULTATION_RATE_LIMIT_REQUESTS = 5  # per client address ...
CONSULTATION_RATE_LIMIT_WINDOW = 60 * 10  # ... in this many seconds
CONSULTATION_NOTIFICATION_MAX_ATTEMPTS = 6
CONSULTATION_NOTIFICATION_RETRY_SECONDS = 60 * 5  # times the attempt number
# An unsent notification with no task queued this long after the request
# arrived is queued again by the sweep (requeue_consultation_notifications).
CONSULTATION_NOTIFICATION_LOST_SECONDS = 60 * 5
# /healthz/ fails (503) while a notification is unsent for longer: past the
# retries' 75 minutes, so that a short mail outage does not count. None: off.
CONSULTATION_NOTIFICATION_HEALTH_SECONDS = 60 * 60 * 2
# Retention (pages.consultation.retention): closed requests this many days after
# closing; every other status (new, contacted, appointment booked) after arrival.
CONSULTATION_RETENTION_CLOSED_DAYS = 180
CONSULTATION_RETENTION_OPEN_DAYS = 365

# Page feedback (pages.feedback): the page types that ask "Was this page
# helpful?", answers and comments per client address and window, and how long
# after the answer its comment may follow.
PAGE_FEEDBACK_PAGE_TYPES = ("pages.standardpage", "treatments.treatmentpage")
PAGE_FEEDBACK_RATE_LIMIT_REQUESTS = 10
PAGE_FEEDBACK_RATE_LIMIT_WINDOW = 60 * 10
PAGE_FEEDBACK_COMMENT_MAX_AGE = 60 * 60
# Comments are blanked this many days after they arrived (pages.feedback.retention):
# free text may hold personal or health data despite the masking. Half a year
# leaves editors time to read a comment and fix the page; it is the period of
# closed consultation requests.
PAGE_FEEDBACK_COMMENT_RETENTION_DAYS = 180

# Rendered pages for anonymous readers (pages.ops.page_cache), in the default cache.
# Publishing clears them at once; this bounds what other edits (images, direct
# database changes) leave stale. 0 turns the page cache off.
PAGE_CACHE_SECONDS = 60 * 60

# The caching proxy in front (pages.ops.edge_cache, deploy/nginx.conf.example)
# keeps pages this long (s-maxage); publishing purges them. Browsers ask again
# every time (max-age=0). 0: no s-maxage, the proxy keeps nothing.
EDGE_CACHE_SECONDS = 60 * 10


def edge_cache_backends(purge_urls: str) -> dict[str, dict[str, str]]:
    """WAGTAILFRONTENDCACHE for the comma-separated addresses where each proxy
    takes PURGE requests (EDGE_CACHE_PURGE_URLS in dev and production)."""
    locations = [url.strip() for url in purge_urls.split(",") if url.strip()]
    for location in locations:
        parts = urlsplit(location)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise ImproperlyConfigured(
                f"EDGE_CACHE_PURGE_URLS: {location!r} is no http:// address."
            )
    return {
        f"proxy{number}": {
            "BACKEND": "pages.ops.edge_cache.PurgeBackend",
            "LOCATION": location,
        }
        for number, location in enumerate(locations, start=1)
    }


# The demo admin account may only be created where a settings module allows it.
DEMO_ADMIN_ALLOWED = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Front desk's overdue reminder (pages.consultation.reminders): a request nobody
# has opened after this many working hours is mailed to FRONT_DESK_EMAIL once more.
# Working hours are counted on CONSULTATION_WORKING_DAYS (0 = Monday) between the
# two hours of CONSULTATION_WORKING_HOURS, in TIME_ZONE; public holidays count.
CONSULTATION_REMINDER_WORKING_HOURS = 4
CONSULTATION_WORKING_DAYS = (0, 1, 2, 3, 4)
CONSULTATION_WORKING_HOURS = (8, 18)

# Wagtail's "forgot password" form (pages.staff.password_reset): requests per
# address and window, against mail floods.
PASSWORD_RESET_RATE_LIMIT_REQUESTS = 5
PASSWORD_RESET_RATE_LIMIT_WINDOW = 60 * 60

# Medical review of treatment pages (treatments/README.md). An approval in the
# "Medical review" workflow records the review and publishes without the approver
# needing publish permission; the next review falls due this many months later
# (a page may set a shorter interval).
WAGTAIL_FINISH_WORKFLOW_ACTION = "treatments.finish.finish_workflow"
MEDICAL_REVIEW_INTERVAL_MONTHS = 12
# The daily reminder (treatments.reminders) lists pages due within this many days.
MEDICAL_REVIEW_REMINDER_DAYS = 30
