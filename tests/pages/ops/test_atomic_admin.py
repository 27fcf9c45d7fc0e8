"""An admin save that fails halfway leaves no half-created page
(pages/ops/atomic_admin.py).

The database itself fails the save: a trigger refuses the new page's revision,
the second of Wagtail's writes after the page row, as a lock timeout or a full
disk would fail it.
"""

from django.db import connection

import pytest

from tests.treatments.utils import edit_form_data
from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db

FAIL_REVISIONS = {
    "sqlite": [
        "CREATE TRIGGER fail_revision BEFORE INSERT ON wagtailcore_revision "
        "BEGIN SELECT RAISE(ABORT, 'revision refused'); END",
    ],
    "postgresql": [
        "CREATE FUNCTION fail_revision() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'revision refused'; END $$",
        "CREATE TRIGGER fail_revision BEFORE INSERT ON wagtailcore_revision "
        "FOR EACH ROW EXECUTE FUNCTION fail_revision()",
    ],
}


@pytest.fixture
def revisions_fail():
    """Every revision insert fails; the test's transaction drops the trigger."""
    with connection.cursor() as cursor:
        for statement in FAIL_REVISIONS[connection.vendor]:
            cursor.execute(statement)


def test_page_whose_revision_fails_is_not_created(admin_client, revisions_fail):
    existing = TreatmentPage.objects.get(slug_de="denervation-thermokoagulation")
    index = existing.get_parent()
    data = edit_form_data(
        existing, title_de="Neu", title_en="New", slug_de="neu", slug_en="new"
    )
    admin_client.raise_request_exception = False

    response = admin_client.post(
        f"/admin/pages/add/treatments/treatmentpage/{index.pk}/", data
    )

    assert response.status_code >= 500
    assert not TreatmentPage.objects.filter(slug_de="neu").exists()


def test_page_is_created_when_nothing_fails(admin_client):
    existing = TreatmentPage.objects.get(slug_de="denervation-thermokoagulation")
    index = existing.get_parent()
    data = edit_form_data(
        existing, title_de="Neu", title_en="New", slug_de="neu", slug_en="new"
    )

    response = admin_client.post(
        f"/admin/pages/add/treatments/treatmentpage/{index.pk}/", data
    )

    assert response.status_code == 302
    created = TreatmentPage.objects.get(slug_de="neu")
    assert created.latest_revision is not None
