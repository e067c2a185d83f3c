from django_recaptcha.widgets import ReCaptchaV2Checkbox


class ReCaptchaCheckbox(ReCaptchaV2Checkbox):
    """Google's checkbox, without the inline script of django-recaptcha's own
    template (the site's CSP allows no inline scripts). Google's script renders
    any `.g-recaptcha` element it finds, so no callback is needed."""

    template_name = "selfreferral/recaptcha_widget.html"

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs)
        attrs.pop("data-callback", None)
        return attrs
