from django.apps import AppConfig


class FilmsConfig(AppConfig):
    name = "films"
    verbose_name = "Films"
    default_auto_field = "django.db.models.BigAutoField"
