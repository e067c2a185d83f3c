"""The comms team's admin: dashboard panels, the editors' guide, the content
checker's rules and link-text warnings after saving."""

from django.contrib import messages
from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.userbar import ContentCheckerItem

from cms import access, views
from cms.checks import SiteContentChecker, link_text_warnings
from cms.users import USER_BULK_ACTIONS
from home.mixins import pages_due_for_review


class PagesDueForReviewPanel(Component):
    """Live pages whose "review by" date has passed or is within 30 days, newest date first."""

    name = "pages_due_for_review"
    template_name = "cms/dashboard/pages_due_for_review.html"
    order = 205
    limit = 20

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        from django.utils import timezone

        return {
            "pages": pages_due_for_review(limit=self.limit),
            "today": timezone.localdate(),
            "request": self.request,
        }


class EditorsGuidePanel(Component):
    name = "editors_guide"
    template_name = "cms/dashboard/editors_guide.html"
    order = 50


def can_edit_pages(user):
    return (
        user.is_superuser or user.has_perm("wagtailcore.change_page") or _has_page_permission(user)
    )


def _has_page_permission(user):
    from wagtail.permission_policies.pages import PagePermissionPolicy

    return PagePermissionPolicy().user_has_any_permission(user, ["add", "change", "publish"])


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    if can_edit_pages(request.user):
        panels.append(EditorsGuidePanel())
        panels.append(PagesDueForReviewPanel(request))


@hooks.register("register_admin_urls")
def register_guide_url():
    return [path("how-to-edit/", views.editors_guide, name="cms_editors_guide")]


class EditorsGuideMenuItem(MenuItem):
    def is_shown(self, request):
        return can_edit_pages(request.user)


@hooks.register("register_help_menu_item")
def register_guide_menu_item():
    return EditorsGuideMenuItem(
        "How to edit this site", reverse("cms_editors_guide"), icon_name="help", order=100
    )


@hooks.register("construct_wagtail_userbar")
def use_site_content_checker(request, items, page):
    """The checker in the user bar and the editor's Checks panel uses this site's rules."""
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, SiteContentChecker):
            items[index] = SiteContentChecker(in_editor=item.in_editor)


def warn_about_link_text(request, page):
    for warning in link_text_warnings(page):
        messages.warning(request, warning)


hooks.register("after_create_page", warn_about_link_text)
hooks.register("after_edit_page", warn_about_link_text)


@hooks.register("before_create_page")
def only_superusers_start_a_new_site(request, parent_page, page_class):
    """A page at the top of the tree is a new site's home page: that is a job for a
    superuser (with a new Site record), not for the comms team."""
    from wagtail.admin.auth import permission_denied

    if parent_page.is_root() and not request.user.is_superuser:
        return permission_denied(request)
    return None


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    """Account > More actions: anyone may set up an authenticator app (cms/two_factor.py)."""
    from django_otp import user_has_device

    has_app = user_has_device(request.user, confirmed=True)
    return {
        "url": reverse("two_factor_setup"),
        "label": "Add another authenticator app" if has_app else "Set up an authenticator app",
        "help_text": "Sign in with a code from your phone as well as your password."
        if not has_app
        else "You already sign in with a code. Add an app on a second phone, for example.",
    }


# Users: the guarded bulk actions take the place of Wagtail's (registered later, so
# they win), and the history of who can see referrals reads in words (cms/access.py).
for action_class in USER_BULK_ACTIONS:
    hooks.register("register_bulk_action", action_class, order=100)


@hooks.register("register_log_actions")
def register_referral_access_log_actions(actions):
    for action, label, verb in [
        (access.GRANTED, "Referral access given", "Can now see referrals"),
        (access.REMOVED, "Referral access taken away", "Can no longer see referrals"),
    ]:

        class Change:
            def format_message(self, log_entry, verb=verb):
                reason = log_entry.data.get("reason")
                return f"{verb} ({reason})" if reason else verb

        Change.label = label
        actions.register_action(action)(Change)
