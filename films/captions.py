"""Checking that a captions file is real WebVTT before a film can go live."""

import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

from django.core.exceptions import ValidationError

MAX_CAPTIONS_BYTES = 512 * 1024


def read_captions_text(document):
    """The text of a captions document, or a ValidationError saying why it cannot be read."""
    if document is None:
        raise ValidationError("Choose a captions file.")
    if not document.file.name.lower().endswith(".vtt"):
        raise ValidationError("The captions file must be a WebVTT file ending in .vtt.")
    try:
        with document.file.open("rb") as handle:
            raw = handle.read(MAX_CAPTIONS_BYTES + 1)
    except OSError as error:
        raise ValidationError("The captions file could not be opened. Upload it again.") from error
    if len(raw) > MAX_CAPTIONS_BYTES:
        raise ValidationError("The captions file is too big. It should be under 512 KB.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(
            "Save the captions file as UTF-8 text and upload it again."
        ) from error


def validate_webvtt(text):
    """Raise ValidationError unless `text` is a WebVTT file with at least one timed caption."""
    if not text.lstrip("\ufeff").startswith("WEBVTT"):
        raise ValidationError("The captions file must start with the word WEBVTT.")
    try:
        captions = webvtt.WebVTT.from_string(text, strict=True).captions
    except (MalformedFileError, MalformedCaptionError) as error:
        raise ValidationError(f"The captions file is not valid WebVTT: {error}") from error
    if not captions:
        raise ValidationError("The captions file has no captions in it.")
    for caption in captions:
        if caption.end_time.in_milliseconds() <= caption.start_time.in_milliseconds():
            raise ValidationError(
                f"A caption ends before it starts ({caption.start} to {caption.end})."
            )
    return captions
