"""The upload forms: words for images' alt text, and upload limits for films and sound
files (wagtailmedia).

Wagtail checks the type and size of images and documents itself
(WAGTAILIMAGES_* and WAGTAILDOCS_* settings); wagtailmedia checks only the type
(WAGTAILMEDIA's extension lists), so the size is checked here, with the same
kind of message."""

from wagtailmedia.forms import BaseMediaForm

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat

from wagtail.images.forms import BaseImageForm


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


class ImageForm(BaseImageForm):
    """Wagtail calls an image's alt text "Description": say what it is for."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            field = self.fields["description"]
            field.label = "Alt text: what the picture shows"
            field.help_text = (
                "For people who cannot see the image, in a short sentence: for example "
                "'Two people talking at a kitchen table'. Pages show it wherever the image "
                "appears without a description of its own."
            )
