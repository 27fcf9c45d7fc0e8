import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import GroupPagePermission, ModelLogEntry

import pytest

from pages.models import ConsultationRequest
from tests.factories.consultation import ConsultationRequestFactory
from tests.pages.consultation.conftest import make_user
from tests.staff import sign_in_staff

pytestmark = pytest.mark.django_db

INDEX_URL = "/admin/consultation_requests/"


def actions_for(consultation_request) -> list[str]:
    return list(
        ModelLogEntry.objects.filter(object_id=str(consultation_request.pk))
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


def test_front_desk_group_works_requests_and_edits_no_pages():
    group = Group.objects.get(name="Front desk")

    codenames = set(group.permissions.values_list("codename", flat=True))

    assert {
        "access_admin",
        "view_consultationrequest",
        "change_consultationrequest",
        "export_consultationrequest",
    } <= codenames
    # Wagtail lets every admin group choose images and documents; nothing more.
    assert codenames - {"choose_image", "choose_document"} == {
        "access_admin",
        "view_consultationrequest",
        "change_consultationrequest",
        "export_consultationrequest",
    }
    assert not GroupPagePermission.objects.filter(group=group).exists()


def test_front_desk_sees_the_inbox_newest_first(client, front_desk):
    older = ConsultationRequestFactory(
        name="Berta Alt", created_at=timezone.now() - timedelta(days=3)
    )
    newer = ConsultationRequestFactory(name="Carl Neu")

    response = client.get(INDEX_URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Carl Neu") < html.index("Berta Alt")
    assert f"/admin/consultation_requests/inspect/{newer.pk}/" in html
    assert f"/admin/consultation_requests/inspect/{older.pk}/" in html
    # The age of each request, as Wagtail's human-readable date.
    assert "3\xa0Tage" in html or "3 Tage" in html


def test_inbox_is_in_the_admin_menu_for_the_front_desk(client, front_desk):
    html = client.get("/admin/").content.decode()

    assert "Consultation requests" in html or "Beratungsanfragen" in html


def test_editor_without_the_permission_gets_403(client):
    editor = make_user("redaktion", "Editors")
    sign_in_staff(client, editor)
    ConsultationRequestFactory()

    assert client.get(INDEX_URL).status_code == 403
    assert client.get(f"{INDEX_URL}?export=csv").status_code == 403


def test_anonymous_visitor_is_sent_to_the_login(client):
    response = client.get(INDEX_URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_inspect_view_shows_the_request_and_is_logged(client, front_desk):
    consultation_request = ConsultationRequestFactory(
        name="Anna Müller", message="Knieschmerzen beim Treppensteigen"
    )

    response = client.get(
        f"/admin/consultation_requests/inspect/{consultation_request.pk}/"
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Anna Müller" in html
    assert "Knieschmerzen beim Treppensteigen" in html
    entry = ModelLogEntry.objects.get(action="pages.consultation_request.view")
    assert entry.user == front_desk
    assert entry.object_id == str(consultation_request.pk)
    # The log names the request by number, never the patient.
    assert "Anna" not in entry.label
    edit_url = f"/admin/consultation_requests/edit/{consultation_request.pk}/"
    assert f'class="button" href="{edit_url}"' in html


def test_opening_the_edit_form_is_logged_as_a_view(client, front_desk):
    consultation_request = ConsultationRequestFactory(status="contacted")

    response = client.get(
        f"/admin/consultation_requests/edit/{consultation_request.pk}/"
    )

    assert response.status_code == 200
    assert actions_for(consultation_request) == ["pages.consultation_request.view"]


def test_status_change_assignment_and_notes_are_saved_and_logged(client, front_desk):
    consultation_request = ConsultationRequestFactory()

    response = client.post(
        f"/admin/consultation_requests/edit/{consultation_request.pk}/",
        {
            "status": ConsultationRequest.Status.CONTACTED,
            "assigned_to": front_desk.pk,
            "internal_notes": "Rückruf am Dienstag vereinbart",
        },
    )

    assert response.status_code == 302
    consultation_request.refresh_from_db()
    assert consultation_request.status == ConsultationRequest.Status.CONTACTED
    assert consultation_request.assigned_to == front_desk
    assert consultation_request.internal_notes == "Rückruf am Dienstag vereinbart"
    status_entry = ModelLogEntry.objects.get(action="pages.consultation_request.status")
    assert status_entry.user == front_desk
    assert status_entry.data == {"from": "new", "to": "contacted"}
    assert "wagtail.edit" in actions_for(consultation_request)


def test_edit_form_cannot_change_what_the_patient_sent(client, front_desk):
    consultation_request = ConsultationRequestFactory(name="Anna Müller")

    client.post(
        f"/admin/consultation_requests/edit/{consultation_request.pk}/",
        {"status": "closed", "name": "Someone Else", "message": "changed"},
    )

    consultation_request.refresh_from_db()
    assert consultation_request.name == "Anna Müller"
    assert consultation_request.message == "Seit Wochen Schmerzen im unteren Rücken."
    assert consultation_request.closed_at is not None


def test_export_lists_the_requests_and_logs_each_one(client, front_desk):
    first = ConsultationRequestFactory(name="Anna Müller")
    second = ConsultationRequestFactory(name="Berta Alt")

    html = client.get(INDEX_URL).content.decode()
    assert f'href="{INDEX_URL}?export=csv"' in html
    response = client.get(f"{INDEX_URL}?export=csv")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    content = b"".join(response.streaming_content).decode()
    assert "Anna Müller" in content
    assert "Berta Alt" in content
    assert "Neu;Anna Müller;patient" in content  # status as the front desk reads it
    # Messages stay in the admin.
    assert "Schmerzen" not in content
    for consultation_request in (first, second):
        assert "pages.consultation_request.export" in actions_for(consultation_request)


def test_export_needs_its_own_permission(client):
    user = make_user("nur-lesen")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_consultationrequest"),
    )
    sign_in_staff(client, user)
    ConsultationRequestFactory()

    listing = client.get(INDEX_URL)
    assert listing.status_code == 200
    assert "export=" not in listing.content.decode()
    assert client.get(f"{INDEX_URL}?export=xlsx").status_code == 403
    assert not ModelLogEntry.objects.filter(
        action="pages.consultation_request.export"
    ).exists()


def test_front_desk_cannot_delete(client, front_desk):
    consultation_request = ConsultationRequestFactory()

    response = client.post(
        f"/admin/consultation_requests/delete/{consultation_request.pk}/"
    )

    assert response.status_code == 403
    assert ConsultationRequest.objects.filter(pk=consultation_request.pk).exists()


def test_delete_by_an_administrator_is_logged(client):
    admin = make_user("chefin", is_superuser=True, is_staff=True)
    sign_in_staff(client, admin)
    consultation_request = ConsultationRequestFactory()

    response = client.post(
        f"/admin/consultation_requests/delete/{consultation_request.pk}/"
    )

    assert response.status_code == 302
    assert not ConsultationRequest.objects.exists()
    entry = ModelLogEntry.objects.get(action="wagtail.delete")
    assert entry.user == admin
    assert entry.object_id == str(consultation_request.pk)


def test_nobody_adds_requests_in_the_admin(client):
    admin = make_user("chefin", is_superuser=True, is_staff=True)
    sign_in_staff(client, admin)

    response = client.get("/admin/consultation_requests/new/")

    assert response.status_code == 403
    assert 'href="/admin/consultation_requests/new/"' not in (
        client.get(INDEX_URL).content.decode()
    )


@pytest.mark.parametrize(
    "query", ["anna.mueller@example.org", "  ANNA.Mueller@Example.org ", "müller"]
)
def test_search_by_name_or_email(client, front_desk, query):
    ConsultationRequestFactory(name="Anna Müller", email="anna.mueller@example.org")
    ConsultationRequestFactory(name="Berta Alt", email="berta@example.org")

    html = client.get(INDEX_URL, {"q": query}).content.decode()

    assert "Anna Müller" in html
    assert "Berta Alt" not in html


def test_filter_by_status(client, front_desk):
    ConsultationRequestFactory(name="Anna Müller", status="closed")
    ConsultationRequestFactory(name="Berta Alt")

    html = client.get(INDEX_URL, {"status": "closed"}).content.decode()

    assert "Anna Müller" in html
    assert "Berta Alt" not in html


def test_filter_by_date_received_and_language(client, front_desk):
    ConsultationRequestFactory(
        name="Anna Müller", created_at=timezone.now() - timedelta(days=40)
    )
    ConsultationRequestFactory(name="Berta Alt", preferred_language="en")
    since = (timezone.localdate() - timedelta(days=7)).isoformat()

    recent = client.get(INDEX_URL, {"created_at_from": since}).content.decode()
    english = client.get(INDEX_URL, {"preferred_language": "en"}).content.decode()

    assert "Berta Alt" in recent and "Anna Müller" not in recent
    assert "Berta Alt" in english and "Anna Müller" not in english


def test_times_are_the_clinics_with_the_date_in_inbox_detail_and_history(
    client, front_desk
):
    received = datetime(2026, 11, 30, 2, 42, tzinfo=ZoneInfo("Europe/Berlin"))
    consultation_request = ConsultationRequestFactory(created_at=received)
    log(consultation_request, "pages.consultation_request.view", user=front_desk)
    ModelLogEntry.objects.update(timestamp=received)

    inbox = client.get(INDEX_URL).content.decode()
    detail = client.get(
        f"/admin/consultation_requests/inspect/{consultation_request.pk}/"
    ).content.decode()
    history = client.get(
        f"/admin/consultation_requests/history/{consultation_request.pk}/"
    ).content.decode()

    assert "30.11.2026 02:42" in inbox
    assert "30.11.2026 02:42" in detail
    assert "30.11.2026 02:42" in history


def test_detail_shows_a_dash_for_what_is_empty(client, front_desk):
    consultation_request = ConsultationRequestFactory(phone=None, assigned_to=None)

    html = client.get(
        f"/admin/consultation_requests/inspect/{consultation_request.pk}/"
    ).content.decode()

    values = re.findall(r"<dd>\s*(.*?)\s*</dd>", html, re.DOTALL)
    assert "None" not in values
    assert values.count("—") >= 2  # phone number, assigned to


def test_assignment_offers_only_the_front_desk_by_full_name(client, front_desk):
    make_user("tresen", "Front desk", first_name="Franz", last_name="Tresen")
    editor = make_user("redaktion", "Editors", first_name="Rita", last_name="Red")
    consultation_request = ConsultationRequestFactory()
    edit_url = f"/admin/consultation_requests/edit/{consultation_request.pk}/"

    html = client.get(edit_url).content.decode()
    response = client.post(edit_url, {"status": "new", "assigned_to": editor.pk})

    assert ">Eva Empfang</option>" in html
    assert ">Franz Tresen</option>" in html
    assert "Rita Red" not in html
    assert ">empfang</option>" not in html
    assert response.status_code == 200  # the form again, with an error
    consultation_request.refresh_from_db()
    assert consultation_request.assigned_to is None


def test_inbox_names_the_assignee_and_shows_a_dash_for_nobody(client, front_desk):
    ConsultationRequestFactory(assigned_to=front_desk)
    ConsultationRequestFactory()

    html = client.get(INDEX_URL).content.decode()

    assert "Eva Empfang" in html
    assert "—" in html
    assert "None" not in re.findall(r"<td[^>]*>\s*(.*?)\s*</td>", html, re.DOTALL)


def test_history_shows_the_status_change_from_and_to(client, front_desk):
    consultation_request = ConsultationRequestFactory()
    edit_url = f"/admin/consultation_requests/edit/{consultation_request.pk}/"
    client.post(edit_url, {"status": "contacted"})

    html = client.get(
        f"/admin/consultation_requests/history/{consultation_request.pk}/"
    ).content.decode()

    assert "Status geändert: Neu -&gt; Kontaktiert" in html


def test_edit_form_shows_the_request_summary_above_the_fields(client, front_desk):
    consultation_request = ConsultationRequestFactory(
        name="Anna Müller", phone=None, preferred_times="vormittags"
    )

    html = client.get(
        f"/admin/consultation_requests/edit/{consultation_request.pk}/"
    ).content.decode()

    summary = html.index("Die Anfrage")
    assert summary < html.index("Anna Müller") < html.index('name="status"')
    assert summary < html.index("vormittags") < html.index('name="status"')
    assert summary < html.index("<dd>—</dd>") < html.index('name="status"')
