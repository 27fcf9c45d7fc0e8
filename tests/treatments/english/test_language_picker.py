"""The admin's language picker (wagtail-modeltranslation): both languages at
first, the editor's choice kept, no section hidden (clinic_site/settings/base.py,
treatments/wagtail_hooks.py)."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_the_edit_form_configures_the_picker_to_remember_and_show_both(
    admin_client, denervation_page
):
    html = admin_client.get(f"/admin/pages/{denervation_page.pk}/edit/").content
    html = html.decode()

    config = re.search(r"wagtailModelTranslations = \{(.*?)\};", html, re.DOTALL)
    assert "locale_picker_restore: true" in config.group(1)
    assert "locale_picker_default: ['de', 'en']" in config.group(1)
    assert "viewEditString: 'Felder anzeigen und bearbeiten für'" in config.group(1)
    assert 'href="/static/css/admin-language-picker.css"' in html
    # Each section holds fields of both languages, which the stylesheet keeps.
    section = html[
        html.index('id="panel-child-inhalt-nebenwirkungen_und_risiken') : html.index(
            'id="panel-child-inhalt-seltene_risiken'
        )
    ]
    assert 'id="id_side_effects_heading_de"' in section
    assert 'id="id_side_effects_heading_en"' in section
