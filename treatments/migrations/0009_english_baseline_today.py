"""Every treatment page and revision starts with its English up to date.

Nothing recorded before which German the English was written against, so
today's pairs count as confirmed; from now on a German change shows. Revisions
get the baseline of their own content, so a draft or an older revision that is
published later keeps a matching one.
"""

from types import SimpleNamespace

from django.core.exceptions import FieldDoesNotExist
from django.db import migrations

from treatments.english.status import PARTS, page_status, record_english


def translated_fields() -> list[str]:
    return [
        f"{name}_{language}"
        for part in PARTS
        for name in part.fields
        for language in ("de", "en")
    ]


# Added to wagtailcore_page by wagtail-modeltranslation, not by a migration: the
# historical models lack them.
PAGE_COLUMNS = [
    f"{name}_{language}"
    for name in ("title", "seo_title", "search_description")
    for language in ("de", "en")
]


def page_columns(connection, page_id: int) -> dict:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(PAGE_COLUMNS)} FROM wagtailcore_page WHERE id = %s",
            [page_id],
        )
        return dict(zip(PAGE_COLUMNS, cursor.fetchone()))


def content_as_page(model, content: dict) -> SimpleNamespace:
    """An object with the translated fields of a page's content."""
    values = {}
    for name in translated_fields():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            values[name] = content.get(name)
        else:
            values[name] = field.to_python(content.get(name))
    return SimpleNamespace(english_baseline={}, **values)


def mark_up_to_date(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    TreatmentPage = apps.get_model("treatments", "TreatmentPage")
    for page in TreatmentPage.objects.all():
        content = {
            name: getattr(page, name, None) for name in translated_fields()
        } | page_columns(schema_editor.connection, page.pk)
        content_page = content_as_page(TreatmentPage, content)
        record_english(content_page)
        page.english_baseline = content_page.english_baseline
        page.english_status = page_status(content_page)
        page.save(update_fields=["english_baseline", "english_status"])
    page_type = ContentType.objects.filter(app_label="treatments", model="treatmentpage")
    for revision in Revision.objects.filter(content_type__in=page_type):
        content_page = content_as_page(TreatmentPage, revision.content)
        record_english(content_page)
        revision.content["english_baseline"] = content_page.english_baseline
        revision.content["english_status"] = str(page_status(content_page))
        revision.save(update_fields=["content"])
    # The listings show the status of the latest revision.
    for page in TreatmentPage.objects.exclude(latest_revision=None):
        latest = Revision.objects.get(pk=page.latest_revision_id)
        page.english_status = latest.content["english_status"]
        page.save(update_fields=["english_status"])


def forget_baselines(apps, schema_editor):
    """Going back drops the fields; the revisions lose their copies too."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    page_type = ContentType.objects.filter(app_label="treatments", model="treatmentpage")
    for revision in Revision.objects.filter(content_type__in=page_type):
        revision.content.pop("english_baseline", None)
        revision.content.pop("english_status", None)
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("treatments", "0008_english_status"),
    ]

    operations = [
        migrations.RunPython(mark_up_to_date, forget_baselines, elidable=True)
    ]
