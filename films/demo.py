"""Demo films: two short clips made on this machine (see demo_media/make_clips.sh),
with WebVTT captions and full transcripts."""

import datetime
from pathlib import Path

from wagtailmedia.models import get_media_model

from django.core.files import File

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from films.models import FilmIndexPage, FilmPage
from home.demo import ensure_page

MEDIA_DIR = Path(__file__).resolve().parent / "demo_media"

FILMS = [
    {
        "slug": "what-happens-at-a-meeting",
        "title": "What happens at a meeting",
        "summary": "A short film about a restorative justice meeting: who is there, and how you are kept safe.",
        "audience": "public",
        "audio_described": True,
        "transcript": (
            "<p>[A soft, steady tone plays throughout. There is no speech.]</p>"
            "<p>On screen: a dark blue card. White words read: What happens at a meeting.</p>"
            "<p>After a few seconds, the words change to: You are never on your own.</p>"
            "<p>A yellow bar runs along the bottom of the screen. The tone fades out.</p>"
        ),
    },
    {
        "slug": "writing-a-letter",
        "title": "Writing a letter",
        "summary": "A short film for professionals about helping someone write a restorative letter.",
        "audience": "professionals",
        "audio_described": False,
        "transcript": (
            "<p>[A gentle, higher tone plays throughout. There is no speech.]</p>"
            "<p>On screen: a purple card. White words read: Writing a letter.</p>"
            "<p>After a few seconds, the words change to: Your words, your choice.</p>"
            "<p>A yellow bar runs along the bottom of the screen. The tone fades out.</p>"
        ),
    },
]


def _media(title, filename):
    media_model = get_media_model()
    existing = media_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    media = media_model(title=title, type="video", duration=12, width=640, height=360)
    with (MEDIA_DIR / filename).open("rb") as handle:
        media.file.save(filename, File(handle), save=False)
    media.save()
    return media


def _document(title, filename):
    document_model = get_document_model()
    existing = document_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    document = document_model(title=title)
    with (MEDIA_DIR / filename).open("rb") as handle:
        document.file.save(filename, File(handle), save=False)
    document.save()
    return document


def _image(title, filename):
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    image = image_model(title=title)
    with (MEDIA_DIR / filename).open("rb") as handle:
        image.file.save(filename, File(handle), save=False)
    image.save()
    return image


def ensure_root_collection():
    # Made by Wagtail's migrations; a test database flushed between tests may lack it.
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


def load(home):
    ensure_root_collection()
    index, _ = ensure_page(
        home,
        FilmIndexPage,
        "films",
        title="Films",
        show_in_menus=True,
        intro="Short films about restorative justice. Every film has captions and a full transcript.",
        search_description="Short films about restorative justice, with captions and transcripts.",
    )
    for spec in FILMS:
        slug = spec["slug"]
        if index.get_children().filter(slug=slug).exists():
            continue
        described = None
        if spec["audio_described"]:
            described = _media(f"{spec['title']} (audio described)", f"{slug}-audio-described.webm")
        ensure_page(
            index,
            FilmPage,
            slug,
            title=spec["title"],
            summary=spec["summary"],
            search_description=spec["summary"],
            audience=spec["audience"],
            video=_media(spec["title"], f"{slug}.webm"),
            poster=_image(f"{spec['title']} (poster)", f"{slug}-poster.png"),
            duration=datetime.timedelta(seconds=12),
            captions=_document(f"{spec['title']} (captions)", f"{slug}.vtt"),
            captions_language="en",
            transcript=spec["transcript"],
            audio_described_video=described,
        )
