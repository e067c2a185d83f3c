"""The migrations that make one list of areas carry an existing database over: the case
studies' and events' own areas and the self-referral areas merge by name into
home.Area, and pages, their drafts and the routing table point at the merged areas.

Run on a database of its own in a fresh interpreter (a migration changes the schema,
which the tests' shared database must not see)."""

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = r"""
import datetime, json
import django
django.setup()
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("home", "0007_contact_phone_hours_in_every_language"),
    ("casestudies", "0002_site_page_mixin"),
    ("events", "0002_site_page_mixin"),
    ("selfreferral", "0011_referral_outcomes"),
]
executor = MigrationExecutor(connection)
executor.migrate(BEFORE)
old = executor.loader.project_state(BEFORE).apps
ContentType = old.get_model("contenttypes", "ContentType")
Locale = old.get_model("wagtailcore", "Locale")
Revision = old.get_model("wagtailcore", "Revision")
locale = Locale.objects.first()

story_area = old.get_model("casestudies", "CaseStudyArea")
saltcombe_story = story_area.objects.create(name="Saltcombe", slug="saltcombe")
coast = story_area.objects.create(name="Coast and villages", slug="coast")
event_area = old.get_model("events", "EventArea")
saltcombe_event = event_area.objects.create(name="Saltcombe", slug="saltcombe-town")
marshby = event_area.objects.create(name="Marshby", slug="coast")
service_area = old.get_model("selfreferral", "Area")
service_area.objects.create(name="Saltcombe", coordinator_inboxes="salt@example.org", sort_order=1)
service_area.objects.create(name="Isle of Brannock", coordinator_inboxes="isle@example.org")


def page(model, path, **fields):
    content_type, _ = ContentType.objects.get_or_create(
        app_label=model._meta.app_label, model=model._meta.model_name
    )
    slug = f"page-{path}"
    return model.objects.create(
        title=slug, draft_title=slug, slug=slug, path=path, depth=2, numchild=0,
        url_path=f"/{slug}/", content_type=content_type, locale=locale, **fields
    )


story_page = old.get_model("casestudies", "CaseStudyPage")
story = page(
    story_page, "00010098", summary="s", story="[]", perspective="harmed", setting="school",
    type_of_harm="x", restorative_approach="letter", area=coast,
)
# A draft that chose another area than the live page.
Revision.objects.create(
    content_type=story.content_type, base_content_type=story.content_type,
    object_id=str(story.pk), object_str="draft", content={"area": saltcombe_story.pk},
    created_at=datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC),
)
now = datetime.datetime(2026, 11, 24, 10, tzinfo=datetime.UTC)
event = page(
    old.get_model("events", "EventPage"), "00010099", summary="s", description="[]",
    start_date=now.date(), starts_at=now, ends_at=now, area=saltcombe_event,
)

executor = MigrationExecutor(connection)
leaves = executor.loader.graph.leaf_nodes()
executor.migrate(leaves)
new = executor.loader.project_state(leaves).apps
Area = new.get_model("home", "Area")
names = {area.pk: area.name for area in Area.objects.all()}
draft = new.get_model("wagtailcore", "Revision").objects.get(object_str="draft")
print(json.dumps({
    "areas": sorted(Area.objects.values_list("name", "slug")),
    "story": new.get_model("casestudies", "CaseStudyPage").objects.get(pk=story.pk).area.name,
    "draft": names[draft.content["area"]],
    "event": new.get_model("events", "EventPage").objects.get(pk=event.pk).area.name,
    "service_areas": sorted(
        (a.name, a.public_area.name, a.coordinator_inboxes)
        for a in new.get_model("selfreferral", "Area").objects.all()
    ),
}))
"""


def test_existing_areas_merge_by_name_and_pages_keep_theirs(tmp_path):
    env = {
        "DJANGO_SETTINGS_MODULE": "rjsite.settings_test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'old.sqlite3'}",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run(  # noqa: S603 (our own interpreter, fixed arguments)
        [sys.executable, "-c", SCRIPT],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    carried = json.loads(result.stdout.strip().splitlines()[-1])
    assert carried["areas"] == [
        # The case studies' slugs come first; an event area of another name that used
        # one of them gets a new one.
        ["Coast and villages", "coast"],
        ["Isle of Brannock", "isle-of-brannock"],
        ["Marshby", "coast-2"],
        ["Saltcombe", "saltcombe"],
    ]
    assert carried["story"] == "Coast and villages"
    assert carried["draft"] == "Saltcombe"  # publishing the draft later keeps its choice
    assert carried["event"] == "Saltcombe"
    assert carried["service_areas"] == [
        ["Isle of Brannock", "Isle of Brannock", "isle@example.org"],
        ["Saltcombe", "Saltcombe", "salt@example.org"],
    ]
