"""The comms team's admin: dashboard panels, the editors' guide, the content
checker's rules and link-text warnings after saving."""

import html

from django.contrib import messages
from django.db import router
from django.db.models import ProtectedError
from django.db.models.deletion import Collector
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.userbar import ContentCheckerItem

from cms import access, two_factor, views
from cms.checks import SiteContentChecker, link_text_warnings
from cms.dashboard import (
    EditorsGuidePanel,
    PagesDueForReviewPanel,
    UsersPanel,
    YourDraftsPanel,
    arrange_panels,
)
from cms.roles import can_edit_pages
from cms.translation_review import review_translation, submit_translation
from cms.users import USER_BULK_ACTIONS


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    user = request.user
    if can_edit_pages(user):
        panels.append(YourDraftsPanel(user))
        panels.append(PagesDueForReviewPanel())
        panels.append(EditorsGuidePanel())
    if user.has_perm("auth.change_user"):
        panels.append(UsersPanel())


# After every app has added its panels: each role's own work first (cms/dashboard.py).
hooks.register("construct_homepage_panels", arrange_panels, order=1000)


@hooks.register("before_delete_snippet")
def keep_what_is_still_needed(request, instances):
    """Refuse, with a message, to delete a snippet the database protects (a public area
    a service area routes referrals by). Wagtail's delete view asks its reference
    index, which does not record one-to-one links, so the delete would be a 500."""
    instances = list(instances)
    try:
        Collector(using=router.db_for_write(type(instances[0]))).collect(instances)
    except ProtectedError as error:
        needed_by = sorted({str(obj._meta.verbose_name_plural) for obj in error.protected_objects})
        messages.error(
            request,
            f"Not deleted: {', '.join(map(str, instances))} is still used by "
            f"{' and '.join(needed_by)}. Change those first.",
        )
        meta = instances[0]._meta
        return redirect(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:list")
    return None


@hooks.register("register_admin_urls")
def register_guide_url():
    return [
        path("how-to-edit/", views.editors_guide, name="cms_editors_guide"),
        path(
            "two-factor/reset/<int:user_id>/",
            two_factor.reset_screen,
            name="cms_reset_two_factor",
        ),
        path(
            "translations/<int:page_id>/submit/",
            submit_translation,
            name="cms_submit_translation",
        ),
        path(
            "translations/<int:page_id>/<str:action>/",
            review_translation,
            name="cms_review_translation",
        ),
    ]


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


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


@hooks.register("after_edit_page")
def say_what_the_review_did(request, page):
    """After an approver's "Approve and Publish" or "Request changes" on the edit page:
    say what happens next (published, or scheduled for when), instead of Wagtail's
    "Page updated", and stay on the page instead of going to its parent's listing."""
    action = request.POST.get("workflow-action-name")
    if not request.POST.get("action-workflow-action") or action not in ("approve", "reject"):
        return None
    page = page.specific_class.objects.get(pk=page.pk)
    title = page.get_admin_display_title()
    updated = f"Page '{title}' has been updated."
    storage = messages.get_messages(request)
    # Wagtail's messages are HTML (escaped quotes, buttons): compare their text.
    kept = [m for m in storage if not html.unescape(str(m.message)).startswith(updated)]
    for message in kept:
        messages.add_message(request, message.level, message.message, message.extra_tags)
    if action == "reject":
        messages.success(
            request, f"Changes requested on '{title}'. The editor has been emailed your comment."
        )
    elif scheduled := page.scheduled_revision:
        when = timezone.localtime(scheduled.approved_go_live_at)
        messages.success(
            request,
            f"'{title}' is approved and will go live on {when:%A %-d %B %Y at %H:%M}. "
            "Until then visitors see the page as it is now.",
        )
    else:
        messages.success(request, f"'{title}' is approved and published.")
    if request.GET.get("next"):
        return None
    return redirect("wagtailadmin_pages:edit", page.pk)


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


@hooks.register("register_account_menu_item")
def backup_codes_account_item(request):
    """Account > More actions: how many backup codes are left, and a new set."""
    from django_otp import user_has_device

    if not user_has_device(request.user, confirmed=True):
        return None
    return {
        "url": reverse("two_factor_backup_codes"),
        "label": "Backup codes",
        "help_text": "Sign in without your phone. See how many codes you have left, "
        "or make a new set.",
    }


@hooks.register("register_user_listing_buttons")
def reset_two_factor_button(user, request_user):
    """Users list, a user's "More" menu: superusers reset someone's lost second factor."""
    from wagtail.admin.widgets import Button

    if not request_user.is_superuser or user.pk == request_user.pk:
        return []
    return [
        Button(
            "Reset two-factor sign-in",
            reverse("cms_reset_two_factor", args=[user.pk]),
            icon_name="key",
            priority=90,
        )
    ]


@hooks.register("construct_page_action_menu")
def review_actions_first(menu_items, request, context):
    """An approver opening a page that awaits their review is offered the review: its
    "Approve and Publish" comes first, and the plain "Publish" (which would skip the
    review and cancel it) is not offered beside it."""
    from wagtail.admin.action_menu import WorkflowMenuItem

    review = [item for item in menu_items if isinstance(item, WorkflowMenuItem)]
    if not review:
        return
    menu_items[:] = [item for item in menu_items if item.name != "action-publish"]
    approve = next((item for item in review if item.name == "approve"), None)
    if approve is not None:
        menu_items.remove(approve)
        menu_items.insert(0, approve)


# Users: the guarded bulk actions take the place of Wagtail's (registered later, so
# they win), and the history of who can see referrals reads in words (cms/access.py).
for action_class in USER_BULK_ACTIONS:
    hooks.register("register_bulk_action", action_class, order=100)


@hooks.register("register_log_actions")
def register_referral_access_log_actions(actions):
    for action, label, verb in [
        (access.GRANTED, "Referral access given", "Can now see referrals"),
        (access.REMOVED, "Referral access taken away", "Can no longer see referrals"),
        (two_factor.RESET_ACTION, "Two-factor sign-in reset", "Two-factor sign-in reset"),
    ]:

        class Change:
            def format_message(self, log_entry, verb=verb):
                reason = log_entry.data.get("reason")
                return f"{verb} ({reason})" if reason else verb

        Change.label = label
        actions.register_action(action)(Change)
