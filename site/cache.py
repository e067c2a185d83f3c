"""The cache every process on one machine shares when there is no Redis.

Django's file cache keeps each entry in its own file under var/cache/, written
to a temporary file and moved into place, so every gunicorn worker and the task
worker read the same copy. Two of its operations read and then write, and could
lose a count when two processes do them at once: `add` (keep a value unless one
is there: the rate limit's first send, a first page-cache generation) and `incr`
(the rate limit's count). Here both hold a lock on a file beside the cache while
they work, so each send is counted once however many workers there are.

Entries are stored without Django's zlib compression: decompressing a cached
page took 100 µs of the 250 µs a hit cost, and disk is cheap. Each process
also keeps the bytes of the entries it read last and reads a file again only
when it has changed (another inode, size or modification time: every write
moves a new file into place), so a stored page and the page-cache generation
cost a `stat` each, not an open, a read and a close (about 20 µs each)."""

import contextlib
import fcntl
import os
import pickle
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache

# Entries each process keeps the bytes of (a stored page is about 30 KB), and the
# largest entry kept.
REMEMBERED_ENTRIES = 300
REMEMBERED_BYTES = 512 * 1024


class SharedFileCache(FileBasedCache):
    def __init__(self, directory, params):
        super().__init__(directory, params)
        self._files = {}  # (key, version) -> file name
        self._remembered = {}  # file name -> (file signature, expiry, pickled value)

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
        name = self._file_for(key, version)
        try:
            signature = _signature(os.stat(name))
        except FileNotFoundError:
            return default
        remembered = self._remembered.get(name)
        if remembered is None or remembered[0] != signature:
            remembered = self._read(name)
            if remembered is None:
                return default
        _signature_read, expiry, pickled = remembered
        if expiry is not None and expiry < time.time():
            with contextlib.suppress(FileNotFoundError):
                os.remove(name)
            return default
        # Unpickled on every read: callers get their own copy, as from any cache.
        try:
            return pickle.loads(pickled)  # noqa: S301 - this cache's own files
        except (pickle.UnpicklingError, EOFError, ValueError):
            return default  # a file written another way (by Django's compressing cache): a miss

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        # Django's own touch reads the value as zlib-compressed; this cache's are not.
        try:
            with open(self._file_for(key, version), "r+b") as file:
                fcntl.flock(file, fcntl.LOCK_EX)
                expiry = pickle.load(file)  # noqa: S301 - this cache's own files
                if expiry is not None and expiry < time.time():
                    return False
                pickled = file.read()
                file.seek(0)
                file.write(pickle.dumps(self.get_backend_timeout(timeout), self.pickle_protocol))
                file.write(pickled)
                file.truncate()
                return True
        except FileNotFoundError:
            return False

    def _read(self, name):
        try:
            with open(name, "rb") as file:
                expiry = pickle.load(file)  # noqa: S301 - this cache's own files
                pickled = file.read()
                signature = _signature(os.fstat(file.fileno()))
        except FileNotFoundError:
            return None
        except (pickle.UnpicklingError, EOFError, ValueError):
            return None
        remembered = (signature, expiry, pickled)
        if len(pickled) <= REMEMBERED_BYTES:
            _remember(self._remembered, name, remembered, REMEMBERED_ENTRIES)
        return remembered

    def _file_for(self, key, version):
        name = self._files.get((key, version))
        if name is None:
            name = self._key_to_file(key, version)
            _remember(self._files, (key, version), name, REMEMBERED_ENTRIES * 10)
        return name

    def _write_content(self, file, timeout, value):
        expiry = self.get_backend_timeout(timeout)
        file.write(pickle.dumps(expiry, self.pickle_protocol))
        file.write(pickle.dumps(value, self.pickle_protocol))


def _signature(status):
    # A write moves a new file into place (a new inode); `touch` rewrites the
    # expiry in place (a new modification time).
    return (status.st_ino, status.st_mtime_ns, status.st_size)


def _remember(memory, key, value, limit):
    memory[key] = value
    if len(memory) > limit:
        # Forget the oldest; another thread may be doing the same (runserver).
        with contextlib.suppress(KeyError, RuntimeError, StopIteration):
            del memory[next(iter(memory))]
