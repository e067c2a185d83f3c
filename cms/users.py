"""User management for Site administrators, without a way to become a superuser.

Wagtail lets anyone who may add or edit users tick "Administrator" (superuser),
and edit a superuser's password. A superuser sees everything, including
referrals, so here only a superuser may make, edit or delete one. Installed by
`cms.apps.UsersConfig`, which takes the place of "wagtail.users" in
INSTALLED_APPS."""

from wagtail.admin.auth import permission_denied
from wagtail.users.views import users


class SuperuserFieldOnlyForSuperusersMixin:
    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        if not self.request.user.is_superuser:
            form.fields.pop("is_superuser", None)
        return form


class OnlySuperusersTouchSuperusersMixin:
    def dispatch(self, request, *args, **kwargs):
        target = self.get_object()
        if target.is_superuser and not request.user.is_superuser:
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class CreateView(SuperuserFieldOnlyForSuperusersMixin, users.CreateView):
    pass


class EditView(
    OnlySuperusersTouchSuperusersMixin, SuperuserFieldOnlyForSuperusersMixin, users.EditView
):
    pass


class DeleteView(OnlySuperusersTouchSuperusersMixin, users.DeleteView):
    pass


class UserViewSet(users.UserViewSet):
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
