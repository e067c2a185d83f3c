"""Carrying areas over to the one shared list (`home.Area`). Used by the migrations
that retire the case studies' and events' own lists and point the self-referral
routing areas at the shared one. Not a migration itself (the leading underscore
keeps Django's migration loader away)."""

import json

from django.utils.text import slugify


def shared_area(apps, name, slug=""):
    """The shared area called `name`, made when there is none: areas with the same
    name merge. It keeps `slug` (so filter links people saved still work) unless an
    area of another name has it."""
    Area = apps.get_model("home", "Area")
    area = Area.objects.filter(name=name).first()
    if area is not None:
        return area
    base = slug or slugify(name)[:70] or "area"
    candidate, number = base, 2
    while Area.objects.filter(slug=candidate).exists():
        candidate, number = f"{base}-{number}", number + 1
    return Area.objects.create(name=name, slug=candidate)


def move_pages_to_shared_areas(apps, app_label, page_model, old_area_model):
    """Point each page's new `shared_area` at the shared area named as its old
    `area`, and remap the old area ids kept in its revisions (drafts, history) and
    in translation sources, so publishing a draft or syncing a translation later
    chooses the same area."""
    Page = apps.get_model(app_label, page_model)
    moved = {}
    for old in apps.get_model(app_label, old_area_model).objects.all():
        new = shared_area(apps, old.name, old.slug)
        moved[old.pk] = new.pk
        Page.objects.filter(area=old).update(shared_area=new)
    if not moved:
        return
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label=app_label, model=page_model.lower()).first()
    if content_type is None:
        return
    Revision = apps.get_model("wagtailcore", "Revision")
    for revision in Revision.objects.filter(content_type=content_type):
        if revision.content.get("area") in moved:
            revision.content["area"] = moved[revision.content["area"]]
            revision.save(update_fields=["content"])
    try:
        TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    except LookupError:
        return
    for source in TranslationSource.objects.filter(specific_content_type=content_type):
        content = json.loads(source.content_json)
        if content.get("area") in moved:
            content["area"] = moved[content["area"]]
            source.content_json = json.dumps(content)
            source.save(update_fields=["content_json"])
