"""The cache every process on one machine shares when there is no Redis.

Django's file cache keeps each entry in its own file under var/cache/, written
to a temporary file and moved into place, so every gunicorn worker and the task
worker read the same copy. Two of its operations read and then write, and could
lose a count when two processes do them at once: `add` (keep a value unless one
is there: the rate limit's first send, a first page-cache generation) and `incr`
(the rate limit's count). Here both hold a lock on a file beside the cache while
they work, so each send is counted once however many workers there are."""

import contextlib
import fcntl
import os

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache


class SharedFileCache(FileBasedCache):
    @contextlib.contextmanager
    def _locked(self):
        os.makedirs(self._dir, 0o700, exist_ok=True)
        descriptor = os.open(os.path.join(self._dir, ".lock"), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            yield
        finally:
            fcntl.flock(descriptor, fcntl.LOCK_UN)
            os.close(descriptor)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with self._locked():
            return super().add(key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        with self._locked():
            return super().incr(key, delta, version)
