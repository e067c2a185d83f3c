import json
import re

import pytest

from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, rich_text

from films.captions import validate_webvtt
from films.factories import CaptionsFactory, FilmPageFactory, MediaFactory
from films.models import FilmIndexPage, FilmPage, youtube_video_id
from home.factories import StandardPageFactory
from tests.conftest import english

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(demo_site):
    return english(FilmIndexPage).get()


def test_demo_films_have_video_captions_and_transcripts(client, index):
    films = FilmPage.objects.live().child_of(index)
    assert films.count() == 2
    for film in films:
        assert film.video.file.size < 2 * 1024 * 1024
        assert film.captions and len(film.transcript) > 100
        response = client.get(film.url + "captions/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/vtt")
        assert validate_webvtt(response.content.decode())
    assert index.url == "/films/"


def test_page_type_rules(index, demo_site):
    standard = StandardPageFactory(parent=demo_site)
    assert FilmPage.can_create_at(index)
    assert not FilmPage.can_create_at(demo_site)
    assert not FilmPage.can_create_at(standard)
    assert not FilmIndexPage.can_create_at(demo_site)  # one per site, already there
    assert FilmPage.subpage_types == []


def test_film_page_plays_from_this_site_with_captions_and_transcript(client, index):
    film = english(FilmPage).get(slug="what-happens-at-a-meeting")
    html = client.get(film.url).text
    video = re.search(r"<video .*?</video>", html, re.S).group(0)
    assert f'<source src="{film.video.url}" type="video/webm">' in video
    assert re.search(
        r'<track kind="captions" src="/films/what-happens-at-a-meeting/captions/" srclang="en" label="Captions" default>',
        video,
    )
    assert 'id="transcript"' in html and "There is no speech" in html
    assert "audio description" in html
    assert "youtube" not in html.lower()  # no third party at all unless an editor adds it
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(block)
    assert data["@type"] == "VideoObject" and data["duration"] == "PT0M12S"
    # The player is this page; the language is the words'; the service publishes it.
    assert data["embedUrl"] == "http://testserver" + film.url
    assert data["inLanguage"] == "en-GB"
    assert data["publisher"]["name"] == "Fenmoor and Saltcombe Restorative Justice Service"
    assert "Made for: everyone" in html
    assert '<meta property="og:type" content="video.other">' in html
    assert '<meta property="og:image"' in html


def test_the_film_list_says_who_each_film_is_for(client, index):
    html = client.get(index.url).text
    # In the list itself (the site's menu also links the page "For professionals").
    main = html[html.index("<main") : html.index("</main>")]
    assert main.count("For everyone") + main.count("For professionals") == 2


def test_a_film_on_youtube_too_gives_youtubes_player_as_its_embed_url(client, index):
    film = english(FilmPage).get(slug="what-happens-at-a-meeting")
    film.youtube_url = "https://www.youtube.com/watch?v=abcdefghijk"
    film.save_revision().publish()
    data = film.structured_data()
    assert data["embedUrl"] == "https://www.youtube-nocookie.com/embed/abcdefghijk"


def test_media_files_are_served(client, index):
    film = english(FilmPage).get(slug="writing-a-letter")
    response = client.get(film.video.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "video/webm"
    assert b"".join(response.streaming_content)[:4] == b"\x1a\x45\xdf\xa3"  # WebM magic
    assert client.get("/media/../settings.py").status_code == 404


def test_films_can_be_scrubbed_byte_ranges_are_answered(client, index):
    film = english(FilmPage).get(slug="writing-a-letter")
    whole = b"".join(client.get(film.video.url).streaming_content)
    size = len(whole)

    def get(range_header, **headers):
        return client.get(film.video.url, HTTP_RANGE=range_header, **headers)

    middle = get("bytes=100-199")
    assert middle.status_code == 206
    assert middle["Content-Range"] == f"bytes 100-199/{size}"
    assert middle["Content-Length"] == "100" and middle["Accept-Ranges"] == "bytes"
    assert b"".join(middle.streaming_content) == whole[100:200]
    tail = get("bytes=-50")
    assert tail["Content-Range"] == f"bytes {size - 50}-{size - 1}/{size}"
    assert b"".join(tail.streaming_content) == whole[-50:]
    rest = get(f"bytes={size - 10}-")
    assert b"".join(rest.streaming_content) == whole[-10:]
    beyond = get(f"bytes={size}-")
    assert beyond.status_code == 416 and beyond["Content-Range"] == f"bytes */{size}"
    # Several ranges, or a range only if unchanged: the whole file, which is always right.
    assert get("bytes=0-1,5-9").status_code == 200
    assert get("bytes=0-1", HTTP_IF_RANGE='"abc"').status_code == 200


def test_youtube_player_only_after_a_click(client, index):
    film = FilmPageFactory(parent=index, youtube_url="https://www.youtube.com/watch?v=abcdefghijk")
    html = client.get(film.url).text
    assert "<iframe" not in html
    assert 'data-video-id="abcdefghijk"' in html
    assert 'href="https://www.youtube.com/watch?v=abcdefghijk"' in html  # works without JS
    assert '<script src="/static/js/youtube-embed.js' in html


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.youtube.com/watch?v=abcdefghijk", "abcdefghijk"),
        ("https://youtu.be/abcdefghijk", "abcdefghijk"),
        ("https://www.youtube-nocookie.com/embed/abcdefghijk", "abcdefghijk"),
        ("https://example.org/watch?v=abcdefghijk", None),
        ('https://www.youtube.com/watch?v=abc"><x', None),
        ("", None),
    ],
)
def test_youtube_video_id(url, expected):
    assert youtube_video_id(url) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hello",
        "WEBVTT\n",
        "WEBVTT\n\n00:00:03.000 --> 00:00:01.000\nBackwards\n",
        "WEBVTT\n\n0:0:1 --> 0:0:2\nNot a timing\n",
        "1\n00:00:01,000 --> 00:00:02,000\nAn SRT file\n",
    ],
)
def test_captions_that_are_not_webvtt_are_refused(text):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        validate_webvtt(text)


def _film_form(index, **overrides):
    data = {
        "title": "Talking it through",
        "slug": "talking-it-through",
        "summary": "Two people talk.",
        "video": MediaFactory().pk,
        "duration": "2:30",
        "audience": "public",
        "captions": CaptionsFactory().pk,
        "captions_language": "en",
        "transcript": rich_text("<p>Hello. This is what we said.</p>"),
        "youtube_url": "",
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data({k: v for k, v in data.items() if v is not None})


def _add_url(index):
    return reverse("wagtailadmin_pages:add", args=("films", "filmpage", index.pk))


def test_admin_publishes_a_film_with_captions(client, index, admin_user):
    client.force_login(admin_user)
    response = client.post(_add_url(index), _film_form(index))
    assert response.status_code == 302, response.context["form"].errors
    film = english(FilmPage).get(slug="talking-it-through")
    assert film.live
    assert '<track kind="captions"' in client.get(film.url).text


def test_admin_refuses_to_publish_a_film_without_captions(client, index, admin_user):
    client.force_login(admin_user)
    response = client.post(_add_url(index), _film_form(index, captions=""))
    assert response.status_code == 200
    assert "Add a WebVTT captions file before you publish" in response.text
    assert not FilmPage.objects.filter(slug="talking-it-through").exists()
    # A draft without captions is fine: the editor may add them later.
    response = client.post(
        _add_url(index), _film_form(index, captions="", **{"action-publish": None})
    )
    assert response.status_code == 302
    assert not english(FilmPage).get(slug="talking-it-through").live


def test_admin_refuses_captions_that_are_not_webvtt(client, index, admin_user):
    client.force_login(admin_user)
    bad = CaptionsFactory(file=ContentFile(b"1\n00:00:01,000 --> 00:00:02,000\nSRT\n", "c.vtt"))
    response = client.post(_add_url(index), _film_form(index, captions=bad.pk))
    assert response.status_code == 200
    assert "must start with the word WEBVTT" in response.text
    # Checked when saving a draft too, so the problem shows early.
    response = client.post(
        _add_url(index), _film_form(index, captions=bad.pk, **{"action-publish": None})
    )
    assert response.status_code == 200


def test_admin_refuses_to_publish_without_transcript(client, index, admin_user):
    client.force_login(admin_user)
    response = client.post(_add_url(index), _film_form(index, transcript=rich_text("")))
    assert response.status_code == 200
    assert "Write out the transcript before you publish" in response.text


def test_publishing_by_any_route_needs_captions(index):
    from django.core.exceptions import ValidationError

    film = FilmPageFactory(parent=index, live=False, captions=None)
    with pytest.raises(ValidationError):
        film.save_revision().publish()


def test_index_lists_filters_and_paginates(client, index):
    for n in range(settings.FILMS_PER_PAGE + 1):
        FilmPageFactory(parent=index, title=f"Training film {n}", audience="professionals")
    html = client.get(index.url, {"audience": "professionals"}).text
    assert html.count('class="rj-film-card"') == settings.FILMS_PER_PAGE
    assert "What happens at a meeting" not in html  # a film for everyone
    assert 'href="?audience=professionals&amp;page=2" rel="next"' in html
    page_two = client.get(index.url, {"audience": "professionals", "page": 2}).text
    assert page_two.count('class="rj-film-card"') == 2  # the demo's film and one more
    assert client.get(index.url, {"audience": "aliens"}).status_code == 200


def _queries(client, url):
    from django.core.cache import caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    caches["pages"].clear()
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_index_query_count_does_not_grow_with_films(client, index):
    import wagtail_factories

    _queries(client, index.url)  # makes the demo posters' renditions
    few = _queries(client, index.url)
    for _ in range(6):
        FilmPageFactory(parent=index, poster=wagtail_factories.ImageFactory())
    _queries(client, index.url)
    assert _queries(client, index.url) == few
    assert few <= 25


def test_films_are_in_the_sitemap(client, index):
    xml = client.get("/sitemap.xml").text
    for film in english(FilmPage).live():
        assert f"{film.url}</loc>" in xml
