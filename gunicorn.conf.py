"""gunicorn settings for the site: `gunicorn -c gunicorn.conf.py`.

Each value can be changed through the environment, so one file serves a
laptop (`make serve`), a container and a virtual machine."""

import multiprocessing
import os

wsgi_app = "rjsite.wsgi:application"

# Loopback by default; a container or a host behind a proxy sets BIND=0.0.0.0:8000.
bind = os.environ.get("BIND", "127.0.0.1:8000")

# Synchronous workers: pages are cached whole and the work that waits on the
# network (email, CDN purges) is in the task worker, so a request never waits
# long. Two per core plus one is gunicorn's rule of thumb.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"

# A request that takes longer than this is killed and logged, rather than
# holding a worker for ever; a slow client cannot tie up a worker for long.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5

# Recycle workers now and then, so that slow leaks never grow into outages.
# Not too often: a new worker starts with cold per-process caches (at 2,000,
# a busy worker restarted every few seconds under load).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 20000))
max_requests_jitter = max_requests // 10

# Load the application before forking: faster start, shared memory, and a
# broken configuration stops the server at once instead of in every worker.
preload_app = True

# The proxy in front (load balancer, CDN) terminates TLS and says so.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# Logs go to standard output for the platform to collect, as JSON lines like the
# site's own (LOG_FORMAT). The access log keeps the method, the path without the
# query string, the status, size and time, and no client address: this site's
# visitors may be victims of crime and should not be traceable through our logs.
# Nor the secret in a kiosk's enrolment link or a password-reset link
# (rjsite/gunicorn_logging.py, rjsite/log_filters.py).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
# (Used with LOG_FORMAT=text only.)
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
logger_class = "rjsite.gunicorn_logging.SiteLogs"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")


def on_starting(server):
    # Before the workers start, and before gunicorn listens and handles its signals
    # (a child process the warm-up starts, as WeasyPrint's library search does, must
    # not be taken for a worker): build once, in this process, what each worker would
    # otherwise build on its first requests (rjsite/warm_up.py).
    if not server.cfg.preload_app:
        return  # each worker loads the site itself: nothing here to share
    from rjsite.warm_up import warm_up
    from rjsite.wsgi import application

    warm_up(application)
