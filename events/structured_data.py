"""schema.org `Event` data for search engines, built as a Python dict and
written into the page as JSON-LD by the `json_ld` template tag (home/templatetags)."""

from events.choices import Booking, Online
from home.addresses import page_url
from home.schema import in_language, publisher

STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
}
AUDIENCE = {
    "public": "General public",
    "professionals": "Professionals",
    "prison": "People in prison",
    "young-people": "Young people",
}


def _place(page):
    """A Place always has an address (search engines require one): the venue's, or at
    least the area and country when the venue does not publish its address (a prison)."""
    place = {"@type": "Place", "name": page.venue_name or page.venue_address.splitlines()[0]}
    address = {"@type": "PostalAddress", "addressCountry": "GB"}
    if page.venue_address:
        address["streetAddress"] = ", ".join(
            line.strip() for line in page.venue_address.splitlines() if line.strip()
        )
    if page.area is not None:
        address["addressLocality"] = page.area.name
    place["address"] = address
    return place


def event_structured_data(page, request):
    url = page_url(page, request)
    if page.all_day:
        start, end = page.start_date.isoformat(), page.last_day.isoformat()
    else:
        start, end = page.local_start.isoformat(), page.local_end.isoformat()
    online = page.online != Online.NONE
    if page.in_person and online:
        mode = "https://schema.org/MixedEventAttendanceMode"
    elif online:
        mode = "https://schema.org/OnlineEventAttendanceMode"
    else:
        mode = "https://schema.org/OfflineEventAttendanceMode"
    locations = []
    if page.in_person:
        locations.append(_place(page))
    if online:
        virtual = {"@type": "VirtualLocation"}
        virtual["url"] = page.online_link if page.shows_online_link else url
        locations.append(virtual)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.summary,
        "url": url,
        "startDate": start,
        "endDate": end,
        "eventStatus": STATUS[page.status],
        "eventAttendanceMode": mode,
        "location": locations[0] if len(locations) == 1 else locations,
        "audience": {"@type": "Audience", "audienceType": AUDIENCE[page.audience]},
        "isAccessibleForFree": page.is_free,
        "inLanguage": in_language(page),
        "organizer": publisher(request),
    }
    if page.booking == Booking.LINK:
        data["offers"] = {"@type": "Offer", "url": page.booking_url}
        if page.is_free:
            data["offers"].update(price="0", priceCurrency="GBP")
    return data
