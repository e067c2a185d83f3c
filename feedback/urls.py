from django.urls import path

from feedback import views

app_name = "feedback"

urlpatterns = [
    path("", views.start, name="start"),
    path("thank-you/", views.thank_you, name="thank_you"),
    path("<str:code>/", views.survey, name="survey"),
]
