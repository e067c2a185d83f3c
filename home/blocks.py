"""The StreamField blocks every page type shares. Each has a template, an icon,
a description and a preview value so the comms team sees what it looks like."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
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


class BodyBlock(blocks.StreamBlock):
    """The content blocks every page body offers."""

    text = RichTextBlock()
    image = ImageBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()
    quote = QuoteBlock()
    document = DocumentDownloadBlock()


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
