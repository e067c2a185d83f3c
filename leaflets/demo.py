"""A demo leaflet with versions for five places it is handed out."""

from home.demo import ensure_page
from leaflets.models import LeafletDistribution, LeafletPage

DISTRIBUTIONS = [
    ("GP surgeries and dentists", "gp"),
    ("A&E at Saltcombe General Hospital", "ae"),
    ("Stand at Fenmoor shopping centre", "shop"),
    ("HMP Saltcombe", "prison"),
    ("Probation offices", "probation"),
]


def load(home):
    leaflet, created = ensure_page(
        home,
        LeafletPage,
        "leaflet-has-crime-affected-you",
        title="Leaflet: Has a crime affected you?",
        show_in_menus=False,
        search_description="A printable A5 leaflet about restorative justice, with a QR code.",
        paper_size="a5",
        heading="Has a crime affected you?",
        body=(
            "<p>Restorative justice lets you talk with the person who caused the harm, "
            "with a trained facilitator there the whole time.</p>"
            "<ul><li>It is free.</li><li>It is your choice. You can stop at any time.</li>"
            "<li>You can meet, or write a letter.</li></ul>"
            "<p>It does not matter how long ago it happened.</p>"
        ),
        call_to_action="Scan the code or type the address to refer yourself.",
    )
    if not leaflet.distributions.exists():
        leaflet.distributions = [
            LeafletDistribution(label=label, code=code, sort_order=order)
            for order, (label, code) in enumerate(DISTRIBUTIONS)
        ]
        leaflet.save_revision().publish()
    return leaflet
