"""Demo logins for the comms team's roles (found by `load_demo_content`).

Passwords are random, printed by the command and kept only in var/ on this
machine. The coordinator login belongs to the self-referral app's demo."""

from cms.roles import COMMS_APPROVERS, COMMS_EDITORS, SITE_ADMINISTRATORS
from home.demo import ensure_demo_user

DEMO_USERS = [
    ("editor", [COMMS_EDITORS]),
    ("approver", [COMMS_APPROVERS]),
    ("siteadmin", [SITE_ADMINISTRATORS]),
]


def load(home):
    for username, groups in DEMO_USERS:
        ensure_demo_user(username, groups=groups)
