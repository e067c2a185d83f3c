"""The admin speaks the site's name, guides editors and refuses bad uploads clearly."""

import io

import pytest
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from home import demo

pytestmark = pytest.mark.django_db


def test_sign_in_page_and_admin_show_the_sites_name(client, settings, editor):
    settings.WAGTAIL_SITE_NAME = "Fenmoor RJ"
    html = client.get(reverse("wagtailadmin_login")).text
    assert "Sign in to edit Fenmoor RJ" in html
    assert "<title>" in html and "Fenmoor RJ editor" in html
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).text
    assert "Fenmoor RJ" in html
    assert "Wagtail CMS" not in html


def test_dashboard_links_editors_to_the_guide(client, editor):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).text
    assert reverse("cms_editors_guide") in html
    guide = client.get(reverse("cms_editors_guide"))
    assert guide.status_code == 200
    assert "Submit to Comms review" in guide.text
    assert "Headings go down one level at a time" in guide.text
    # Translation, and what the preview and the checks show.
    assert "Translating a page" in guide.text and "Translate this page" in guide.text
    assert "It follows your changes as you type" in guide.text
    assert "It reads the preview" in guide.text


def test_guide_is_for_the_comms_team(client, site_admin):
    client.force_login(site_admin)
    assert client.get(reverse("cms_editors_guide")).status_code in (302, 403)


def png(size=(20, 20)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "white").save(buffer, "PNG")
    return buffer.getvalue()


def test_image_too_big_is_refused_with_a_clear_message(client, editor, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    client.force_login(editor)
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Big", "file": SimpleUploadedFile("big.png", png((300, 300)), "image/png")},
    )
    assert response.status_code == 200
    assert "This file is too big" in response.text


def test_image_of_the_wrong_type_is_refused_with_a_clear_message(client, editor):
    client.force_login(editor)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Logo", "file": SimpleUploadedFile("logo.svg", svg, "image/svg+xml")},
    )
    assert response.status_code == 200
    assert "Not a supported image format" in response.text


def test_document_too_big_or_wrong_type_is_refused(client, editor, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 10
    client.force_login(editor)
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": "Leaflet", "file": SimpleUploadedFile("leaflet.pdf", b"%PDF-1.4" + b"x" * 100)},
    )
    assert "This file is too big" in response.text
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 10_000
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": "Program", "file": SimpleUploadedFile("run.exe", b"MZ")},
    )
    assert "File extension" in response.text and "not allowed" in response.text


def test_upload_limits_are_set():
    from django.conf import settings

    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 20 * 1024 * 1024
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS


def test_demo_content_prints_a_login_for_each_role(tmp_path, monkeypatch):
    monkeypatch.setattr(demo, "LOGINS_FILE", tmp_path / "demo-logins.txt")
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    text = out.getvalue()
    for username, role in [
        ("admin", "superuser"),
        ("editor", "Comms editors"),
        ("approver", "Comms approvers"),
        ("siteadmin", "Site administrators"),
    ]:
        line = next(line for line in text.splitlines() if f"username: {username} " in line)
        assert role in line
        password = line.split("password: ")[1].split()[0]
        assert f"{username} {password}" in (tmp_path / "demo-logins.txt").read_text()
    # Running again keeps the same passwords.
    again = io.StringIO()
    call_command("load_demo_content", stdout=again)
    assert again.getvalue().count("password:") == text.count("password:")
    assert [line for line in again.getvalue().splitlines() if "editor " in line] == [
        line for line in text.splitlines() if "editor " in line
    ]


def test_demo_logins_work_and_see_their_role(client, tmp_path, monkeypatch):
    monkeypatch.setattr(demo, "LOGINS_FILE", tmp_path / "demo-logins.txt")
    call_command("load_demo_content", stdout=io.StringIO())
    logins = dict(
        line.split(" ", 1) for line in (tmp_path / "demo-logins.txt").read_text().splitlines()
    )
    assert client.login(username="editor", password=logins["editor"])
    assert client.get(reverse("wagtailusers_users:index")).status_code in (302, 403)
    assert client.get(reverse("wagtailimages:add")).status_code == 200
    assert client.login(username="siteadmin", password=logins["siteadmin"])
    assert client.get(reverse("wagtailusers_users:index")).status_code == 200


def test_the_image_form_says_the_description_is_the_alt_text(client, editor):
    client.force_login(editor)
    assert "Alt text: what the picture shows" in client.get(reverse("wagtailimages:add")).text
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Meeting room",
            "description": "Two people talking at a kitchen table",
            "file": SimpleUploadedFile("room.png", png(), "image/png"),
        },
    )
    assert response.status_code == 302
    from wagtail.images import get_image_model

    image = get_image_model().objects.get(title="Meeting room")
    assert image.default_alt_text == "Two people talking at a kitchen table"


def test_an_editor_adds_an_awareness_week_from_the_events_chooser(client, editor):
    from events.models import AwarenessWeek

    client.force_login(editor)
    chooser = client.get(reverse("wagtailsnippetchoosers_events_awarenessweek:choose"))
    assert "Add a week" in chooser.json()["html"]
    response = client.post(
        reverse("wagtailsnippetchoosers_events_awarenessweek:create"),
        {
            "name": "Restorative Justice Week",
            "year": "2031",
            "start_date": "2031-11-16",
            "end_date": "2031-11-22",
            "intro": "A week of events.",
        },
    )
    assert response.status_code == 200
    assert response.json()["step"] == "chosen"
    week = AwarenessWeek.objects.get(year=2031)
    assert response.json()["result"]["id"] == str(week.pk)


BROKEN_IMAGES = {
    "header-only.gif": (b"GIF89a", "image/gif"),
    "header-and-size.gif": (b"GIF89a\x10\x00\x10\x00\x80\x00\x00", "image/gif"),
    "cut-short.png": (png()[:60], "image/png"),
    "not-a-picture.jpg": (b"\xff\xd8\xff\xe0" + b"\x00" * 30, "image/jpeg"),
}


@pytest.mark.parametrize("name", BROKEN_IMAGES)
def test_a_broken_image_is_refused_with_a_clear_message(client, editor, name):
    from wagtail.images.models import Image

    content, content_type = BROKEN_IMAGES[name]
    client.force_login(editor)
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Broken", "file": SimpleUploadedFile(name, content, content_type)},
    )
    assert response.status_code == 200
    assert "We could not read this picture" in response.text
    # The page that takes several files at once answers each file in JSON.
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile(name, content, content_type)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert "We could not read this picture" in response.json()["error_message"]
    assert not Image.objects.filter(title="Broken").exists()
