from django.urls import re_path

from events import views

urlpatterns = [
    re_path(
        r"^(?P<page_path>(?:[\w\-]+/)+)calendar\.ics$",
        views.page_calendar,
        name="events_page_calendar",
    ),
]
