"""Demo Easy Read pages: "What is restorative justice?" and "How to refer yourself".

The pictures are drawn by `home.pictograms` when the demo loads."""

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Collection

from home.demo import ensure_page
from home.models import EasyReadPage
from home.pictograms import png_bytes

PICTURE_ALT = {
    "talking": "Two people talking",
    "phone": "A mobile phone",
    "letter": "A letter in an envelope",
    "safe": "A shield with a tick, meaning safe",
    "choice": "A tick and a cross, meaning yes or no",
    "question": "A person with a question",
    "form": "A form being filled in",
    "computer": "A computer screen",
    "clock": "A clock",
}


def picture(name):
    image_model = get_image_model()
    title = f"Easy Read picture: {PICTURE_ALT[name]}"
    image = image_model.objects.filter(title=title).first()
    if image is None:
        # Wagtail's migrations make the root collection; a flushed test database may not have it.
        root = Collection.get_first_root_node() or Collection.add_root(name="Root")
        image = image_model(title=title, collection=root)
        image.file = ImageFile(_named(png_bytes(name), f"easy-read-{name}.png"))
        image.save()
    return image


def _named(data, name):
    from io import BytesIO

    buffer = BytesIO(data)
    buffer.name = name
    return buffer


def row(name, *sentences):
    return {
        "type": "row",
        "value": {
            "image": picture(name).pk,
            "alt_text": PICTURE_ALT[name],
            "decorative": False,
            "text": "\n".join(sentences),
        },
    }


def load(home):
    wirj = home.get_children().filter(slug="what-is-restorative-justice").first()
    if wirj is not None:
        wirj = wirj.specific
        easy, created = ensure_page(
            wirj,
            EasyReadPage,
            "easy-read",
            title="What is restorative justice? Easy Read",
            search_description="Restorative justice explained with pictures and short sentences.",
            intro="This page tells you about restorative justice.",
            full_version=wirj,
            rows=[
                row("question", "Crime can hurt people.", "You may have questions about it."),
                row(
                    "talking",
                    "Restorative justice means you can talk",
                    "with the person who hurt you.",
                ),
                row("letter", "You do not have to meet them.", "You can write a letter instead."),
                row(
                    "safe", "A trained helper is with you all the time.", "We make sure it is safe."
                ),
                row("choice", "It is your choice.", "You can stop at any time."),
                row("clock", "It is free.", "It does not change a court sentence."),
            ],
        )
        if wirj.easy_read_version_id != easy.pk:
            wirj.easy_read_version = easy
            wirj.save_revision().publish()

    self_referral = home.get_children().filter(slug="self-referral").first()
    if self_referral is not None:
        self_referral = self_referral.specific
    easy, created = ensure_page(
        home,
        EasyReadPage,
        "how-to-refer-yourself-easy-read",
        title="How to refer yourself: Easy Read",
        show_in_menus=False,
        search_description="How to ask for restorative justice, with pictures and short sentences.",
        intro="This page tells you how to ask us for restorative justice.",
        full_version=self_referral,
        rows=[
            row(
                "computer", "You can fill in a form on this website.", "It takes about 10 minutes."
            ),
            row("form", "We ask your name.", "We ask what happened."),
            row("phone", "Tell us a safe way to contact you.", "We will not call if you say no."),
            row("clock", "We will contact you in 2 working days."),
            row("talking", "You can ask someone to help you fill it in."),
            {
                "type": "call_to_action",
                "value": {
                    "heading": "Fill in the form",
                    "text": "The form opens on a new page.",
                    "page": self_referral.pk if self_referral else None,
                    "url": "" if self_referral else "/self-referral/",
                    "link_text": "Refer yourself",
                },
            },
        ],
    )
    # The self-referral page links here when its page type offers an Easy Read link.
    if (
        self_referral is not None
        and hasattr(self_referral, "easy_read_version_id")
        and self_referral.easy_read_version_id != easy.pk
    ):
        self_referral.easy_read_version = easy
        self_referral.save_revision().publish()
