"""The StreamField blocks every page type shares. Each has a template, an icon,
a description and a preview value so the comms team sees what it looks like."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from home.choices import ImageShape, ProblemReason
from home.validators import heading_levels, heading_order_problem, validate_heading_order

RICH_TEXT_FEATURES = settings.RICH_TEXT_FEATURES  # one list, in the settings


class RichTextBlock(blocks.RichTextBlock):
    """Rich text whose headings cannot skip a level (see home/validators.py)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        kwargs["validators"] = [validate_heading_order, *kwargs.get("validators", ())]
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = "Text"
        template = "blocks/rich_text_block.html"
        description = "Paragraphs, headings, lists and links."
        preview_value = (
            "<h2>What happens at a meeting</h2><p>A trained facilitator stays with you the whole"
            " time. You can stop at any point.</p>"
        )


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(help_text="Choose or upload a photo or illustration.")
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        help_text=(
            "Describe what the image shows for people who cannot see it, "
            "for example 'Two people talking at a table with a facilitator'."
        ),
    )
    decorative = blocks.BooleanBlock(
        required=False,
        help_text="Tick only if the image adds nothing to the text. Screen readers will skip it.",
    )
    caption = blocks.CharBlock(
        required=False, max_length=250, help_text="Optional words shown under the image."
    )
    shape = blocks.ChoiceBlock(
        choices=ImageShape.choices,
        required=False,
        help_text=(
            "How the image is shown. To crop a landscape image well, set its focal point "
            "when you edit the image in Images."
        ),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["alt"] = "" if value.get("decorative") else value.get("alt_text") or ""
        return context

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ErrorList(
                        [
                            ValidationError(
                                "Describe the image, or tick 'decorative' if it adds nothing."
                            )
                        ]
                    )
                }
            )
        return value

    class Meta:
        icon = "image"
        label = "Image"
        template = "blocks/image_block.html"
        description = "A picture with a description for screen-reader users."
        # The block chooser shows the first image in the library (see get_preview_value).
        preview_value = {
            "alt_text": "Two people talking at a table with a facilitator",
            "decorative": False,
            "caption": "Meetings take place somewhere quiet and neutral.",
        }

    def get_preview_value(self):
        # Images are database rows, so the preview borrows the newest one, if any.
        from wagtail.images import get_image_model

        value = dict(self.meta.preview_value)
        value["image"] = get_image_model().objects.order_by("-created_at").first()
        return self.to_python({**value, "image": value["image"].pk if value["image"] else None})


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        max_length=80, help_text="A short heading, for example 'Refer yourself'."
    )
    text = blocks.TextBlock(
        required=False, max_length=300, help_text="One or two sentences saying what happens next."
    )
    page = blocks.PageChooserBlock(required=False, help_text="The page to link to on this site.")
    url = blocks.URLBlock(
        required=False,
        help_text="Or a web address on another site. Leave empty if you chose a page.",
    )
    link_text = blocks.CharBlock(
        max_length=60,
        help_text="Words on the button. Say where it goes, for example 'Start your referral' (not 'click here').",
    )

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = "Choose a page or type a web address, but not both."
            raise StructBlockValidationError(
                block_errors={"page": ErrorList([ValidationError(message)])}
            )
        return value

    class Meta:
        icon = "link"
        label = "Call to action"
        template = "blocks/call_to_action_block.html"
        description = "A heading, a sentence and a button that takes people to the next step."
        preview_value = {
            "heading": "Refer yourself",
            "text": "Tell us a little about what happened. We will contact you within two working days.",
            "url": "https://example.org/self-referral/",
            "link_text": "Start your referral",
        }


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=150, help_text="The question, as people would ask it.")
    answer = RichTextBlock(help_text="The answer in short, plain sentences.")


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        required=False, max_length=100, help_text="Optional heading above the questions."
    )
    items = blocks.ListBlock(AccordionItemBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        label = "Questions and answers"
        template = "blocks/accordion_block.html"
        description = "Questions that open to show their answers. Works without JavaScript."
        preview_value = {
            "heading": "Common questions",
            "items": [
                {
                    "question": "Do I have to meet the other person?",
                    "answer": "<p>No. You can send a letter instead.</p>",
                },
                {"question": "Can I change my mind?", "answer": "<p>Yes, at any time.</p>"},
            ],
        }


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(max_length=600, help_text="What the person said, in their words.")
    attribution = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text="Who said it, without identifying them, for example 'A woman harmed by burglary'.",
    )

    class Meta:
        icon = "openquote"
        label = "Quote"
        template = "blocks/quote_block.html"
        description = "A short quote from someone who took part."
        preview_value = {
            "quote": "I was nervous, but I am glad I did it. I got answers I could not get anywhere else.",
            "attribution": "Someone harmed by a burglary",
        }


class DocumentDownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(help_text="Choose or upload the file people can download.")
    title = blocks.CharBlock(
        required=False,
        max_length=150,
        help_text="Optional. Leave empty to use the document's own title.",
    )
    description = blocks.TextBlock(
        required=False, max_length=300, help_text="Optional. What the document is for."
    )

    class Meta:
        icon = "doc-full"
        label = "Document download"
        template = "blocks/document_download_block.html"
        description = "A file to download, with its type and size shown."
        preview_value = {
            "title": "Restorative justice leaflet",
            "description": "A short guide to what happens, to print or share.",
        }

    def get_preview_value(self):
        # Documents are database rows, so the preview borrows the newest one, if any.
        from wagtail.documents import get_document_model

        document = get_document_model().objects.order_by("-created_at").first()
        return self.to_python(
            {**self.meta.preview_value, "document": document.pk if document else None}
        )


class BodyBlock(blocks.StreamBlock):
    """The content blocks every page body offers."""

    text = RichTextBlock()
    image = ImageBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()
    quote = QuoteBlock()
    document = DocumentDownloadBlock()

    def clean(self, value):
        """Headings must not skip a level across blocks either: the page title is level 1,
        so the first heading in the body is level 2."""
        value = super().clean(value)
        previous = 1
        for index, child in enumerate(value):
            if child.block_type == "text":
                levels = heading_levels(child.value)
            elif child.block_type == "accordion" and child.value.get("heading"):
                levels = [2]  # the accordion's heading is shown as a level 2 heading
            else:
                continue
            problem = heading_order_problem(levels, previous)
            if problem:
                raise StreamBlockValidationError(block_errors={index: ValidationError(problem)})
            previous = levels[-1] if levels else previous
        return value


class FeaturedPageBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(help_text="The page to feature.")
    summary = blocks.TextBlock(
        required=False,
        max_length=250,
        help_text="Optional. A sentence about the page. Leave empty to use the page's search description.",
    )

    class Meta:
        icon = "pick"
        label = "Featured page"
        template = "blocks/featured_page_block.html"
        description = "A card linking to another page on the site."

    def get_preview_value(self):
        # Pages are database rows, so the preview features the site's first live page.
        from wagtail.models import Page

        page = Page.objects.live().filter(depth__gt=2).order_by("path").first()
        return self.to_python(
            {"page": page.pk if page else None, "summary": "A sentence about the page."}
        )


class EasyReadRowBlock(blocks.StructBlock):
    """One Easy Read row: a picture beside one or two short sentences."""

    image = ImageChooserBlock(
        help_text="A clear, simple picture that shows what the sentences say."
    )
    alt_text = blocks.CharBlock(
        required=False,
        max_length=150,
        help_text="What the picture shows, for people who cannot see it. Leave empty only if it is decorative.",
    )
    decorative = blocks.BooleanBlock(
        required=False,
        help_text="Tick only if the picture adds nothing to the words. Screen readers will skip it.",
    )
    text = blocks.TextBlock(
        max_length=200,
        help_text="One or two short sentences, with one idea. Use everyday words. Put each sentence on its own line.",
    )

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            errors["alt_text"] = ErrorList(
                [
                    ValidationError(
                        _("Describe the picture, or tick 'decorative' if it adds nothing.")
                    )
                ]
            )
        sentences = [line for line in (value.get("text") or "").splitlines() if line.strip()]
        if len(sentences) > 2:
            errors["text"] = ErrorList(
                [ValidationError(_("Use one or two short sentences. Start a new row for more."))]
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    class Meta:
        icon = "image"
        label = "Picture and sentence"
        template = "blocks/easy_read_row_block.html"
        description = "An Easy Read row: a picture beside one or two short sentences in large text."
        preview_value = {
            "alt_text": "Two people talking",
            "decorative": False,
            "text": "You can talk to the person who hurt you.\nSomeone will help you.",
        }

    def get_preview_value(self):
        # As ImageBlock: the preview borrows the newest image, if any.
        return ImageBlock.get_preview_value(self)


class AccessibilityProblemBlock(blocks.StructBlock):
    """One thing on the site that does not meet WCAG 2.2 AA, for the accessibility statement."""

    problem = blocks.TextBlock(
        help_text="What does not work, in plain words, and who it affects. "
        "For example: 'Some older PDFs cannot be read with a screen reader.'"
    )
    criteria = blocks.CharBlock(
        required=False,
        max_length=200,
        help_text="Optional. The WCAG 2.2 success criteria it fails, for example '1.1.1 Non-text content'.",
    )
    reason = blocks.ChoiceBlock(
        choices=ProblemReason.choices,
        default=ProblemReason.NON_COMPLIANCE,
        help_text="Why it is not accessible yet. The statement lists problems under these headings.",
    )
    fix = blocks.TextBlock(
        required=False,
        help_text="Optional. What you will do about it and by when, for example "
        "'We will replace these PDFs with web pages by March 2027.'",
    )

    class Meta:
        icon = "warning"
        label = "Accessibility problem"
        template = "blocks/accessibility_problem_block.html"
        description = "Something that is not accessible yet: what, why, and what you will do."
        preview_value = {
            "problem": "Captions on one older film are not accurate.",
            "criteria": "1.2.2 Captions (prerecorded)",
            "reason": "non-compliance",
            "fix": "We will correct the captions by the end of March.",
        }
