"""The "Medical review" report in the admin (treatments.reports)."""

import datetime

from django.contrib.auth.models import Group
from django.utils import timezone

import pytest

from tests.factories.treatments import TreatmentPageFactory
from tests.staff import sign_in_staff
from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db

URL = "/admin/reports/medical-review/"


def due_in(page: TreatmentPage, days: int) -> TreatmentPage:
    due = timezone.localdate() + datetime.timedelta(days=days)
    TreatmentPage.objects.filter(pk=page.pk).update(
        reviewed_by="orthopaedic-specialists",
        last_reviewed=due - datetime.timedelta(days=365),
        next_review_due=due,
    )
    return page


@pytest.fixture
def pages(denervation_page) -> dict[str, TreatmentPage]:
    index = denervation_page.get_parent()
    return {
        "year": due_in(denervation_page, 365),
        "soon": due_in(TreatmentPageFactory(parent=index, title_de="Knie"), 10),
        "overdue": due_in(TreatmentPageFactory(parent=index, title_de="Hüfte"), -3),
    }


def rows(html: str) -> list[str]:
    table = html[html.index('<table class="listing') :]
    body = table[table.index("<tbody") : table.index("</tbody>")]
    return body.split("<tr")[1:]


def row_of(html: str, page: TreatmentPage) -> str:
    return next(row for row in rows(html) if f"/pages/{page.pk}/edit/" in row)


def test_report_lists_every_treatment_page_with_its_status(admin_client, pages):
    html = admin_client.get(URL).content.decode()

    assert len(rows(html)) == 3
    assert "Überfällig" in row_of(html, pages["overdue"])
    assert "Bald fällig" in row_of(html, pages["soon"])
    assert "Aktuell" in row_of(html, pages["year"])
    assert "Fachärzte für Orthopädie bei ROC Ortho" in row_of(html, pages["year"])


def test_report_lists_a_page_never_reviewed(admin_client, denervation_page):
    html = admin_client.get(URL).content.decode()

    assert "Nicht geprüft" in row_of(html, denervation_page)


def test_report_filters_by_review_status(admin_client, pages):
    html = admin_client.get(URL, {"review_status": "overdue"}).content.decode()

    assert [f"/pages/{pages['overdue'].pk}/edit/" in row for row in rows(html)] == [
        True
    ]


def test_report_exports_csv(admin_client, pages):
    response = admin_client.get(URL, {"export": "csv"})
    csv = b"".join(response.streaming_content).decode()

    assert response["Content-Type"].startswith("text/csv")
    assert csv.count("\n") >= 4
    overdue = next(line for line in csv.splitlines() if line.startswith("Hüfte,"))
    due = TreatmentPage.objects.get(pk=pages["overdue"].pk).next_review_due
    assert overdue.endswith(
        f",Überfällig,Fachärzte für Orthopädie bei ROC Ortho,"
        f"{due - datetime.timedelta(days=365)},{due},Englisch aktuell"
    )


def test_front_desk_has_no_report(client, django_user_model):
    user = django_user_model.objects.create_user("desk", password="x" * 16)
    user.groups.add(Group.objects.get(name="Front desk"))
    sign_in_staff(client, user)

    response = client.get(URL)

    assert response.status_code in {302, 403}
    assert "medical-review" not in client.get("/admin/").content.decode()


def test_report_shows_the_english_status(admin_client, pages):
    soon = TreatmentPage.objects.get(pk=pages["soon"].pk)
    soon.title_en = ""
    soon.save_revision()
    overdue = TreatmentPage.objects.get(pk=pages["overdue"].pk)
    overdue.title_de = "Hüfte (neu)"
    overdue.save_revision()

    html = admin_client.get(URL).content.decode()

    assert "Englisch fehlt" in row_of(html, pages["soon"])
    assert "Englisch veraltet" in row_of(html, pages["overdue"])
    assert "Englisch aktuell" in row_of(html, pages["year"])


def test_report_filters_by_english_status(admin_client, pages):
    soon = TreatmentPage.objects.get(pk=pages["soon"].pk)
    soon.title_en = ""
    soon.save_revision()

    html = admin_client.get(URL, {"english_status": "missing"}).content.decode()

    assert len(rows(html)) == 1
    assert f"/pages/{soon.pk}/edit/" in html
