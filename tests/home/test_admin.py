import pytest

from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from tests.conftest import english

pytestmark = pytest.mark.django_db


def test_admin_can_create_and_publish_a_standard_page(client, demo_site, admin_user):
    client.force_login(admin_user)
    home = english(HomePage).get()
    url = reverse("wagtailadmin_pages:add", args=("home", "standardpage", home.pk))
    assert client.get(url).status_code == 200
    data = nested_form_data(
        {
            "title": "Getting support",
            "slug": "getting-support",
            "intro": "Where to find help.",
            "body": streamfield(
                [
                    (
                        "text",
                        rich_text(
                            "<p>Victim Support can help, even if you did not report the crime.</p>"
                        ),
                    )
                ]
            ),
            "action-publish": "publish",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302
    page = english(StandardPage).get(slug="getting-support")
    assert page.live
    public = client.get(page.url)
    assert public.status_code == 200 and "Victim Support can help" in public.text


def test_image_block_needs_alt_text_unless_decorative():
    import wagtail_factories

    from wagtail.blocks import StructBlockValidationError

    from home.blocks import ImageBlock

    image = wagtail_factories.ImageFactory()
    block = ImageBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"image": image.pk, "alt_text": " ", "decorative": False}))
    assert "alt_text" in error.value.block_errors
    assert block.clean(block.to_python({"image": image.pk, "alt_text": "", "decorative": True}))[
        "decorative"
    ]
    assert block.clean(
        block.to_python({"image": image.pk, "alt_text": "A facilitator", "decorative": False})
    )


def test_call_to_action_needs_exactly_one_destination():
    from wagtail.blocks import StructBlockValidationError

    from home.blocks import CallToActionBlock

    block = CallToActionBlock()
    value = block.to_python(
        {"heading": "Refer yourself", "text": "", "page": None, "url": "", "link_text": "Start"}
    )
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


def test_page_types_may_only_be_created_where_they_belong(demo_site):
    from wagtail.models import Page

    root = Page.get_first_root_node()
    standard = StandardPage.objects.first()
    assert HomePage.can_create_at(root)
    assert not HomePage.can_create_at(demo_site)
    assert not StandardPage.can_create_at(root)
    assert StandardPage.can_create_at(demo_site)
    assert StandardPage.can_create_at(standard)


def test_demo_content_is_idempotent(demo_site):
    from django.core.management import call_command

    from wagtail.models import Page, Revision

    pages, revisions = Page.objects.count(), Revision.objects.count()
    call_command("load_demo_content", skip_languages=True, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)
