from wagtail import hooks

from leaflets.models import LeafletDistribution


@hooks.register("register_referral_sources")
def leaflet_source_codes():
    """Each place a leaflet is handed out: its code counts on the self-referral figures
    (selfreferral/sources.py). Kept after a leaflet is unpublished: printed copies live on."""
    return LeafletDistribution.objects.order_by("leaflet_id", "sort_order").values_list(
        "code", "label"
    )
