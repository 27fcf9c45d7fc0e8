import os

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.utils import translation

from wagtail.models import Page, Site

import hypothesis
import pytest

from tests.demo_database import (
    TEST_ENV,
    copy_demo_into_sqlite,
    on_sqlite,
    remember_demo,
)
from tests.factories.pages import HomePageFactory
from tests.figures import FIGURES
from tests.perf.prepared import postgres_template
from tests.staff import sign_in_staff

# Measurement scripts run by their make targets, never by pytest (tests/perf/README.md).
collect_ignore = ["perf"]

# The suite draws the same examples on every run, so a CI result never depends
# on chance; `make fuzz` explores (10,000 requests, a new seed each time).
# `pytest --hypothesis-profile=fast` (make test-fast): a tenth of the examples.
hypothesis.settings.register_profile("deterministic", derandomize=True)
hypothesis.settings.register_profile("fast", derandomize=True, max_examples=10)
hypothesis.settings.load_profile("deterministic")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """The test database starts as a copy of the demo database that ``make
    prepare`` builds (``tests/perf/prepared.py``), made once per code version
    for every process of every run: each pytest-xdist process saves the
    migrations and the demo (about 20 s). Django then only creates the tables
    the copy lacks (none), instead of running every migration."""
    test = settings.DATABASES["default"].setdefault("TEST", {})
    test["MIGRATE"] = False
    if not on_sqlite():  # SQLite's copy follows in django_db_setup
        url = os.environ["DATABASE_URL"]
        test["TEMPLATE"] = postgres_template({**TEST_ENV, "DATABASE_URL": url})


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup, django_db_blocker):
    """The test database holds the demo site from the start: PostgreSQL
    creates it from the template, SQLite's in-memory database is overwritten
    with a copy of its template."""
    with django_db_blocker.unblock():
        if on_sqlite():
            copy_demo_into_sqlite()
        # The ids of the copy, all read now: a first request in the process
        # would otherwise make one query more than the next (query counts).
        ContentType.objects.clear_cache()
        ContentType.objects.get_for_models(*apps.get_models())
        if hasattr(connection, "_test_serialized_contents"):
            connection._test_serialized_contents = (
                connection.creation.serialize_db_to_string()
            )
        if any(item.get_closest_marker("browser") for item in request.session.items):
            remember_demo()


def starts_processes_only(item: pytest.Item) -> bool:
    """A ``slow`` test that runs the site in processes of its own and never
    touches the test database: neither marked ``django_db`` nor asking for a
    fixture that needs ``django_db_setup`` (``fixturenames`` holds every fixture
    a test needs, directly or through others; pytest-django's database
    fixtures all need that one)."""
    return (
        item.get_closest_marker("slow") is not None
        and item.get_closest_marker("django_db") is None
        and "django_db_setup" not in getattr(item, "fixturenames", ())
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests that start processes first, the rest in pytest-django's order
    (rolled back, then transactional). Much of their time is waiting (a page
    scheduled a minute ahead, servers starting), which the other pytest-xdist
    process fills; at the end of the run one process waited alone."""
    items.sort(key=lambda item: not starts_processes_only(item))


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
def empty_site(db):
    """No demo: the tree holds the root page alone, and nobody has an account.

    For tests that build their own pages or run the demo command themselves;
    deleted inside the test's transaction, so the next test has the demo again.
    """
    for child in Page.get_first_root_node().get_children():
        child.delete()
    Site.objects.all().delete()
    get_user_model().objects.all().delete()


@pytest.fixture
def home_page(empty_site):
    root = Page.get_first_root_node()
    return HomePageFactory(parent=root)


@pytest.fixture
def demo_site(db):
    """The demo site as `make run` builds it, in both languages.

    Loaded once per session (``django_db_setup``); each test's transaction is
    rolled back, so a test may change it freely.
    """


@pytest.fixture
def queued_tasks(settings):
    """Tasks (search and reference index updates) wait in a queue, as they do in
    production until the worker runs them: building a big site gets quicker."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }


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


def pytest_sessionfinish(session):
    """Under pytest-xdist, a worker hands its figures to the controller."""
    output = getattr(session.config, "workeroutput", None)
    if output is not None:
        output["figures"] = session.config.stash.get(FIGURES, [])


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """pytest-xdist: collect a finished worker's figures for the summary."""
    figures = getattr(node, "workeroutput", {}).get("figures", [])
    node.config.stash.setdefault(FIGURES, []).extend(figures)


def pytest_terminal_summary(terminalreporter, config):
    """Print the figures that tests recorded (``tests.figures.record``)."""
    lines = config.stash.get(FIGURES, [])
    if lines:
        terminalreporter.section("figures")
        for line in lines:
            terminalreporter.write_line(line)


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploads and renditions go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
