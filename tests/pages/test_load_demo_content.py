import io

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.blocks import StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

import pytest

from pages.blocks import PARAGRAPH_FEATURES
from pages.models import (
    ClinicSettings,
    ConsultationPage,
    ConsultationRequest,
    HomePage,
    LegalNoticePage,
    StandardPage,
)

pytestmark = pytest.mark.usefixtures("empty_site")


def test_demo_command_twice_leaves_one_home_page_per_site():
    call_command("load_demo_content")
    call_command("load_demo_content")

    assert HomePage.objects.count() == 1
    assert Site.objects.count() == 1
    assert Site.objects.get().root_page.specific == HomePage.objects.get()


def test_demo_command_keeps_editor_changes():
    call_command("load_demo_content")
    home = HomePage.objects.get()
    home.intro_de = "Von der Redaktion geändert."
    home.save_revision().publish()

    call_command("load_demo_content")

    assert HomePage.objects.get().intro_de == "Von der Redaktion geändert."


def test_demo_command_reset_rebuilds_the_site():
    call_command("load_demo_content")
    call_command("load_demo_content", "--reset")

    assert HomePage.objects.count() == 1
    assert Site.objects.get().root_page.specific == HomePage.objects.get()


def test_demo_admin_only_where_settings_allow_it(settings):
    settings.DEMO_ADMIN_ALLOWED = False

    call_command("load_demo_content")

    assert not get_user_model().objects.filter(username="admin").exists()


def test_demo_site_serves_both_languages(client):
    call_command("load_demo_content")

    assert client.get("/de/").status_code == 200
    assert client.get("/en/").status_code == 200


def test_demo_command_creates_the_consultation_page_once(client):
    call_command("load_demo_content")
    call_command("load_demo_content")

    page = ConsultationPage.objects.get()
    assert page.get_parent().specific == HomePage.objects.get()
    assert client.get("/de/beratung/").status_code == 200
    assert client.get("/en/consultation/").status_code == 200
    assert not ConsultationRequest.objects.exists()


def test_demo_command_twice_keeps_one_of_each_shell_page():
    call_command("load_demo_content", stdout=io.StringIO())
    call_command("load_demo_content", stdout=io.StringIO())

    assert StandardPage.objects.count() == 3
    assert LegalNoticePage.objects.count() == 1
    assert ClinicSettings.objects.get().navigation_items.count() == 3


def rich_texts(value) -> list[str]:
    """The HTML of every rich text inside a stream value, however nested."""
    if isinstance(value, RichText):
        return [value.source]
    if isinstance(value, StreamValue | ListValue):
        children = [getattr(child, "value", child) for child in value]
    elif isinstance(value, StructValue):
        children = list(value.values())
    else:
        return []
    return [html for child in children for html in rich_texts(child)]


def demo_streams() -> list[tuple[StreamField, StreamValue]]:
    call_command("load_demo_content", stdout=io.StringIO())
    return [
        (field, getattr(page, field.attname))
        for page in Page.objects.specific()
        for field in page._meta.get_fields()
        if isinstance(field, StreamField)
    ]


def test_seeded_rich_text_is_stored_as_the_editor_saves_it():
    """Opening and saving a demo page in the editor changes no paragraph, so the
    first revision comparison shows only what the editor changed."""
    converter = ContentstateConverter(PARAGRAPH_FEATURES)
    seeded = [html for _field, value in demo_streams() for html in rich_texts(value)]

    assert len(seeded) > 20
    for html in seeded:
        saved = converter.to_database_format(converter.from_database_format(html))
        assert saved == html


def test_seeded_streams_keep_their_form_when_the_editor_saves_them():
    """Every block and list item already has the id the editor would give it."""
    streams = demo_streams()

    assert streams
    for field, value in streams:
        stored = list(value.raw_data)
        block = field.stream_block
        children = [(c.block_type, c.value, c.id) for c in block.to_python(stored)]
        assert block.get_prep_value(StreamValue(block, children)) == stored
