"""Who can see referrals, who may change that, and the record of every change.

Referrals hold what people told us about a crime. Three roles reach them or
can hand them out: superusers, the coordinators' group (the referral
permissions) and the site administrators' group (who manage users). So:

- only a superuser gives or takes away those roles (`privileged_group_ids`);
- nobody changes their own groups or permissions;
- only a superuser changes a user who can see referrals (their password, their
  email, whether they are active): otherwise an administrator could take over a
  coordinator's account;
- every change of who can see referrals, however it is made (the user form, a
  bulk action, a group's permissions, `manage.py`, the shell), is written to the
  admin's history for that user and emailed to every superuser.

The record is kept by signals on the user, group and permission tables, so no
path is left out; cms/users.py applies the rules in the admin's views."""

import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.utils import timezone

from wagtail.log_actions import get_active_log_context, log

from cms.tasks import email_superusers_about_referral_access
from cms.two_factor import REFERRAL_PERMISSIONS

logger = logging.getLogger(__name__)

GRANTED = "cms.referral_access_granted"
REMOVED = "cms.referral_access_removed"


def _permission_filter(prefix=""):
    """Q for permissions that let someone see referrals."""
    condition = Q()
    for label in REFERRAL_PERMISSIONS:
        app_label, codename = label.split(".")
        condition |= Q(
            **{
                f"{prefix}content_type__app_label": app_label,
                f"{prefix}codename": codename,
            }
        )
    return condition


def can_see_referrals(user):
    return user.is_active and (
        user.is_superuser or any(user.has_perm(perm) for perm in REFERRAL_PERMISSIONS)
    )


def referral_viewer_ids():
    """Ids of the active users who can see referrals, read from the database now."""
    users = get_user_model().objects.filter(is_active=True)
    return set(
        users.filter(
            Q(is_superuser=True)
            | Q(pk__in=users.filter(_permission_filter("groups__permissions__")).values("pk"))
            | Q(pk__in=users.filter(_permission_filter("user_permissions__")).values("pk"))
        ).values_list("pk", flat=True)
    )


def privileged_group_ids():
    """The roles only a superuser gives or takes away: any group whose permissions
    reach referrals (the coordinators) or the management of users and groups (the
    site administrators)."""
    permissions = Permission.objects.filter(
        _permission_filter() | Q(content_type__app_label="auth")
    )
    return set(
        Group.objects.filter(permissions__in=permissions).values_list("pk", flat=True).distinct()
    )


def may_change_user(actor, target):
    """Whether `actor` may edit, deactivate, delete or give roles to `target`."""
    if actor.pk == target.pk:
        return False
    return actor.is_superuser or not (target.is_superuser or can_see_referrals(target))


# --- The record ----------------------------------------------------------------
# Each change is seen twice: just before (who could see referrals then) and just
# after (who can now). The "before" is kept on the object being changed.

SNAPSHOTS = "_referral_viewers_before"


def _before(instance, reason):
    instance.__dict__.setdefault(SNAPSHOTS, []).append((referral_viewer_ids(), reason))


def _after(instance):
    snapshots = instance.__dict__.get(SNAPSHOTS)
    if not snapshots:
        return
    before, reason = snapshots.pop()
    after = referral_viewer_ids()
    if before != after:
        record_change(granted=after - before, removed=before - after, reason=reason, gone=instance)


def record_change(granted, removed, reason, gone=None):
    """Write each change to the user's admin history and the log, and tell the superusers.
    (`gone`: the object just deleted, when it is one of the users.)"""
    actor = get_active_log_context().user
    users = get_user_model().objects.in_bulk(granted | removed)
    if isinstance(gone, get_user_model()):
        users.setdefault(gone.pk, gone)
    changes = [(pk, GRANTED) for pk in sorted(granted)] + [(pk, REMOVED) for pk in sorted(removed)]
    lines = []
    for user_id, action in changes:
        user = users.get(user_id)
        if user is not None:
            log(user, action, user=actor, data={"reason": reason})
        logger.warning(
            "Referral access %s: user id=%s, by user id=%s (%s)",
            "granted" if action == GRANTED else "removed",
            user_id,
            actor.pk if actor else None,
            reason,
        )
        name = user.get_username() if user else f"user id {user_id}"
        verb = "can now" if action == GRANTED else "can no longer"
        lines.append(f"{name} {verb} see referrals ({reason}).")
    by = actor.get_username() if actor else "a command or script run on the server"
    email_superusers_about_referral_access.enqueue(
        lines, by, timezone.localtime().strftime("%-d %B %Y at %H:%M")
    )


def _user_saving(sender, instance, update_fields=None, **kwargs):
    if instance.pk is None:
        return  # a new user: seen after saving
    if update_fields is not None and not {"is_superuser", "is_active"} & set(update_fields):
        return  # signing in (last_login) and the like
    old = sender.objects.filter(pk=instance.pk).values("is_superuser", "is_active").first()
    if old is None:
        return
    changes = []
    if old["is_superuser"] != instance.is_superuser:
        changes.append("made a superuser" if instance.is_superuser else "no longer a superuser")
    if old["is_active"] != instance.is_active:
        changes.append("account made active" if instance.is_active else "account made inactive")
    if changes:
        _before(instance, ", ".join(changes))


def _user_saved(sender, instance, created, **kwargs):
    if created and instance.is_superuser and instance.is_active:
        record_change(granted={instance.pk}, removed=set(), reason="new superuser")
    else:
        _after(instance)


def _user_deleting(sender, instance, **kwargs):
    _before(instance, "account deleted")


def _group_deleting(sender, instance, **kwargs):
    _before(instance, f"role “{instance.name}” deleted")


def _deleted(sender, instance, **kwargs):
    _after(instance)


VERBS = {"add": "given", "remove": "taken away", "clear": "all taken away"}


def _m2m_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """Roles given or taken away (user.groups, group.user_set), and permissions (a
    user's own, or a role's, from either side)."""
    when, _, what = action.partition("_")
    if when == "post":
        _after(instance)
        return
    if reverse and sender is get_user_model().groups.through:  # group.user_set
        reason = f"role “{instance.name}” {VERBS[what]}"
    elif reverse:  # permission.group_set, permission.user_set
        reason = f"permission “{instance.codename}” {VERBS[what]}"
    elif sender is Group.permissions.through:
        reason = f"permissions of the role “{instance.name}” changed"
    elif sender is get_user_model().groups.through:
        names = sorted(Group.objects.filter(pk__in=pk_set or ()).values_list("name", flat=True))
        reason = f"role {VERBS[what]}: {', '.join(names)}" if names else f"roles {VERBS[what]}"
    else:
        reason = f"own permissions {VERBS[what]}"
    _before(instance, reason)


def connect_signals():
    user_model = get_user_model()
    pre_save.connect(_user_saving, sender=user_model, dispatch_uid="cms-access-user-saving")
    post_save.connect(_user_saved, sender=user_model, dispatch_uid="cms-access-user-saved")
    pre_delete.connect(_user_deleting, sender=user_model, dispatch_uid="cms-access-user-deleting")
    post_delete.connect(_deleted, sender=user_model, dispatch_uid="cms-access-user-deleted")
    pre_delete.connect(_group_deleting, sender=Group, dispatch_uid="cms-access-group-deleting")
    post_delete.connect(_deleted, sender=Group, dispatch_uid="cms-access-group-deleted")
    for through, uid in [
        (user_model.groups.through, "cms-access-groups"),
        (user_model.user_permissions.through, "cms-access-user-permissions"),
        (Group.permissions.through, "cms-access-group-permissions"),
    ]:
        m2m_changed.connect(_m2m_changed, sender=through, dispatch_uid=uid)
