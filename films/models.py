import re
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.html import strip_tags
from django.utils.translation import ngettext

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from films.captions import read_captions_text, validate_webvtt
from films.choices import Audience
from home.addresses import absolute_url, page_url
from home.blocks import RICH_TEXT_FEATURES
from home.listings import paginate
from home.mixins import SitePageMixin
from home.schema import in_language, publisher

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")


def youtube_video_id(url):
    """The video id in a YouTube web address, or None if it is not one."""
    if not url:
        return None
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    candidate = None
    if host == "youtu.be":
        candidate = parts.path.strip("/")
    elif host in ("youtube.com", "youtube-nocookie.com"):
        if parts.path == "/watch":
            candidate = parse_qs(parts.query).get("v", [None])[0]
        elif parts.path.startswith(("/embed/", "/shorts/", "/live/")):
            candidate = parts.path.split("/")[2]
    return candidate if candidate and YOUTUBE_ID.match(candidate) else None


class FilmIndexPage(SitePageMixin, Page):
    """The list of films about restorative justice."""

    intro = models.TextField(
        max_length=500,
        blank=True,
        help_text="One or two sentences above the list of films.",
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["films.FilmPage"]
    max_count_per_parent = 1

    search_fields = Page.search_fields + [index.SearchField("intro")]
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = "film list"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        films = (
            FilmPage.objects.live()
            .public()
            .child_of(self)
            .select_related("poster")
            .prefetch_related("poster__renditions")
            .order_by("-first_published_at", "-pk")
        )
        audience = request.GET.get("audience", "")
        if audience in Audience.values:
            films = films.filter(audience=audience)
        else:
            audience = ""
        listing = paginate(request, films, settings.FILMS_PER_PAGE)
        context.update(
            listing, films=listing["page_obj"], audience=audience, audiences=Audience.choices
        )
        return context


class FilmPageForm(WagtailAdminPageForm):
    """Checks the captions are WebVTT, and refuses to publish a film without them."""

    def clean(self):
        cleaned_data = super().clean()
        captions = cleaned_data.get("captions")
        if captions is not None:
            try:
                validate_webvtt(read_captions_text(captions))
            except ValidationError as error:
                self.add_error("captions", error)
        if "action-publish" in self.data:
            for field, message in FilmPage.publishing_problems(
                cleaned_data.get("video"),
                cleaned_data.get("captions"),
                cleaned_data.get("transcript"),
            ).items():
                if field not in self.errors:
                    self.add_error(field, message)
        url = cleaned_data.get("youtube_url")
        if url and youtube_video_id(url) is None:
            self.add_error(
                "youtube_url",
                "Enter a YouTube web address, like https://www.youtube.com/watch?v=abcdefghijk",
            )
        return cleaned_data


class FilmPage(RoutablePageMixin, SitePageMixin, Page):
    """A short film, played from this site with captions, a transcript and, where we
    have one, an audio-described version."""

    # Shown only beside the title (or as the video poster), so always with empty alt text.
    decorative_image_fields = ("poster",)

    summary = models.TextField(
        max_length=300,
        help_text="One or two sentences saying what the film shows. Shown in the list of films.",
    )
    video = models.ForeignKey(
        "wagtailmedia.Media",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The video file, uploaded under Media. MP4 (H.264) or WebM plays in most browsers. Needed before publishing.",
    )
    poster = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional. A still picture shown before the film plays, and when the link is shared.",
    )
    duration = models.DurationField(
        help_text="How long the film is, as minutes and seconds, for example 2:30.",
    )
    audience = models.CharField(
        max_length=20,
        choices=Audience.choices,
        default=Audience.PUBLIC,
        help_text="Who the film is made for: everyone, or professionals such as police officers and teachers.",
    )
    captions = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The captions as a WebVTT file (ending .vtt), uploaded as a document. Needed before publishing.",
    )
    captions_language = models.CharField(
        max_length=10,
        default="en",
        help_text="The language code of the captions, for example 'en' for English or 'cy' for Welsh.",
    )
    transcript = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text="Everything said in the film, and what can be seen, written out in full. Needed before publishing.",
    )
    audio_described_video = models.ForeignKey(
        "wagtailmedia.Media",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional. A version of the film with spoken descriptions of what is on screen.",
    )
    youtube_url = models.URLField(
        "YouTube address",
        blank=True,
        help_text="Optional. If the film is also on YouTube, its web address. The YouTube player only loads if a visitor asks for it.",
    )

    parent_page_types = ["films.FilmIndexPage"]
    subpage_types = []
    base_form_class = FilmPageForm

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("transcript"),
        index.FilterField("audience"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("video"),
                FieldPanel("poster"),
                FieldPanel("duration"),
                FieldPanel("audience"),
            ],
            heading="The film",
        ),
        MultiFieldPanel(
            [FieldPanel("captions"), FieldPanel("captions_language"), FieldPanel("transcript")],
            heading="Captions and transcript",
        ),
        MultiFieldPanel(
            [FieldPanel("audio_described_video"), FieldPanel("youtube_url")],
            heading="Other versions",
        ),
    ]

    class Meta:
        verbose_name = "film"

    @staticmethod
    def publishing_problems(video, captions, transcript):
        problems = {}
        if video is None:
            problems["video"] = "Choose the video file before you publish this film."
        elif video.type != "video":
            problems["video"] = "Choose a video file, not an audio file."
        if captions is None:
            problems["captions"] = "Add a WebVTT captions file before you publish this film."
        if not strip_tags(transcript or "").strip():
            problems["transcript"] = "Write out the transcript before you publish this film."
        return problems

    def clean(self):
        super().clean()
        # Any way of going live saves the page with live=True: refuse it without captions.
        if self.pk and self.live:
            problems = self.publishing_problems(self.video, self.captions, self.transcript)
            if problems:
                raise ValidationError(problems)

    @property
    def youtube_id(self):
        return youtube_video_id(self.youtube_url)

    @property
    def duration_iso(self):
        seconds = int(self.duration.total_seconds()) if self.duration else 0
        return f"PT{seconds // 60}M{seconds % 60}S"

    @property
    def duration_text(self):
        seconds = int(self.duration.total_seconds()) if self.duration else 0
        minutes, seconds = divmod(seconds, 60)
        parts = []
        if minutes:
            parts.append(
                ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
            )
        if seconds or not minutes:
            parts.append(
                ngettext("%(count)d second", "%(count)d seconds", seconds) % {"count": seconds}
            )
        return " ".join(parts)

    def social_image(self):
        return self.poster

    @path("captions/", name="captions")
    def captions_file(self, request):
        """The captions served from this page's address, as text/vtt, for the <track> element."""
        if self.captions is None:
            raise Http404("This film has no captions.")
        try:
            text = read_captions_text(self.captions)
        except ValidationError as error:
            raise Http404("The captions cannot be read.") from error
        response = HttpResponse(text, content_type="text/vtt; charset=utf-8")
        patch_cache_control(response, public=True, max_age=3600)
        return response

    def captions_url(self):
        return self.url + self.reverse_subpage("captions")

    def structured_data(self, request=None):
        data = {
            "@context": "https://schema.org",
            "@type": "VideoObject",
            "name": self.title,
            "description": self.search_description or self.summary,
            "duration": self.duration_iso,
            "url": page_url(self, request),
            # The player: this page plays the film itself; YouTube's when the film is there too.
            "embedUrl": f"https://www.youtube-nocookie.com/embed/{self.youtube_id}"
            if self.youtube_id
            else page_url(self, request),
            "inLanguage": in_language(self),
            "publisher": publisher(request),
        }
        if self.first_published_at:
            data["uploadDate"] = self.first_published_at.date().isoformat()
        if self.video is not None:
            data["contentUrl"] = absolute_url(self.video.url)
        if self.poster is not None:
            rendition = self.poster.get_rendition("fill-1200x675")
            data["thumbnailUrl"] = absolute_url(rendition.url)
        return data
