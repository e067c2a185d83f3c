"""Absolute addresses, all from one setting.

Every absolute address the site writes (in emails, PDFs, feeds, calendars, the
sitemap, structured data and QR codes) starts with `settings.BASE_URL`, never with
the Host header of the request being answered: a visitor who sends another Host
cannot put their address into a page, a PDF that is cached for everyone, or an
email. Wagtail builds page addresses from its Site record, so `migrate` keeps the
default Site's host and port the same as BASE_URL.
"""

from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(path):
    """`path` (such as "/self-referral/?src=gp") on the site's own address.

    An address that is already absolute is returned as it is."""
    if urlsplit(path).scheme:
        return path
    return settings.BASE_URL + "/" + path.lstrip("/")


def page_url(page, request=None):
    """The absolute address of a Wagtail page, on the site's own address."""
    return absolute_url(page.get_url(request))


def site_address():
    """(hostname, port) for Wagtail's Site record, from BASE_URL."""
    parts = urlsplit(settings.BASE_URL)
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def sync_default_site(**kwargs):
    """Give the default Site the host and port of BASE_URL (after each `migrate`)."""
    from wagtail.models import Site

    hostname, port = site_address()
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
