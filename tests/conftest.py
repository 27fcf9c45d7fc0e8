import io

from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from wagtail.models import Page, Site

import pytest

from tests.factories.pages import HomePageFactory
from tests.figures import FIGURES
from tests.staff import sign_in_staff


@pytest.fixture(autouse=True)
def empty_cache():
    """Site root paths and rate limits live in the cache: start each test clean."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """A request activates its language for the thread and leaves it active:
    start the next test in the default language (German) again."""
    yield
    translation.deactivate()


@pytest.fixture
def home_page(db):
    root = Page.get_first_root_node()
    return HomePageFactory(parent=root)


@pytest.fixture
def demo_content(db):
    """The demo site as `make run` builds it, in both languages."""
    call_command("load_demo_content", stdout=io.StringIO())


@pytest.fixture
def site(home_page):
    Site.objects.all().delete()
    return Site.objects.create(
        hostname="testserver",
        port=80,
        root_page=home_page,
        is_default_site=True,
        site_name="ROC Ortho",
    )


@pytest.fixture
def client_de(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "de"
    return client


@pytest.fixture
def client_en(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def admin_client(client, admin_user):
    """pytest-django's admin client, verified with a second factor."""
    return sign_in_staff(client, admin_user)


def pytest_terminal_summary(terminalreporter, config):
    """Print the figures that tests recorded (``tests.figures.record``)."""
    lines = config.stash.get(FIGURES, [])
    if lines:
        terminalreporter.section("figures")
        for line in lines:
            terminalreporter.write_line(line)
