from django.apps import AppConfig


class SelfReferralConfig(AppConfig):
    name = "selfreferral"
    verbose_name = "Self-referrals"

    def ready(self):
        from selfreferral import signals  # noqa: F401  (page-cache purge when areas change)
