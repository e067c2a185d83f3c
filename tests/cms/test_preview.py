"""Every page type's preview modes render in the admin, and pass axe in Chromium."""

import pytest
import wagtail_factories

from django.urls import reverse

from wagtail.models import Page, get_page_models

from tests.conftest import english, run_axe

PAGE_TYPES = [model for model in get_page_models() if model is not Page]


def preview_urls():
    """The admin preview URL of each mode, for one page of each page type."""
    urls = []
    for model in PAGE_TYPES:
        page = model.objects.live().first()
        assert page is not None, f"the demo content has no {model.__name__}: add one"
        for mode, _label in page.preview_modes:
            url = reverse("wagtailadmin_pages:view_draft", args=(page.pk,))
            urls.append((f"{model.__name__}:{mode or 'page'}", f"{url}?mode={mode}"))
    return urls


@pytest.mark.django_db
def test_every_preview_mode_of_every_page_type_renders(client, demo_site, admin_user):
    client.force_login(admin_user)
    seen = set()
    for name, url in preview_urls():
        response = client.get(url)
        assert response.status_code == 200, name
        html = response.text
        assert html.count("<h1") == 1, name
        assert "data-quick-exit" in html, name
        is_print = name.endswith(":print")
        assert ("print-preview.css" in html) == is_print, name
        seen.add(name.split(":")[0])
    assert seen == {model.__name__ for model in PAGE_TYPES}


@pytest.mark.django_db
def test_preview_marks_unclear_links_for_the_checker(client, demo_site, admin_user):
    from home.models import StandardPage

    client.force_login(admin_user)
    page = english(StandardPage).get(slug="is-it-safe")
    page.body = [
        {
            "type": "text",
            "value": '<h2>Help</h2><p><a href="https://example.org">click here</a></p>',
        }
    ]
    page.save_revision()
    url = reverse("wagtailadmin_pages:view_draft", args=(page.pk,))
    html = client.get(url).text
    assert 'data-rj-link-text="unclear"' in html
    # The live page is left as it is.
    client.logout()
    assert "data-rj-link-text" not in client.get(page.url).text


@pytest.mark.django_db
def test_editors_may_preview_but_site_administrators_may_not(client, demo_site, editor, site_admin):
    from home.models import StandardPage

    page = english(StandardPage).get(slug="is-it-safe")
    url = reverse("wagtailadmin_pages:view_draft", args=(page.pk,)) + "?mode=print"
    client.force_login(editor)
    assert client.get(url).status_code == 200
    client.force_login(site_admin)
    assert client.get(url).status_code in (302, 403)


@pytest.mark.django_db
def test_block_chooser_previews_render_for_every_body_block(client, admin_user):
    from home.blocks import BodyBlock

    wagtail_factories.ImageFactory()
    wagtail_factories.DocumentFactory()
    client.force_login(admin_user)
    body = BodyBlock()
    for name, block in body.child_blocks.items():
        assert block.is_previewable, name
        assert block.get_description(), name
        response = client.get(
            reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
        )
        assert response.status_code == 200, name
        assert "css/site.css" in response.text, name


@pytest.mark.django_db
def test_image_block_renders_a_responsive_picture(client):
    from home.blocks import ImageBlock

    image = wagtail_factories.ImageFactory(width=1600, height=1200)
    block = ImageBlock()
    html = block.render(
        block.to_python(
            {
                "image": image.pk,
                "alt_text": "A facilitator",
                "decorative": False,
                "shape": "landscape",
            }
        )
    )
    assert "<picture>" in html
    assert 'type="image/avif"' in html and 'type="image/webp"' in html
    assert 'alt="A facilitator"' in html
    assert "srcset" in html and "sizes=" in html
    decorative = block.render(
        block.to_python({"image": image.pk, "alt_text": "Ignored", "decorative": True})
    )
    assert 'alt=""' in decorative


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_preview_renders_have_no_axe_violations(live_site, chromium, django_user_model):
    """Each preview mode as an editor sees it, checked in a real browser."""
    from django.conf import settings
    from django.test import Client

    admin = django_user_model.objects.create_superuser("preview-admin", "p@example.org", "x" * 16)
    client = Client()
    client.force_login(admin)
    context = chromium.new_context()
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_site.url,
            }
        ]
    )
    page = context.new_page()
    failures = {}
    try:
        for name, url in preview_urls():
            page.goto(live_site.url + url)
            violations = run_axe(page)
            if violations:
                failures[name] = violations
    finally:
        context.close()
    assert failures == {}


@pytest.mark.django_db
def test_later_page_types_can_add_kiosk_and_easy_read_modes(rf, demo_site):
    """The documented hook: `extra_preview_modes` and `preview_templates`."""
    from home.models import StandardPage

    page = english(StandardPage).get(slug="is-it-safe")
    page.extra_preview_modes = [("kiosk", "Kiosk screen"), ("easy-read", "Easy Read")]
    page.preview_templates = {"kiosk": "blocks/quote_block.html"}
    assert [mode for mode, _ in page.preview_modes] == ["", "print", "kiosk", "easy-read"]
    request = rf.get("/")
    assert page.get_preview_template(request, "kiosk") == "blocks/quote_block.html"
    assert page.get_preview_template(request, "easy-read") == page.template
    assert page.get_preview_context(request, "easy-read")["preview_mode"] == "easy-read"


@pytest.mark.django_db
def test_the_preview_panel_may_frame_the_preview_and_nothing_else_may(client, demo_site, editor):
    """Wagtail's preview panel (and the checker and content metrics inside it) is a
    frame of the admin: the preview lets this site frame it; live pages still refuse."""
    from home.models import StandardPage

    page = english(StandardPage).get(slug="is-it-safe")
    client.force_login(editor)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert preview_url in edit.text
    for url in (
        f"{preview_url}?mode=&in_preview_panel=true",
        reverse("wagtailadmin_pages:view_draft", args=(page.pk,)),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Frame-Options"] == "SAMEORIGIN", url
        csp = response.get("Content-Security-Policy", "")
        assert "frame-ancestors 'none'" not in csp, url
    client.logout()
    live = client.get(page.url)
    assert live["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in live["Content-Security-Policy"]
