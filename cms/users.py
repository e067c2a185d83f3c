"""User management, with the rules of cms/access.py applied on every path.

Wagtail lets anyone who may add or edit users tick "Administrator" (superuser),
give any role (group), change their own roles, and deactivate, delete or give a
role to a superuser through the bulk actions. Here:

- only a superuser makes a superuser, and gives or takes away the roles that
  reach referrals or manage users (coordinators, site administrators);
- nobody changes their own roles (the field is shown, but cannot be changed);
- only a superuser edits, deactivates or deletes someone who can see referrals
  (a superuser or a coordinator), so nobody else can take over their account;
- roles (groups) are created and changed by superusers only.

Installed by `cms.apps.UsersConfig`, which takes the place of "wagtail.users" in
INSTALLED_APPS."""

from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from wagtail.admin.auth import permission_denied
from wagtail.users.views import groups, users
from wagtail.users.views.bulk_actions import (
    AssignRoleBulkAction,
    DeleteBulkAction,
    SetActiveStateBulkAction,
)

from cms.access import may_change_user, privileged_group_ids

OWN_ROLES_HELP = _("You cannot change your own roles. Ask a superuser.")
PRIVILEGED_ROLES_HELP = _(
    "Only a superuser can give or take away the roles that reach referrals or manage users. "
    "This user keeps any they have: %(roles)s."
)


def _guard_roles(form, actor, target):
    """Limit the roles field to what `actor` may change on `target` (None: a new user)."""
    if not actor.is_superuser:
        form.fields.pop("is_superuser", None)
    field = form.fields.get("groups")
    if field is None:
        return
    if target is not None and target.pk == actor.pk:
        field.disabled = True
        field.help_text = OWN_ROLES_HELP
        return
    if actor.is_superuser:
        return
    privileged = privileged_group_ids()
    field.queryset = field.queryset.exclude(pk__in=privileged)
    held = target.groups.filter(pk__in=privileged) if target is not None else Group.objects.none()
    names = ", ".join(held.values_list("name", flat=True))
    field.help_text = PRIVILEGED_ROLES_HELP % {"roles": names or _("none")}


def _keep_privileged_roles(form, actor, target):
    """The roles an administrator may not touch stay as they were when the form is saved."""
    if actor.is_superuser or "groups" not in form.cleaned_data or form.fields["groups"].disabled:
        return
    held = list(target.groups.filter(pk__in=privileged_group_ids())) if target else []
    form.cleaned_data["groups"] = [*form.cleaned_data["groups"], *held]


class OnlySuperusersTouchReferralStaffMixin:
    def dispatch(self, request, *args, **kwargs):
        target = self.get_object()
        if target.pk != request.user.pk and not may_change_user(request.user, target):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class CreateView(users.CreateView):
    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        _guard_roles(form, self.request.user, None)
        return form

    def save_instance(self):
        _keep_privileged_roles(self.form, self.request.user, None)
        return super().save_instance()


class EditView(OnlySuperusersTouchReferralStaffMixin, users.EditView):
    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        _guard_roles(form, self.request.user, self.object)
        return form

    def save_instance(self):
        _keep_privileged_roles(self.form, self.request.user, self.object)
        return super().save_instance()


class DeleteView(OnlySuperusersTouchReferralStaffMixin, users.DeleteView):
    pass


class UserViewSet(users.UserViewSet):
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView


# Bulk actions on the users list: the same rules, item by item. Registered after
# Wagtail's own (cms/wagtail_hooks.py), so these take their place.


class GuardedUserBulkAction:
    def check_perm(self, obj):
        return may_change_user(self.request.user, obj) and super().check_perm(obj)


class GuardedAssignRole(GuardedUserBulkAction, AssignRoleBulkAction):
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if not self.request.user.is_superuser:
            form.fields["role"].queryset = Group.objects.exclude(pk__in=privileged_group_ids())
        return form


class GuardedSetActiveState(GuardedUserBulkAction, SetActiveStateBulkAction):
    @classmethod
    def execute_action(cls, objects, mark_as_active=False, user=None, **kwargs):
        # One save per user (not one UPDATE), so the change is recorded (cms/access.py).
        changed = 0
        for target in objects:
            if target.pk != getattr(user, "pk", None) and target.is_active != mark_as_active:
                target.is_active = mark_as_active
                target.save(update_fields=["is_active"])
                changed += 1
        return changed, 0


class GuardedDelete(GuardedUserBulkAction, DeleteBulkAction):
    @classmethod
    def execute_action(cls, objects, model=None, **kwargs):
        for target in objects:
            target.delete()  # one at a time, so each deletion is recorded
        return len(objects), 0


USER_BULK_ACTIONS = [GuardedAssignRole, GuardedSetActiveState, GuardedDelete]


# Roles (groups): what a role may do is for superusers to decide.


class OnlySuperusersMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


def _for_superusers(view_class):
    return type(view_class.__name__, (OnlySuperusersMixin, view_class), {})


class GroupViewSet(groups.GroupViewSet):
    index_view_class = _for_superusers(groups.IndexView)
    add_view_class = _for_superusers(groups.CreateView)
    edit_view_class = _for_superusers(groups.EditView)
    delete_view_class = _for_superusers(groups.DeleteView)
