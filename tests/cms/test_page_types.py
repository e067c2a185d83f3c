"""Rules every page type keeps, including the ones later issues add.

These iterate over all page types Wagtail knows, so a new page type that
forgets the review date, preview modes, help text or where it may live fails
here."""

import pytest

from django.db import models

from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page, get_page_models

from home.mixins import PreviewModesMixin, ReviewByMixin

pytestmark = pytest.mark.django_db

SITE_PAGE_TYPES = [model for model in get_page_models() if model is not Page]
ids = [model._meta.label for model in SITE_PAGE_TYPES]


def own_fields(model):
    """Fields the page type adds to Wagtail's Page."""
    page_fields = {field.name for field in Page._meta.get_fields()}
    return [
        field
        for field in model._meta.get_fields()
        if field.concrete
        and not field.auto_created
        and field.name not in page_fields
        and not isinstance(field, models.OneToOneField)
    ]


def test_there_are_page_types_to_check():
    assert {"home.HomePage", "home.StandardPage"} <= set(ids)


@pytest.mark.parametrize("model", SITE_PAGE_TYPES, ids=ids)
def test_page_type_has_a_review_date_and_preview_modes(model):
    assert issubclass(model, ReviewByMixin), "inherit home.mixins.SitePageMixin"
    assert issubclass(model, PreviewModesMixin), "inherit home.mixins.SitePageMixin"
    modes = dict(model().preview_modes)
    assert "" in modes and "print" in modes


@pytest.mark.parametrize("model", SITE_PAGE_TYPES, ids=ids)
def test_page_type_says_where_it_may_live(model):
    assert "parent_page_types" in vars(model), "declare parent_page_types"
    assert model.parent_page_types, "a page type must be creatable somewhere"
    assert model.__doc__ and model.__doc__.strip(), "say what the page is for in a docstring"


@pytest.mark.parametrize("model", SITE_PAGE_TYPES, ids=ids)
def test_every_field_has_help_text_for_editors(model):
    missing = [field.name for field in own_fields(model) if not str(field.help_text).strip()]
    assert missing == []


def walk_blocks(block, path=""):
    yield path, block
    for name, child in getattr(block, "child_blocks", {}).items():
        yield from walk_blocks(child, f"{path}.{name}")
    if hasattr(block, "child_block"):
        yield from walk_blocks(block.child_block, f"{path}[]")


@pytest.mark.parametrize("model", SITE_PAGE_TYPES, ids=ids)
def test_every_block_has_help_or_a_description(model):
    """Blocks the chooser offers need an icon, a description and a preview."""
    problems = []
    for field in own_fields(model):
        if not isinstance(field, StreamField):
            continue
        for name, block in field.stream_block.child_blocks.items():
            if not block.get_description():
                problems.append(f"{field.name}.{name}: no description")
            if block.meta.icon in (None, "placeholder"):
                problems.append(f"{field.name}.{name}: no icon")
            if not block.is_previewable:
                problems.append(f"{field.name}.{name}: no preview in the block chooser")
    assert problems == []


@pytest.mark.parametrize("model", SITE_PAGE_TYPES, ids=ids)
def test_images_always_come_with_alt_text_or_a_decorative_choice(model):
    """An image chooser in a StreamField sits inside a block with `alt_text` and
    `decorative` (home.blocks.ImageBlock); an image field on the page has
    `<name>_alt_text` and `<name>_decorative` fields beside it, unless the page type
    lists it in `decorative_image_fields` (shown only beside a link or title that
    already says what it is, always with empty alt text)."""
    problems = []
    image_model = get_image_model()
    for field in own_fields(model):
        decorative_only = field.name in getattr(model, "decorative_image_fields", ())
        if (
            isinstance(field, models.ForeignKey)
            and field.related_model is image_model
            and not decorative_only
        ):
            for sibling in (f"{field.name}_alt_text", f"{field.name}_decorative"):
                if not hasattr(model, sibling):
                    problems.append(f"{field.name}: no {sibling}")
        if isinstance(field, StreamField):
            for path, block in walk_blocks(field.stream_block, field.name):
                children = getattr(block, "child_blocks", {})
                for name, child in children.items():
                    if isinstance(child, ImageChooserBlock) and not {
                        "alt_text",
                        "decorative",
                    } <= set(children):
                        problems.append(f"{path}.{name}")
    assert problems == []


@pytest.mark.parametrize("model", SITE_PAGE_TYPES, ids=ids)
def test_review_date_is_in_the_editor(model):
    from wagtail.admin.panels import get_edit_handler

    form_class = get_edit_handler(model).get_form_class()
    assert "review_by" in form_class.base_fields


def test_every_setting_field_has_help_text():
    from wagtail.contrib.settings.registry import registry

    missing = [
        f"{model._meta.label}.{field.name}"
        for model in registry
        for field in model._meta.get_fields()
        if field.concrete
        and not field.auto_created
        and field.name not in ("id", "site")
        and not str(field.help_text).strip()
    ]
    assert missing == []


def test_block_previews_cope_with_an_empty_library():
    """A new site has no images, documents or pages yet: the block chooser still works."""
    from home.blocks import BodyBlock, FeaturedPageBlock

    for block in [*BodyBlock().child_blocks.values(), FeaturedPageBlock()]:
        block.render(block.get_preview_value())
