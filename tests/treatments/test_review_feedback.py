"""Reviews easy to follow (treatments.review_feedback): confirmations for the
reviewer, the request for changes where the author works."""

from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

import pytest

from tests.staff import sign_in_staff
from tests.treatments.utils import (
    current_task_state,
    edit_form_data,
    submit_for_review,
)
from treatments.models import TreatmentPage

pytestmark = pytest.mark.django_db


def texts(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def editor_action(client: Client, page: TreatmentPage, action: str, **extra):
    """Approve or request changes from the editor's footer, as Wagtail's form does:
    with the text under review, unchanged."""
    under_review = TreatmentPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    return client.post(
        f"/admin/pages/{page.pk}/edit/",
        edit_form_data(
            under_review,
            subtitle_de=under_review.subtitle_de,
            **{
                "action-workflow-action": "1",
                "workflow-action-name": action,
                "workflow-action-extra-data": extra.get("data", "{}"),
            },
        ),
    )


@pytest.fixture
def submitted(client, denervation_page, editor):
    sign_in_staff(client, editor)
    submit_for_review(client, denervation_page, subtitle_de="Zur Prüfung")
    return denervation_page


def test_reviewer_sees_approval_confirmed_in_the_editor(client, submitted, reviewer):
    sign_in_staff(client, reviewer)

    # The German changed under review: the English is outdated, which the
    # approval dialog asks the reviewer to confirm (treatments.english).
    response = editor_action(
        client, submitted, "approve", data='{"comment": "", "english_checked": true}'
    )

    assert response.status_code == 302
    page = TreatmentPage.objects.get(pk=submitted.pk)
    assert page.subtitle_de == "Zur Prüfung"
    [confirmation] = [text for text in texts(response) if "Freigegeben" in text]
    assert "ist live" in confirmation
    assert page.last_reviewed.strftime("%Y") in confirmation


def test_reviewer_sees_request_for_changes_confirmed(client, submitted, reviewer):
    sign_in_staff(client, reviewer)

    response = editor_action(
        client, submitted, "reject", data='{"comment": "Quelle fehlt"}'
    )

    assert any("Änderungen angefordert" in text for text in texts(response))
    assert TreatmentPage.objects.get(pk=submitted.pk).subtitle_de != "Zur Prüfung"


def test_approval_from_the_dashboard_is_confirmed(client, submitted, reviewer):
    """Wagtail's workflow action view (the dashboard's buttons) leads to the
    confirmation, then to the editor."""
    sign_in_staff(client, reviewer)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(submitted.pk, "approve", current_task_state(submitted).pk),
    )

    response = client.post(
        url,
        {"comment": "", "english_needs_check": "on", "english_checked": "on"},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == f"/admin/pages/{submitted.pk}/edit/"
    assert "Freigegeben:" in response.content.decode()


def test_no_confirmation_without_a_decision(client, denervation_page, reviewer):
    sign_in_staff(client, reviewer)

    response = client.get(
        reverse("medical_review_decision", args=[denervation_page.pk]), follow=True
    )

    assert "Freigegeben" not in response.content.decode()


def reject_with_comment(client: Client, page: TreatmentPage, reviewer) -> None:
    sign_in_staff(client, reviewer)
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(page.pk, "reject", current_task_state(page).pk),
    )
    client.post(url, {"comment": "Bitte die Quelle zu Schritt 2 ergänzen."})


def test_editor_sees_the_rejection_comment_in_the_editor(
    client, submitted, editor, reviewer
):
    reject_with_comment(client, submitted, reviewer)
    sign_in_staff(client, editor)

    html = client.get(f"/admin/pages/{submitted.pk}/edit/").content.decode()

    assert "Änderungen angefordert von reviewer" in html
    assert "Bitte die Quelle zu Schritt 2 ergänzen." in html


def test_editor_sees_the_rejection_comment_on_the_dashboard(
    client, submitted, editor, reviewer
):
    reject_with_comment(client, submitted, reviewer)
    sign_in_staff(client, editor)

    html = client.get("/admin/").content.decode()

    assert 'id="changes-requested' in html
    assert "Bitte die Quelle zu Schritt 2 ergänzen." in html


def test_comment_gone_once_resubmitted(client, submitted, editor, reviewer):
    reject_with_comment(client, submitted, reviewer)
    sign_in_staff(client, editor)
    client.post(
        f"/admin/pages/{submitted.pk}/edit/",
        edit_form_data(submitted, **{"action-restart-workflow": "1"}),
    )

    html = client.get(f"/admin/pages/{submitted.pk}/edit/").content.decode()

    assert "Bitte die Quelle zu Schritt 2 ergänzen." not in html
