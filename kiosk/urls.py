from django.urls import path

from kiosk import views

app_name = "kiosk"

urlpatterns = [
    path("", views.start, name="start"),
    path("pages/<int:page_id>/", views.page, name="page"),
    path("referral/", views.referral, name="referral"),
    path("referral/thank-you/", views.thank_you, name="thank_you"),
    path("enrol/<str:token>/", views.enrol, name="enrol"),
    path("feedback/", views.feedback_start, name="feedback_start"),
    path("feedback/thank-you/", views.feedback_thank_you, name="feedback_thank_you"),
    path("feedback/<str:code>/", views.feedback_survey, name="feedback_survey"),
]
