from django.apps import AppConfig


class CaseStudiesConfig(AppConfig):
    name = "casestudies"
    verbose_name = "Case studies"

    def ready(self):
        from home.cache import purge_pages_when_changed

        # Area names appear on story pages and in the filters.
        purge_pages_when_changed("casestudies.CaseStudyArea")
