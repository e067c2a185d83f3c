"""Demo content for the frame of the site: the home page, the key standard pages
and the contact details. Other apps add their own pages through `<app>/demo.py`,
which `load_demo_content` finds; every step is safe to run twice."""

import datetime
import secrets
import uuid

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale, Page, Site

from home.addresses import site_address
from home.choices import Compliance
from home.models import AccessibilityStatementPage, Area, ContactSettings, HomePage, StandardPage

SERVICE_NAME = "Fenmoor and Saltcombe Restorative Justice Service"
LOGINS_FILE = settings.VAR_DIR / "demo-logins.txt"
# The logins ensured by this run of load_demo_content, for it to print: username -> (password, roles).
DEMO_LOGINS = {}


def text(*paragraphs):
    return {"type": "text", "value": "".join(paragraphs)}


def list_items(*values):
    """ListBlock items in Wagtail's block format (with ids), which wagtail-localize
    needs to offer them for translation."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def ensure_page(parent, model, slug, **fields):
    """Return the live child of `parent` at `slug`, creating and publishing it if missing.

    A page of another type at that slug (a placeholder from an earlier run) is replaced."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        existing = existing.specific
        if isinstance(existing, model):
            return existing, False
        existing.delete()
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def ensure_root_and_home():
    """The home page at the root of the default site (replacing Wagtail's welcome page)."""
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    home = HomePage.objects.filter(depth=2).first()
    created = False
    # Wagtail's own "Welcome" page takes the slug 'home' on a new install.
    Page.objects.filter(
        depth=2, content_type__model="page", content_type__app_label="wagtailcore"
    ).delete()
    if home is None:
        home = HomePage(
            title="Home",
            slug="home",
            locale=locale,
            hero_heading="Talk about what happened. Be heard. Move on.",
            hero_text=(
                "Restorative justice lets people harmed by crime talk with the person who caused the harm, "
                "safely and with trained help. It is free, and it is always your choice."
            ),
            summary=(
                "<p>Crime can leave you with questions that only the person who did it can answer. "
                "Restorative justice brings you together, in a meeting or by letter, with a trained "
                "facilitator there the whole time.</p><p>You can say how it affected you. They can "
                "explain and take responsibility. Many people say it helped them feel safer and "
                "move on.</p>"
            ),
            seo_title="Restorative justice in Fenmoor and Saltcombe",
            search_description=(
                "Free, safe and voluntary restorative justice for people harmed by crime "
                "and people who caused harm in Fenmoor and Saltcombe."
            ),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        created = True
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        hostname, port = site_address()
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name=SERVICE_NAME,
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = SERVICE_NAME
        site.save()
    return home, created


STANDARD_PAGES = [
    {
        "slug": "what-is-restorative-justice",
        "title": "What is restorative justice?",
        "show_in_menus": True,
        "search_description": "What restorative justice is, who it is for and what happens.",
        "intro": "Restorative justice gives you the chance to talk with the person who harmed you, or who you harmed.",
        "body": [
            text(
                "<h2>Who it is for</h2><p>It is for anyone harmed by a crime or by anti-social behaviour, "
                "and for people who caused harm and want to put things right. It does not matter how "
                "long ago it happened, or whether anyone went to court.</p>",
                "<h2>What happens</h2><ol><li>You get in touch, or someone refers you.</li>"
                "<li>A facilitator calls you to listen and answer your questions.</li>"
                "<li>They talk with the other person too, and check it is safe.</li>"
                "<li>If you both want to go ahead, you choose how: a meeting, a letter, or messages "
                "passed on by the facilitator.</li></ol>",
                "<h2>It is your choice</h2><p>Restorative justice is voluntary. You can stop at any time, "
                "and saying no will not affect any other support or any court case.</p>",
            ),
            {
                "type": "accordion",
                "value": {
                    "heading": "Common questions",
                    "items": list_items(
                        {
                            "question": "Do I have to meet the other person?",
                            "answer": "<p>No. Many people write a letter, or ask the facilitator to pass on messages.</p>",
                        },
                        {
                            "question": "Does it cost anything?",
                            "answer": "<p>No. The service is free. It is paid for by the Police and Crime Commissioner.</p>",
                        },
                        {
                            "question": "Will it change a sentence?",
                            "answer": "<p>No. Taking part does not make a sentence shorter or longer.</p>",
                        },
                    ),
                },
            },
            {
                "type": "quote",
                "value": {
                    "quote": "I wanted to know why it was my house. Now I know, and I sleep better.",
                    "attribution": "A man whose home was burgled",
                },
            },
        ],
    },
    {
        "slug": "is-it-safe",
        "title": "Is it safe?",
        "show_in_menus": True,
        "search_description": "How we keep you safe before, during and after restorative justice.",
        "intro": "Your safety comes first. We only go ahead when it is safe for everyone.",
        "body": [
            text(
                "<h2>Before anything happens</h2><p>A trained facilitator meets each person on their own "
                "first. They check the risks and talk with the police, probation or support services if "
                "they need to.</p>",
                "<h2>Domestic abuse and sexual harm</h2><p>We only offer restorative justice after these "
                "crimes with specially trained facilitators and extra safety checks. We will never put "
                "you in touch with someone who could use it to harm you again.</p>",
                "<h2>You stay in control</h2><p>You decide how we contact you and when. You can stop at "
                "any point, even on the day of a meeting.</p>",
            )
        ],
    },
    {
        "slug": "staying-safe-online",
        "title": "Staying safe online",
        "show_in_menus": False,
        "search_description": "How to hide your visit to this website and leave quickly.",
        "intro": "If someone checks your phone or computer, these steps help keep your visit private.",
        "body": [
            text(
                "<h2>Leave this site quickly</h2><p>Use the Exit this page button at the top of every page, "
                "or press the Shift key 3 times. You will go to a weather website straight away.</p>",
                "<h2>Clear your browsing history</h2><p>Most browsers let you delete the pages you visited. "
                "Look for History in the browser menu. You can also use a private or incognito window, "
                "which does not keep a history.</p>",
                "<h2>Emails and messages</h2><p>We will not email or text you unless you ask us to. "
                "Tell us a safe way and a safe time to contact you.</p>",
                "<p>In an emergency, call 999.</p>",
            )
        ],
    },
    {
        "slug": "privacy",
        "title": "Privacy notice",
        "show_in_menus": False,
        "search_description": "What we do with the information you give us.",
        "intro": "We only ask for what we need to contact you about restorative justice.",
        "body": [
            text(
                "<h2>Who we are</h2><p>The Office of the Police and Crime Commissioner for Fenmoor and "
                "Saltcombe runs this service and is responsible for your information.</p>",
                "<h2>What we keep and why</h2><p>If you refer yourself, we keep your answers so a "
                "coordinator can contact you. Only the restorative justice team can see them.</p>",
                "<h2>How long we keep it</h2><p>We delete your contact details one year after your case "
                "closes. We keep numbers with no names, to report how the service is doing.</p>",
                "<h2>No tracking</h2><p>This website does not use tracking cookies or adverts.</p>",
            )
        ],
    },
]

# Pages the home page's calls to action point at. Apps that own them create the
# real ones; until then a short placeholder keeps the links working.
CALLS_TO_ACTION = [
    (
        "self-referral",
        "Refer yourself",
        "Ask for restorative justice. It takes about 10 minutes.",
        "Start your referral",
    ),
    (
        "films",
        "Watch the films",
        "Short films of people who took part, with captions.",
        "Watch the films",
    ),
    (
        "case-studies",
        "Read local stories",
        "What happened when people in our area took part.",
        "Read their stories",
    ),
    (
        "events",
        "Come to an event",
        "Meet the team at events near you, including Restorative Justice Week.",
        "See events",
    ),
]


def ensure_standard_pages(home):
    pages = {}
    for spec in STANDARD_PAGES:
        spec = dict(spec)
        slug = spec.pop("slug")
        pages[slug], _ = ensure_page(home, StandardPage, slug, **spec)
    pages["accessibility"] = ensure_accessibility_statement(home)
    return pages


def ensure_accessibility_statement(home):
    """The accessibility statement, with every part the 2018 regulations ask for.
    Dates are the demo's own: a real site puts in when it was really tested."""
    today = timezone.localdate()
    page, _ = ensure_page(
        home,
        AccessibilityStatementPage,
        "accessibility",
        title="Accessibility statement",
        show_in_menus=False,
        search_description="How accessible this website is and how to report a problem.",
        organisation="the Office of the Police and Crime Commissioner for Fenmoor and Saltcombe",
        using_this_website="<p>We want as many people as possible to be able to use this website. "
        "You should be able to:</p><ul><li>change colours, contrast levels and fonts using your "
        "browser or device settings</li><li>zoom in up to 400% without the text spilling off the "
        "screen</li><li>move around the website using just a keyboard or speech recognition "
        "software</li><li>listen to the website using a screen reader</li><li>read every page in "
        "Polish, Nepali or Arabic, and download any page as a large-print PDF</li></ul>"
        "<p>AbilityNet has advice on making your device easier to use if you have a disability.</p>",
        compliance=Compliance.PARTIAL,
        problems=[
            {
                "type": "problem",
                "value": {
                    "problem": "Some pages in Polish, Nepali and Arabic still show English text, "
                    "marked as English, while they are being translated.",
                    "criteria": "3.1.2 Language of parts (the text is marked, so this is met)",
                    "reason": "non-compliance",
                    "fix": "We are translating these pages and will finish by the end of the year.",
                },
            },
            {
                "type": "problem",
                "value": {
                    "problem": "Annual reports published as PDFs before September 2018 are not "
                    "fully accessible.",
                    "criteria": "",
                    "reason": "outside-scope",
                    "fix": "If you need one of them, ask us and we will send it in a format you can use.",
                },
            },
        ],
        feedback="<p>If you need information on this website in a different format, like large "
        "print, Easy Read, audio recording or braille, phone or email us. We will reply within "
        "5 working days.</p>",
        how_tested="<p>Every page, in every language, is tested automatically before each change "
        "goes live: with axe-core against WCAG 2.2 level AA, with the Nu HTML Checker, and at "
        "320 pixels wide. We also test the main journeys by hand with a keyboard and with the "
        "NVDA and VoiceOver screen readers.</p>",
        last_tested_on=today,
        prepared_on=today.replace(day=1),
        reviewed_on=today,
    )
    return page


def finish_home(home, pages, home_created):
    for slug, title, sentence, _ in CALLS_TO_ACTION:
        if not home.get_children().filter(slug=slug).exists():
            ensure_page(
                home,
                StandardPage,
                slug,
                title=title,
                show_in_menus=True,
                intro=sentence,
                body=[
                    text("<p>This part of the site is being written. Please check back soon.</p>")
                ],
            )
    if not home_created and home.calls_to_action:
        return
    targets = {p.slug: p for p in home.get_children()}
    home.calls_to_action = [
        {
            "type": "call_to_action",
            "value": {
                "heading": title,
                "text": sentence,
                "page": targets[slug].pk,
                "url": "",
                "link_text": link_text,
            },
        }
        for slug, title, sentence, link_text in CALLS_TO_ACTION
    ]
    home.summary_link = pages["what-is-restorative-justice"]
    featured = [pages["is-it-safe"], pages["staying-safe-online"]]
    if "strategy" in targets:
        # The current strategy (strategy/demo.py): one of the four things the site publishes.
        featured.append(targets["strategy"])
    home.featured = [{"type": "page", "value": {"page": p.pk, "summary": ""}} for p in featured]
    home.save_revision().publish()


def ensure_contact_settings(home, pages):
    site = Site.objects.get(is_default_site=True)
    contact = ContactSettings.for_site(site)
    if not contact.referral_form_address:
        # Added after the first demo sites were built: filled in on those too.
        # A made-up freepost address, like the rest of the demo's contact details.
        contact.referral_form_address = "Freepost RJ SERVICE"
        contact.save(update_fields=["referral_form_address"])
    if contact.accessibility_page_id != pages["accessibility"].pk:
        contact.accessibility_page = pages["accessibility"]
        contact.save(update_fields=["accessibility_page"])
    if contact.phone:
        return
    contact.service_name = SERVICE_NAME
    contact.phone = "0300 555 0142"
    contact.phone_days = "weekdays"
    contact.phone_opens, contact.phone_closes = datetime.time(9), datetime.time(17)
    contact.email = "rj@fenmoor-saltcombe-pcc.example"
    contact.address = "Restorative Justice Service\nPO Box 2017\nSaltcombe\nSC1 4RJ"
    contact.staying_safe_page = pages["staying-safe-online"]
    contact.accessibility_page = pages["accessibility"]
    contact.privacy_page = pages["privacy"]
    contact.save()


def ensure_demo_user(username, *, superuser=False, groups=()):
    """A demo login with a random password, kept only in var/ on this machine."""
    user_model = get_user_model()
    logins = {}
    if LOGINS_FILE.exists():
        logins = dict(
            line.split(" ", 1) for line in LOGINS_FILE.read_text().splitlines() if " " in line
        )
    user = user_model.objects.filter(username=username).first()
    if user is None or username not in logins:
        password = secrets.token_urlsafe(12)
        if user is None:
            user = user_model(username=username, email=f"{username}@rj-service.example")
        user.is_staff = user.is_superuser = superuser
        user.set_password(password)
        user.save()
        logins[username] = password
        LOGINS_FILE.parent.mkdir(parents=True, exist_ok=True)
        LOGINS_FILE.write_text("".join(f"{name} {pw}\n" for name, pw in logins.items()))
        LOGINS_FILE.chmod(0o600)
    if groups:
        from django.contrib.auth.models import Group

        user.groups.set(Group.objects.filter(name__in=groups))
    roles = "superuser" if superuser else ", ".join(groups)
    DEMO_LOGINS[username] = (logins[username], roles)
    return user, logins[username]


# The one fictional list of areas: stories and events are labelled with these, and
# each routes self-referrals to its own team (selfreferral/demo.py).
AREAS = [
    ("fenmoor-north", "Fenmoor North"),
    ("fenmoor-south", "Fenmoor South"),
    ("saltcombe", "Saltcombe"),
    ("marshby", "Marshby"),
]


def ensure_areas():
    """The demo's areas by slug, made once however often the demo loads."""
    return {
        slug: Area.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in AREAS
    }


@transaction.atomic
def load():
    home, home_created = ensure_root_and_home()
    pages = ensure_standard_pages(home)
    ensure_contact_settings(home, pages)
    return home, pages, home_created
