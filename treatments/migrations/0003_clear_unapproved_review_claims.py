"""Review claims come from the Medical review workflow only.

Until now the dates were typed (or set by the demo loader). A page whose last
approval in the "Medical review" workflow is known gets that approval's date, the
team as reviewer and the next review a year later; every other page loses its
claim until a reviewer approves it.
"""

import calendar

from django.db import migrations
from django.utils import timezone


def add_year(day):
    year = day.year + 1
    return day.replace(
        year=year, day=min(day.day, calendar.monthrange(year, day.month)[1])
    )


def review_from_approvals(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    TreatmentPage = apps.get_model("treatments", "TreatmentPage")
    page_type = ContentType.objects.filter(app_label="wagtailcore", model="page")
    for page in TreatmentPage.objects.all():
        approval = (
            TaskState.objects.filter(
                status="approved",
                workflow_state__status="approved",
                workflow_state__workflow__name="Medical review",
                workflow_state__base_content_type__in=page_type,
                workflow_state__object_id=str(page.pk),
                finished_at__isnull=False,
            )
            .order_by("-finished_at")
            .first()
        )
        if approval is None:
            page.reviewed_by = ""
            page.last_reviewed = None
            page.next_review_due = None
        else:
            approved_on = timezone.localdate(approval.finished_at)
            page.reviewed_by = "medical-team"
            page.last_reviewed = approved_on
            page.next_review_due = add_year(approved_on)
        page.save(update_fields=["reviewed_by", "last_reviewed", "next_review_due"])


class Migration(migrations.Migration):
    dependencies = [
        ("treatments", "0002_review_from_workflow"),
    ]

    operations = [
        # Typed dates cannot be told from earned ones: nothing to restore.
        migrations.RunPython(
            review_from_approvals, migrations.RunPython.noop, elidable=True
        ),
    ]
