from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest

from tests.staff import sign_in_staff


def make_user(username: str, *groups: str, **extra):
    user = get_user_model().objects.create_user(
        username=username, password="x" * 12, **extra
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def front_desk(client):
    """The receptionist, signed in to the admin with both factors."""
    user = make_user("empfang", "Front desk", first_name="Eva", last_name="Empfang")
    sign_in_staff(client, user)
    return user
