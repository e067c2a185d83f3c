import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cms.roles import COMMS_APPROVERS, COMMS_EDITORS, SITE_ADMINISTRATORS


def make_user(username, group_name):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="not-used-here"
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(db):
    return make_user("edna", COMMS_EDITORS)


@pytest.fixture
def approver(db):
    return make_user("april", COMMS_APPROVERS)


@pytest.fixture
def site_admin(db):
    return make_user("sam", SITE_ADMINISTRATORS)
