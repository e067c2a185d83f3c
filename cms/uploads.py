"""Upload forms: what Wagtail and wagtailmedia leave out (images' alt text named as
such, damaged pictures refused, size limits for films and sound files).

Wagtail checks the type and size of images and documents itself
(WAGTAILIMAGES_* and WAGTAILDOCS_* settings); wagtailmedia checks only the type
(WAGTAILMEDIA's extension lists), so the size is checked here, with the same
kind of message. Wagtail reads only the start of an image to tell its type, so
a damaged file (a GIF that is only a header) passed that check and then failed
with a server error; here the picture is drawn once before it is accepted."""

import threading
import warnings

from PIL import Image as PILImage
from PIL import ImageFile
from wagtailmedia.forms import BaseMediaForm

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

UNREADABLE_IMAGE = _(
    "We could not read this picture: the file may be damaged or only partly saved. "
    "Open it in a photo editor, save it again, and upload the new file."
)


def _check_size(file, limit, what):
    if isinstance(file, UploadedFile) and limit and file.size > limit:
        raise ValidationError(
            f"This file is too big ({filesizeformat(file.size)}). "
            f"The largest {what} you can upload is {filesizeformat(limit)}."
        )
    return file


class MediaForm(BaseMediaForm):
    def clean_file(self):
        return _check_size(
            self.cleaned_data.get("file"),
            settings.WAGTAILMEDIA_MAX_UPLOAD_SIZE,
            "film or sound file",
        )

    def clean_thumbnail(self):
        return _check_size(
            self.cleaned_data.get("thumbnail"),
            settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE,
            "poster image",
        )


_strict = threading.Lock()


def draw_once(file):
    """Decode the whole picture, refusing a file cut short. (WeasyPrint tells Pillow,
    for the whole process, to pad truncated pictures: not while checking an upload.)"""
    with _strict, warnings.catch_warnings():
        warnings.simplefilter("error", PILImage.DecompressionBombWarning)
        padding, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
        try:
            with PILImage.open(file) as picture:
                picture.load()
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = padding


class ReadableImageField(WagtailImageField):
    """Wagtail's image field, which also draws the picture before accepting it."""

    def to_python(self, data):
        try:
            file = super().to_python(data)
        except ValidationError:
            raise
        except Exception as error:  # noqa: BLE001 - whatever a broken file makes Pillow raise
            raise ValidationError(UNREADABLE_IMAGE, code="unreadable_image") from error
        if file is None:
            return file
        try:
            draw_once(file)  # after Wagtail's checks of size and pixels: never a huge picture
        except Exception as error:  # noqa: BLE001
            raise ValidationError(UNREADABLE_IMAGE, code="unreadable_image") from error
        finally:
            if hasattr(file, "seek"):
                file.seek(0)
        return file


class ImageForm(BaseImageForm):
    """Every image upload form in the admin (WAGTAILIMAGES_IMAGE_FORM_BASE)."""

    file = ReadableImageField(label=_("File"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail calls an image's alt text "Description": say what it is for.
        if "description" in self.fields:
            field = self.fields["description"]
            field.label = "Alt text: what the picture shows"
            field.help_text = (
                "For people who cannot see the image, in a short sentence: for example "
                "'Two people talking at a kitchen table'. Pages show it wherever the image "
                "appears without a description of its own."
            )
