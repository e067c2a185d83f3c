"""Films and sound files (wagtailmedia) are limited by type and size, with a clear
message, like images and documents (tests/cms/test_admin_experience.py)."""

import pytest

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Collection

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("uploader", "u@example.org", "x" * 14))
    return client


def upload(client, name, content, media_type="video"):
    return client.post(
        reverse("wagtailmedia:add", args=[media_type]),
        {
            "title": "A film",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
            "duration": "10",
        },
    )


def test_a_film_too_big_is_refused_with_a_clear_message(admin_client, settings):
    from wagtailmedia.models import Media

    settings.WAGTAILMEDIA_MAX_UPLOAD_SIZE = 1000
    before = Media.objects.count()
    response = upload(admin_client, "film.mp4", b"\x00" * 2000)
    assert response.status_code == 200
    assert "This file is too big (2.0\xa0KB)" in response.text
    assert "The largest film or sound file you can upload is 1000\xa0bytes" in response.text
    assert Media.objects.count() == before
    settings.WAGTAILMEDIA_MAX_UPLOAD_SIZE = 10_000
    assert upload(admin_client, "film.mp4", b"\x00" * 2000).status_code == 302
    assert Media.objects.count() == before + 1


@pytest.mark.parametrize(
    ("name", "media_type"), [("film.exe", "video"), ("film.mkv", "video"), ("talk.flac", "audio")]
)
def test_media_of_the_wrong_type_is_refused_with_a_clear_message(admin_client, name, media_type):
    from wagtailmedia.models import Media

    before = Media.objects.count()
    response = upload(admin_client, name, b"\x00" * 100, media_type)
    assert response.status_code == 200
    assert "is not allowed" in response.text
    assert Media.objects.count() == before


def test_media_limits_are_set():
    from django.conf import settings

    assert settings.WAGTAILMEDIA_MAX_UPLOAD_SIZE == 500 * 1024 * 1024
    assert settings.WAGTAILMEDIA["VIDEO_EXTENSIONS"] == ["mp4", "webm"]
