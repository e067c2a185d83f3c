from django.apps import AppConfig


class LeafletsConfig(AppConfig):
    name = "leaflets"
    verbose_name = "Leaflets and where they are handed out"
