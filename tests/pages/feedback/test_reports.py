from django.contrib.auth.models import Group

import pytest

from pages.models import PageFeedback
from tests.pages.feedback.conftest import answer_no_with_comment
from tests.staff import sign_in_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def answers(denervation_page, clinic_page):
    for language, helpful in [("de", False), ("de", False), ("de", True), ("en", True)]:
        PageFeedback.objects.create(
            page=denervation_page, language=language, helpful=helpful
        )
    PageFeedback.objects.create(
        page=clinic_page, language="en", helpful=False, comment="=HYPERLINK(1)"
    )


def test_counts_per_page_and_language(admin_client, answers, denervation_page):
    response = admin_client.get("/admin/reports/page-feedback/")

    html = response.content.decode()
    assert response.status_code == 200
    row = html[html.index(f"/admin/pages/{denervation_page.pk}/edit/") :]
    row = row[: row.index("</tr>")]
    cells = [cell.strip() for cell in row.split("<td")[1:]]
    values = [cell.split(">", 1)[1].split("<", 1)[0].strip() for cell in cells]
    # yes and no in German, yes and no in English, comments
    assert values == ["1", "2", "1", "0", "0"]


def test_no_with_comment_from_a_reader_is_visible_to_an_editor(
    client, django_user_model, denervation_page
):
    answer_no_with_comment(client, denervation_page, "Ruf mich an: 089 1234567")
    editor = django_user_model.objects.create_user("editor", password="x" * 16)
    editor.groups.add(Group.objects.get(name="Editors"))
    staff = sign_in_staff(client, editor)

    html = staff.get("/admin/reports/feedback-comments/").content.decode()

    assert "Ruf mich an: [Telefonnummer entfernt]" in html
    assert "1234567" not in html
    assert denervation_page.title in html


def test_comments_export_is_excel_safe(admin_client, answers):
    response = admin_client.get("/admin/reports/feedback-comments/?export=csv")

    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert response.status_code == 200
    assert "'=HYPERLINK(1)" in content
    assert "Praxis" in content or "Clinic" in content


def test_counts_export(admin_client, answers):
    response = admin_client.get("/admin/reports/page-feedback/?export=xlsx")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_staff_without_the_permission_are_refused(client, django_user_model):
    user = django_user_model.objects.create_user("desk", password="x" * 16)
    user.groups.add(Group.objects.get(name="Front desk"))
    staff = sign_in_staff(client, user)

    assert staff.get("/admin/reports/page-feedback/").status_code in (302, 403)
    assert staff.get("/admin/reports/feedback-comments/").status_code in (302, 403)
    assert "page-feedback" not in staff.get("/admin/").content.decode()
