"""Translations go through Comms review, like every other change to a page.

wagtail-localize's translation editor saves each translated string as the
translator types, and offers "Publish in <language>" only to people who may
publish. Editors, who may not, get "Submit to Comms review" here instead: it
saves the translated words as a draft of the page in that language and starts
(or resumes) the page's review workflow, so the approvers are emailed, see it
under "Awaiting your review" and approve or ask for changes as for any page.
Approvers see the same panel with the review's actions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from wagtail.admin.auth import permission_denied
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, TaskState, WorkflowState
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import Translation
from wagtail_localize.segments.ingest import ingest_segments


def translation_for(page):
    """The wagtail-localize translation that writes this page, if one is enabled."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def review_state(page, user):
    """What the translation review panel shows to `user` for this translated page."""
    state = page.current_workflow_state
    task_state = state.current_task_state if state else None
    actions = []
    if task_state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        actions = [
            {"name": name, "label": label, "needs_comment": name == "reject"}
            for name, label, _modal in task_state.task.specific.get_actions(page, user)
            if label != "Approve with comment"
        ]
    perms = page.permissions_for_user(user)
    return {
        "page": page,
        "language": page.locale.get_display_name(),
        "state": state,
        "task_state": task_state,
        "actions": actions,
        "changes_requested": _changes_requested(state) if state else "",
        "can_submit": perms.can_edit()
        and page.has_workflow
        and (state is None or state.status == WorkflowState.STATUS_NEEDS_CHANGES),
    }


def _changes_requested(state):
    """The approver's comment when they asked for changes."""
    if state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return ""
    rejected = (
        state.task_states.filter(status=TaskState.STATUS_REJECTED).order_by("-finished_at").first()
    )
    return rejected.comment if rejected else ""


def save_translation_draft(translation, user):
    """A new draft revision of the translated page, with the words translated so far
    (English where a string is not translated yet). The live page is left as it is.

    wagtail-localize's own `save_target(publish=False)` also writes the words into the
    live page's row, which Wagtail serves: the draft would go live unreviewed. This does
    what it does for a page (wagtail-localize 1.14) but keeps the words in the revision."""
    source = translation.source
    locale = translation.target_locale
    original = source.as_instance()
    page = source.get_translated_instance(locale)
    copy_synchronised_fields(original, page)
    segments = source._get_segments_for_translation(locale, fallback=True)
    ingest_segments(original, page, source.locale, locale, segments)
    page.slug = find_available_slug(page.get_parent(), slugify(page.slug), ignore_page_id=page.id)
    return page.save_revision(user=user)


@require_POST
def submit_translation(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    translation = translation_for(page)
    if translation is None or not review_state(page, request.user)["can_submit"]:
        return permission_denied(request)
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    try:
        save_translation_draft(translation, request.user)
    except ValidationError as error:
        messages.error(request, f"The translation could not be saved: {' '.join(error.messages)}")
        return redirect(edit_url)
    page = Page.objects.get(pk=page.pk).specific
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(request.user)
    else:
        page.get_workflow().start(page, request.user)
    messages.success(
        request,
        f"'{page.get_admin_display_title()}' in {page.locale.get_display_name()} has been "
        "submitted to Comms review. An approver will check it and publish it.",
    )
    return redirect(edit_url)


REVIEW_MESSAGES = {
    "approve": "'{title}' in {language} is approved and published.",
    "reject": "Changes requested on '{title}' in {language}. The editor has been emailed "
    "your comment.",
}


@require_POST
def review_translation(request, page_id, action):
    """An approver's "Approve and publish" or "Request changes", from the translation editor."""
    page = get_object_or_404(Page, pk=page_id).specific
    state = review_state(page, request.user)
    if action not in {a["name"] for a in state["actions"]}:
        return permission_denied(request)
    comment = request.POST.get("comment", "").strip()
    if action == "reject" and not comment:
        messages.error(request, "Say what needs changing, so the editor knows what to do.")
    else:
        task_state = state["task_state"]
        task_state.task.specific.on_action(task_state, request.user, action, comment=comment)
        messages.success(
            request,
            REVIEW_MESSAGES[action].format(
                title=page.get_admin_display_title(), language=state["language"]
            ),
        )
    return redirect("wagtailadmin_pages:edit", page.pk)
