"""The cache every process on one machine shares when there is no Redis.

Django's file cache keeps each entry in its own file under var/cache/, written
to a temporary file and moved into place, so every gunicorn worker and the task
worker read the same copy. Two of its operations read and then write, and could
lose a count when two processes do them at once: `add` (keep a value unless one
is there: the rate limit's first send, a first page-cache generation) and `incr`
(the rate limit's count). Here both hold a lock on a file beside the cache while
they work, so each send is counted once however many workers there are.

Entries are stored without Django's zlib compression: decompressing a cached
page took 100 µs of the 250 µs a hit cost, and disk is cheap."""

import contextlib
import fcntl
import os
import pickle

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

    def get(self, key, default=None, version=None):
        try:
            with open(self._key_to_file(key, version), "rb") as file:
                if not self._is_expired(file):
                    return pickle.loads(file.read())  # noqa: S301 - this cache's own files
        except FileNotFoundError:
            pass
        except (pickle.UnpicklingError, EOFError, ValueError):
            pass  # a file written another way (by Django's compressing cache): a miss
        return default

    def _write_content(self, file, timeout, value):
        expiry = self.get_backend_timeout(timeout)
        file.write(pickle.dumps(expiry, self.pickle_protocol))
        file.write(pickle.dumps(value, self.pickle_protocol))
