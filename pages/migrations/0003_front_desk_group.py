"""The "Front desk" group: works consultation requests, edits no pages."""

from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

GROUP_NAME = "Front desk"
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("pages", "consultationrequest", "view_consultationrequest"),
    ("pages", "consultationrequest", "change_consultationrequest"),
    ("pages", "consultationrequest", "export_consultationrequest"),
]


def create_front_desk_group(apps, schema_editor):
    # Permissions are normally created after all migrations; this one needs
    # the consultation request's permissions now.
    pages_config = apps.get_app_config("pages")
    pages_config.models_module = True
    create_contenttypes(pages_config, apps=apps, verbosity=0)
    create_permissions(pages_config, apps=apps, verbosity=0)
    pages_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP_NAME)
    for app_label, model, codename in PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(
                content_type__app_label=app_label,
                content_type__model=model,
                codename=codename,
            )
        )


def delete_front_desk_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0002_consultation_requests"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_front_desk_group, delete_front_desk_group),
    ]
