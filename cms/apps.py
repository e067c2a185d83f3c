from django.apps import AppConfig
from django.db.models.signals import post_migrate

from wagtail.users.apps import WagtailUsersAppConfig


def sync_roles_after_migrate(sender, using, apps=None, **kwargs):
    """Keep the roles' permissions in step with the installed apps (see cms.roles)."""
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    from cms.roles import sync_roles

    # post_migrate is sent once per app that has models, and cms has none: act once,
    # after the last of them, when every app's tables and permissions exist.
    with_models = [c for c in global_apps.get_app_configs() if c.models_module is not None]
    if sender is not None and with_models and sender is not with_models[-1]:
        return
    # Permissions of apps later in INSTALLED_APPS are made after this handler runs.
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    sync_roles(global_apps)


class CmsConfig(AppConfig):
    """The editors' admin: roles, the review workflow, scheduled publishing,
    the dashboard and the quality checks."""

    default = True  # this module also holds UsersConfig
    name = "cms"
    verbose_name = "Content management"

    def ready(self):
        from cms import access, notifications

        notifications.queue_workflow_notifications()
        access.connect_signals()
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="cms-sync-roles")


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's user management, where only a superuser gives the roles that reach
    referrals and nobody changes their own (cms/users.py)."""

    default = False
    user_viewset = "cms.users.UserViewSet"
    group_viewset = "cms.users.GroupViewSet"
