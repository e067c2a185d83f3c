"""Where self-referrals come from: the `?src=` code on the link, leaflet or kiosk
that brought someone to the form.

Only codes on the list are kept: the comms team's own links (`ReferralSource`,
a snippet) and the codes other apps register through the
`register_referral_sources` hook (each leaflet's distribution points, each
kiosk). Anything else a visitor puts in the address is kept as "other", so no
made-up text reaches the coordinators or the public figures."""

from wagtail import hooks

from selfreferral.models import ReferralSource

OTHER = "other"
OTHER_LABEL = "Other"


def known_sources():
    """{code: label} for every code on the list."""
    sources = dict(ReferralSource.objects.values_list("code", "label"))
    for register in hooks.get_hooks("register_referral_sources"):
        for code, label in register():
            sources.setdefault(code, label)
    return sources


def source_code_for(value, known=None):
    """The code to keep for what arrived in `?src=`: itself if it is on the list,
    "other" if it is anything else, "" if nothing came."""
    value = (value or "").strip().lower()
    if not value:
        return ""
    # Every code on the list was checked when it was entered (home.validators).
    return value if value in (known if known is not None else known_sources()) else OTHER


def label_for(code, known):
    return known.get(code, OTHER_LABEL)
