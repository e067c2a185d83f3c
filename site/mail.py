"""Emails written to files (development, or production with EMAIL_TO_FILES=1).

A referral's email carries personal details. Django's file backend writes with
the process's default permissions, usually readable by every user of the
machine; here the folder is this user's alone and each file readable by this
user only."""

import os

from django.core.mail.backends.filebased import EmailBackend


class PrivateFileEmailBackend(EmailBackend):
    def __init__(self, *args, file_path=None, **kwargs):
        super().__init__(*args, file_path=file_path, **kwargs)
        # The folder is this user's alone, so older files in it are private too.
        os.chmod(self.file_path, 0o700)

    def open(self):
        if self.stream is None:
            descriptor = os.open(
                self._get_filename(), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600
            )
            self.stream = os.fdopen(descriptor, "ab")
            return True
        return False
