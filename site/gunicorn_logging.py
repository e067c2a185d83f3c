"""gunicorn's own logs (its access log and its error log) in the same format as the
site's logs: one JSON object a line with the same fields (LOG_FORMAT=json, the
default in production; `text` gives plain lines), through the same filter, so
neither carries personal data nor the secret some addresses carry (a kiosk's
one-time enrolment link, a password-reset link): see rjsite.log_filters.

The access log records the method, the path without its query string, the status,
the size and the time taken: never the client's address, the query string or the
referring page, which can all point at a person."""

import os

from gunicorn import glogging

from rjsite.log_filters import NoPersonalDataFilter, log_formatter, redact_path

# The request line, the path and the referring page (for a hand-written access_log_format).
ATOMS_WITH_ADDRESSES = ("r", "U", "f")


class SiteLogs(glogging.Logger):
    def setup(self, cfg):
        super().setup(cfg)
        # The site's settings are not loaded yet (gunicorn logs before it loads the
        # application): the format comes from the same variable, JSON unless told.
        self.json = os.environ.get("LOG_FORMAT", "json") == "json"
        formatter = log_formatter("json" if self.json else "text")
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                handler.setFormatter(formatter)
                handler.addFilter(NoPersonalDataFilter())

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for name in ATOMS_WITH_ADDRESSES:
            atoms[name] = redact_path(atoms.get(name))
        return atoms

    def access(self, resp, req, environ, request_time):
        if not self.json:
            return super().access(resp, req, environ, request_time)
        if not self.cfg.accesslog:
            return None
        atoms = self.atoms(resp, req, environ, request_time)
        status = atoms["s"]
        fields = {
            "method": atoms["m"],
            "path": atoms["U"],
            "status": int(status) if str(status).isdigit() else status,
            "bytes": atoms["B"],
            "duration_ms": round(request_time.total_seconds() * 1000),
        }
        self.access_log.info("%s %s %s", fields["method"], fields["path"], status, extra=fields)
        return None
