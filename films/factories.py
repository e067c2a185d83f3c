import datetime

import factory
import wagtail_factories
from wagtailmedia.models import get_media_model

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

from films.models import FilmIndexPage, FilmPage

VALID_VTT = b"WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHello.\n"


class MediaFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Video {n}")
    type = "video"
    duration = 12
    file = factory.LazyFunction(lambda: ContentFile(b"\x1a\x45\xdf\xa3 not really", "clip.webm"))

    class Meta:
        model = get_media_model()


class CaptionsFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Captions {n}")
    file = factory.LazyFunction(lambda: ContentFile(VALID_VTT, "captions.vtt"))

    class Meta:
        model = get_document_model()


class FilmIndexPageFactory(wagtail_factories.PageFactory):
    title = "Films"
    slug = "films"

    class Meta:
        model = FilmIndexPage


class FilmPageFactory(wagtail_factories.PageFactory):
    """A publish-ready film: video, WebVTT captions and a transcript."""

    title = factory.Sequence(lambda n: f"Film {n}")
    summary = "A short film."
    video = factory.SubFactory(MediaFactory)
    duration = datetime.timedelta(minutes=2, seconds=30)
    audience = "public"
    captions = factory.SubFactory(CaptionsFactory)
    transcript = "<p>Everything said in the film.</p>"

    class Meta:
        model = FilmPage
