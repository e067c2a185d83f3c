"""Demo case studies. Every story is made up for the demo: no real people or events."""

import datetime

from django.utils import timezone

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from home.demo import ensure_areas, ensure_page, text


def quote(words, who):
    return {"type": "quote", "value": {"quote": words, "attribution": who}}


def changed(words):
    return {"type": "what_changed", "value": {"heading": "What changed", "text": words}}


STORIES = [
    {
        "slug": "a-burglary-and-a-letter",
        "title": "A burglary, and a letter that answered her questions",
        "summary": "After her home was burgled, Jo could not sleep. A letter from the young man who did it gave her the answers she needed.",
        "perspective": "harmed",
        "setting": "neighbourhood",
        "type_of_harm": "burglary at home",
        "area": "saltcombe",
        "restorative_approach": "letter",
        "story": [
            text(
                "<p>Jo came home from work to find her back door forced open. Her laptop and her "
                "late mum's ring were gone. For months she checked the locks three times every night.</p>",
                "<p>The police caught the young man who did it. Jo did not want to meet him, but she "
                "had questions. Did he choose her house on purpose? Would he come back?</p>",
                "<p>A facilitator helped her write them down. He wrote back. He said he had never seen "
                "her before, and that he was sorry about the ring. He said he would not come back.</p>",
            ),
            quote(
                "I read his letter at the kitchen table and cried. Then I slept all night.", "Jo"
            ),
            changed(
                "Jo stopped checking the locks again and again. She says she got her home back."
            ),
        ],
    },
    {
        "slug": "meeting-the-man-who-hit-my-son",
        "title": "Meeting the man who hit my son",
        "summary": "A father met the man who attacked his son outside a pub. They talked for two hours with a facilitator there.",
        "perspective": "both",
        "setting": "neighbourhood",
        "type_of_harm": "an assault in the street",
        "area": "fenmoor-north",
        "restorative_approach": "face-to-face",
        "story": [
            text(
                "<p>Sam's son was punched outside a pub on a Saturday night. He was badly hurt. "
                "The man who hit him went to prison.</p>",
                "<p>Sam was angry for a long time. When a facilitator wrote to ask if he wanted to "
                "take part, he said yes. The man in prison said yes too.</p>",
                "<p>They met in a quiet room in the prison, with two facilitators. Sam told him what "
                "the night had done to his family. The man listened, and explained what he remembered.</p>",
            ),
            quote("I went in to shout at him. I came out feeling lighter.", "Sam, the father"),
            quote("I had never had to look at what I did. Now I have.", "The man who caused harm"),
            changed(
                "Sam says he can talk about that night now without shaking. The man has started a course about anger."
            ),
        ],
    },
    {
        "slug": "bullying-in-year-nine",
        "title": "Bullying in Year 9",
        "summary": "Two girls at the same school talked it through in a conference with their families, and agreed how things would change.",
        "perspective": "caused-harm",
        "setting": "school",
        "type_of_harm": "bullying at school and online",
        "area": "fenmoor-south",
        "restorative_approach": "community",
        "story": [
            text(
                "<p>Mia sent unkind messages about another girl and shared a photo she should not have "
                "shared. The school asked the restorative justice team to help.</p>",
                "<p>Mia, the other girl and both families met with a facilitator at school. Everyone "
                "had a turn to speak. Mia heard how the messages had made the other girl feel.</p>",
            ),
            quote(
                "I thought it was a joke. Hearing her say it out loud, it was not a joke.", "Mia"
            ),
            changed(
                "Mia deleted the photo and said sorry in front of everyone. The two girls agreed to "
                "keep out of each other's way, and the bullying stopped."
            ),
        ],
    },
    {
        "slug": "a-theft-at-work",
        "title": "Money missing at work",
        "summary": "A shop worker took money from the till. A conference helped the owner and the staff decide what should happen next.",
        "perspective": "harmed",
        "setting": "workplace",
        "type_of_harm": "theft at work",
        "area": "marshby",
        "restorative_approach": "community",
        "story": [
            text(
                "<p>Priya owns a small shop. She found out that a member of staff she trusted had taken "
                "money over several months.</p>",
                "<p>Priya wanted more than the money back. She wanted to know why. A facilitator met "
                "each of them first, then brought them and two other members of staff together.</p>",
            ),
            quote(
                "He told us about the debts. It did not make it right, but I understood.", "Priya"
            ),
            changed(
                "He is paying the money back each month. The rest of the team feel trusted again."
            ),
        ],
    },
    {
        "slug": "messages-passed-on-from-prison",
        "title": "Messages passed on from prison",
        "summary": "A man in prison wanted to say sorry to the family he harmed. The facilitator carried messages both ways.",
        "perspective": "caused-harm",
        "setting": "prison",
        "type_of_harm": "a car crash caused by dangerous driving",
        "area": None,
        "restorative_approach": "shuttle",
        "story": [
            text(
                "<p>Lee was sent to prison for a crash that badly injured a woman. In prison he asked "
                "his key worker about restorative justice.</p>",
                "<p>The woman did not want to meet him. She agreed that a facilitator could carry "
                "messages between them. Over three months they passed on questions and answers.</p>",
            ),
            quote("I could not give her back what I took. I could give her the truth.", "Lee"),
            changed("The woman says she stopped blaming herself for being on that road."),
        ],
    },
    {
        "slug": "a-care-home-and-a-missing-purse",
        "title": "A care home and a missing purse",
        "summary": "A care worker and an older resident met to talk about a purse that went missing.",
        "perspective": "practitioner",
        "setting": "care-home",
        "type_of_harm": "theft from an older person",
        "area": "fenmoor-north",
        "restorative_approach": "face-to-face",
        "story": [
            text(
                "<p>As a facilitator, I was asked to help after a resident's purse went missing in a "
                "care home. A young care worker had taken it.</p>",
                "<p>The resident, Mrs B, wanted to meet him. We checked it was safe and that she felt "
                "well enough. Her daughter came too.</p>",
                "<p>Mrs B told him she had felt frightened in her own room. He said sorry and brought "
                "back what he could.</p>",
            ),
            quote("She held his hand at the end. I have not forgotten that.", "A facilitator"),
            changed(
                "Mrs B says she feels safe in her room again. The care home changed how it keeps residents' money."
            ),
        ],
    },
    {
        "slug": "hurtful-posts-online",
        "title": "Hurtful posts online",
        "summary": "A teenager posted lies about a neighbour. A youth justice worker helped them meet and put it right.",
        "perspective": "harmed",
        "setting": "online",
        "type_of_harm": "harassment online",
        "area": "saltcombe",
        "restorative_approach": "face-to-face",
        "story": [
            text(
                "<p>Dev, who runs a corner shop, found posts online saying he sold stolen goods. "
                "Customers stopped coming. The posts came from a 15-year-old who lived nearby.</p>",
                "<p>The youth justice team offered a meeting. Dev and the teenager met with a "
                "facilitator and the teenager's mum.</p>",
            ),
            quote("I just wanted him to know there is a real person behind the shop.", "Dev"),
            changed(
                "The posts came down and the teenager wrote a new post saying they were not true."
            ),
        ],
    },
    {
        "slug": "youth-justice-and-a-broken-window",
        "title": "A broken window and a Saturday's work",
        "summary": "A boy who broke a community centre window met the volunteers who run it, and helped repair the damage.",
        "perspective": "both",
        "setting": "youth-justice",
        "type_of_harm": "damage to a community centre",
        "area": "fenmoor-south",
        "restorative_approach": "community",
        "story": [
            text(
                "<p>A 13-year-old threw a stone through the window of a community centre. The youth "
                "justice team offered a restorative meeting instead of only a warning.</p>",
                "<p>He met two volunteers who run a lunch club there. They told him the club had to "
                "close for a week.</p>",
            ),
            quote("They were not angry like I thought. They were just sad.", "The boy"),
            changed(
                "He spent a Saturday helping paint the hall, and now goes to the youth club there."
            ),
        ],
    },
]


def load(home):
    areas = ensure_areas()
    index, _ = ensure_page(
        home,
        CaseStudyIndexPage,
        "case-studies",
        title="Local stories",
        show_in_menus=True,
        intro="What happened when people in Fenmoor and Saltcombe took part in restorative justice. "
        "Names and details are changed so no one can be identified.",
        search_description="True-to-life local stories of restorative justice, told with consent and without names.",
    )
    consented = timezone.localdate() - datetime.timedelta(days=60)
    for i, spec in enumerate(STORIES):
        spec = dict(spec)
        slug = spec.pop("slug")
        area = spec.pop("area")
        ensure_page(
            index,
            CaseStudyPage,
            slug,
            area=areas[area] if area else None,
            search_description=spec["summary"],
            consent_recorded_on=consented,
            anonymised=True,
            # One story is already due for review, so the dashboard panel has something to show.
            review_by=consented + datetime.timedelta(days=30 if i == 0 else 365),
            **spec,
        )
