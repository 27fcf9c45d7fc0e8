"""The treatment index of a big site: accessible and 320 px wide in both languages,
with its counts, "all treatments" links and page links shown."""

import io

from django.core.management import call_command

import pytest

from tests.browser.axe import assert_no_axe_violations
from tests.browser.test_reflow import NARROW, assert_reflows

pytestmark = pytest.mark.browser


@pytest.fixture
def many_treatments(writable_demo_site, queued_tasks):
    call_command("load_demo_content", treatments=90, stdout=io.StringIO())


@pytest.mark.parametrize(
    "path", ["/de/behandlungen/", "/en/treatments/?region=knee&page=2"]
)
def test_big_index_is_accessible_and_reflows(new_context, many_treatments, path):
    page = new_context(**NARROW).new_page()
    page.goto(path)

    assert page.locator(".region-filter__count").count() > 1
    assert page.locator(".pagination, .region-group a:not(.card__link)").count()
    assert_no_axe_violations(page)
    assert_reflows(page)
