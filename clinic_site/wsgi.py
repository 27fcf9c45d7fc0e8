"""WSGI entry point, served by gunicorn."""

import os

from django.core.wsgi import get_wsgi_application

from clinic_site.middleware import guard_non_text_charsets

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clinic_site.settings.production")

application = guard_non_text_charsets(get_wsgi_application())
