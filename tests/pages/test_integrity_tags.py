"""Subresource Integrity on the site's scripts (integrity_tags)."""

import base64
import hashlib
import json
import re

from django.contrib.staticfiles import finders
from django.template import Context, Template
from django.test import override_settings

import pytest

from tests.pages.conftest import page_html

PAGES = [
    "/de/",
    "/en/",
    "/de/behandlungen/denervation-thermokoagulation/",
    "/de/beratung/",
]
SCRIPT = re.compile(r"<script\b([^>]*)>")


def sha384(content: bytes) -> str:
    return "sha384-" + base64.b64encode(hashlib.sha384(content).digest()).decode()


def external_scripts(html: str) -> list[dict[str, str]]:
    scripts = [
        dict(re.findall(r'(\w+)="([^"]*)"', attrs)) for attrs in SCRIPT.findall(html)
    ]
    return [script for script in scripts if "src" in script]


@pytest.mark.parametrize("path", PAGES)
def test_every_script_carries_the_digest_of_its_file(client, demo_site, path):
    scripts = external_scripts(page_html(client, path))

    assert scripts, path
    for script in scripts:
        name = script["src"].removeprefix("/static/")
        with open(finders.find(name), "rb") as source:
            assert script["integrity"] == sha384(source.read()), name


def test_the_treatment_script_is_checked_too(client, demo_site):
    html = page_html(client, "/de/behandlungen/denervation-thermokoagulation/")

    sources = [script["src"] for script in external_scripts(html)]
    assert sources == ["/static/js/site.js", "/static/js/treatment.js"]


def test_an_edited_file_gets_a_new_digest(settings, tmp_path):
    (tmp_path / "js").mkdir()
    script = tmp_path / "js" / "edited.js"
    settings.STATICFILES_DIRS = [tmp_path]
    template = Template(
        "{% load integrity_tags %}{% static_integrity 'js/edited.js' %}"
    )

    script.write_text("let a = 1;\n")
    before = template.render(Context())
    script.write_text("let a = 2; // longer, so the change shows in any clock\n")

    assert before == sha384(b"let a = 1;\n")
    assert template.render(Context()) == sha384(script.read_bytes())


def test_collected_files_are_hashed_as_served(settings, tmp_path):
    """With the manifest storage: the digest of the collected copy, not the source."""
    collected = b"/* rewritten by collectstatic */\n"
    (tmp_path / "js").mkdir()
    (tmp_path / "js" / "site.0123456789ab.js").write_bytes(collected)
    manifest = {"version": "1.1", "paths": {"js/site.js": "js/site.0123456789ab.js"}}
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
    storage = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"

    with override_settings(
        STATIC_ROOT=tmp_path,
        STORAGES={**settings.STORAGES, "staticfiles": {"BACKEND": storage}},
    ):
        html = Template(
            "{% load integrity_tags static %}"
            '<script src="{% static "js/site.js" %}" '
            'integrity="{% static_integrity "js/site.js" %}"></script>'
        ).render(Context())

    assert external_scripts(html) == [
        {"src": "/static/js/site.0123456789ab.js", "integrity": sha384(collected)}
    ]
