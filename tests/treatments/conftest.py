from django.contrib.auth.models import Group

import pytest

from treatments.models import TreatmentPage
from treatments.workflow import REVIEWER_GROUP_NAME


@pytest.fixture
def denervation_page(db):
    """The demo site as `make run` builds it; returns the denervation page."""
    return TreatmentPage.objects.get(slug_de="denervation-thermokoagulation")


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password="x" * 16)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def reviewer(django_user_model):
    user = django_user_model.objects.create_user("reviewer", password="x" * 16)
    user.groups.add(Group.objects.get(name=REVIEWER_GROUP_NAME))
    return user
