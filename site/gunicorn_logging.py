"""gunicorn's access log, without the secrets some addresses carry (a kiosk's
one-time enrolment link, a password-reset link): see rjsite.log_filters."""

from gunicorn import glogging

from rjsite.log_filters import redact_path

# The request line, the path and the referring page.
ATOMS_WITH_ADDRESSES = ("r", "U", "f")


class AccessLogWithoutSecrets(glogging.Logger):
    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for name in ATOMS_WITH_ADDRESSES:
            atoms[name] = redact_path(atoms.get(name))
        return atoms
